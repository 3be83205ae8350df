"""Text from the notes, made safe to show through Streamlit's markdown.

Streamlit renders markdown in ``st.markdown``, captions, button and expander labels. A
note can hold ``![x](http://…)`` (an image fetched from anywhere), ``[x](javascript:…)``,
``:red[…]`` directives, ``$…$`` formulas or HTML. Escaping every ASCII punctuation mark
with a backslash (which CommonMark allows for all of them) shows the text exactly as
written and renders none of it.
"""
from __future__ import annotations

import re

__all__ = ["literal", "shorten"]

_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def literal(text: object) -> str:
    r"""``text`` as markdown that displays it literally, on one line.

    >>> print(literal('<img src=x> **bold** :red[x] $y$'))
    \<img src\=x\> \*\*bold\*\* \:red\[x\] \$y\$
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def shorten(text: object, limit: int = 240) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("a  b\\nc", 10), shorten("x" * 12, 5)
    ('a b c', 'xxxx…')
    """
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"

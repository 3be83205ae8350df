"""Turn raw note text into clean prose: repaired encoding, no markup, no links, no boilerplate."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from collections.abc import Iterable
from pathlib import Path


__all__ = [
    "repair_encoding",
    "strip_markup",
    "inline_code",
    "Boilerplate",
    "normalise_space",
    "sentence_key",
]

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(((?:[^()\t]|\([^)\t]*\))*)\)")  # a destination never spans a tab (a cell break)
_ANGLE_URL = re.compile(r"<(?:https?|ftp)://[^>\s]*>")
_BARE_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+\.\S+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_STARS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_SPACES = re.compile(r"[ \t\u00a0]+")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:*]*\s*\)|\[\s*\]")
_NON_WORD = re.compile(r"[\W_]+")
_PRINTABLE_ASCII = re.compile("[\t\x20-\x7e]*\n?")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REMOVED = "\ue000"  # a private-use character marking where markup was taken out
_GAP = re.compile(r"[ \t]*\ue000[\ue000 \t]*")
_STRAY_STARS = re.compile(r"^\*+(?=\S)|(?<=\S)\*+$")


def repair_encoding(text: str) -> str:
    """Repair mojibake and odd characters (``"AIâ€“powered"`` -> ``"AI–powered"``) and drop
    control characters, including the C1 controls ftfy keeps and the bidirectional
    overrides that make text read differently from what it is.

    >>> repair_encoding("AIâ€“powered\x1b[31m \u202eevil")
    'AI–powered evil'
    """
    import ftfy  # a tenth of a second to import: only when a note is read, not for a build from the cache

    # ftfy fixes line by line, and leaves a line of printable ASCII as it is: only the
    # other lines go through it (most of a note's lines, and most of ftfy's time).
    lines = text.split("\n")
    segments = [line + "\n" for line in lines[:-1]] + [lines[-1]]  # as ftfy cuts them, "\r\n" kept whole
    fixed = [segment if _PRINTABLE_ASCII.fullmatch(segment) else ftfy.fix_text(segment, unescape_html=False)
             for segment in segments]
    return _CONTROL.sub("", "".join(fixed))


def inline_code(lines: Iterable[str]) -> tuple[str, ...]:
    """The inline code of some markdown lines (`kubectl get pods`), as written.

    >>> inline_code(["Run `git add` then `git commit -m msg`."])
    ('git add', 'git commit -m msg')
    """
    return tuple(span.strip() for line in lines for span in _CODE.findall(line) if span.strip())


def strip_markup(line: str) -> str:
    """Drop images, URLs, HTML tags and markdown emphasis from one line, keeping link text.

    >>> strip_markup("Learn about [RAG](https://aws.amazon.com/rag/) and **bold** <b>tags</b>")
    'Learn about RAG and bold tags'
    """
    line = line.replace(_REMOVED, "")
    line = _IMAGE.sub(_REMOVED, line)
    # A link to "#" is a page's button or advert, not a reference: it goes with its text.
    line = _LINK.sub(lambda m: _REMOVED if m.group(2).strip() in {"", "#"} else m.group(1), line)
    line = _ANGLE_URL.sub(_REMOVED, line)
    line = _BARE_URL.sub(_REMOVED, line)
    line = _TAG.sub(" ", line)
    line = html.unescape(line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _STARS.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _EMPTY_BRACKETS.sub(_REMOVED, line)
    # Where something was taken out, the neighbours stay apart ("a![x](y)b" is "a b", and
    # "&#1[](#)20;" never becomes a character reference), but no space goes before punctuation.
    line = _GAP.sub(lambda m: "" if m.start() == 0 or m.end() == len(m.string) or m.string[m.end()] in ",.;:!?)]"
                    else " ", line)
    line = _STRAY_STARS.sub("", line.strip())
    return normalise_space(line)


def normalise_space(text: str) -> str:
    """Collapse runs of spaces and tabs and trim the ends."""
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def sentence_key(text: str) -> str:
    """A key under which copies of the same sentence compare equal (case, spacing, quotes)."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


class Boilerplate:
    """Recognises lines that carry no knowledge ("Learn more about ...", advertising).

    The patterns are data: one regular expression per line of ``content/boilerplate.txt``,
    matched case-insensitively at the start of a cleaned line.
    """

    def __init__(self, patterns: Iterable[str]):
        parts = [p.strip() for p in patterns if p.strip() and not p.lstrip().startswith("#")]
        self._regex = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) if parts else None

    @classmethod
    def from_file(cls, path: Path) -> "Boilerplate":
        """Patterns read from a file, one per line; ``#`` starts a comment line."""
        return cls(path.read_text(encoding="utf-8").splitlines())

    def __call__(self, line: str) -> bool:
        return bool(self._regex and self._regex.match(line.strip(" -*>#\t")))

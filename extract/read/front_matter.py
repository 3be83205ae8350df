"""YAML front matter at the top of a markdown note: its metadata, and why it was ignored."""
from __future__ import annotations

import yaml

__all__ = ["split_front_matter", "front_matter_problem"]

_MAX_FRONT_MATTER_LINES = 200  # a "---" further down is a separator, not the end of front matter


def _front_matter(text: str) -> tuple[dict, str, int, str]:
    """``(metadata, body, first body line number, problem)``; ``problem`` is "" when the
    front matter is valid YAML or absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, ""
    for end in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES)):
        if lines[end].strip() in {"---", "..."}:
            body = "\n".join(lines[end + 1:])
            try:
                meta = yaml.safe_load("\n".join(lines[1:end])) or {}
            except (yaml.YAMLError, ValueError, RecursionError) as error:  # deep nesting overflows the parser
                reason = getattr(error, "problem", None) or type(error).__name__
                return {}, body, end + 2, f"front matter is not valid YAML ({reason}): ignored"
            if not isinstance(meta, dict):
                return {}, body, end + 2, "front matter is not a YAML mapping: ignored"
            return meta, body, end + 2, ""
    return {}, text, 1, ""


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Split YAML front matter from the body: ``(metadata, body, first body line number)``.

    Front matter that is not valid YAML is kept out of the body and yields no metadata.

    >>> split_front_matter("---\\ntitle: S3\\n---\\nBody.")
    ({'title': 'S3'}, 'Body.', 4)
    """
    meta, body, first_line, _ = _front_matter(text)
    return meta, body, first_line


def front_matter_problem(text: str) -> str:
    """Why a note's front matter was ignored ("" when it is valid or absent).

    >>> front_matter_problem("---\\n- a\\n---\\nBody.")
    'front matter is not a YAML mapping: ignored'
    """
    return _front_matter(text)[3]

"""A reader of the Cypher literals ``graph.neo4j_cypher`` writes, to check the script says what it means.

It knows the subset the script uses: single-quoted strings with backslash escapes, integers,
true, false, null, lists and maps; anything else raises ValueError.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^'\\]|\\.)*')|(?P<number>-?\d+)|(?P<word>[A-Za-z_]\w*)|(?P<mark>[][{}:,]))")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "\\": "\\", "'": "'", '"': '"'}
_WORDS = {"true": True, "false": False, "null": None}


def parse_cypher_literal(text: str):
    """The value of one literal: ``parse_cypher_literal("{a: [1, 'x']}") == {"a": [1, "x"]}``."""
    value, at = _literal(text, 0)
    if text[at:].strip():
        raise ValueError(f"left over: {text[at:at + 20]!r}")
    return value


def unwound_rows(script: str) -> list[tuple[str, list[dict]]]:
    """Each UNWIND statement of ``script``: its MERGE line and its rows."""
    found = []
    for statement in script.split(";\n"):  # the script's strings never hold a raw semicolon
        if "UNWIND [" in statement:
            rows = statement.split("UNWIND ", 1)[1].split("\n] AS row", 1)[0] + "\n]"
            merge = next(line for line in statement.splitlines() if line.startswith("MERGE"))
            found.append((merge, parse_cypher_literal(rows)))
    return found


def _token(text: str, at: int) -> tuple[str, str, int]:
    match = _TOKEN.match(text, at)
    if not match:
        raise ValueError(f"unexpected {text[at:at + 20]!r}")
    return match.lastgroup, match.group(match.lastgroup), match.end()


def _literal(text: str, at: int):
    kind, token, at = _token(text, at)
    if kind == "string":
        return _unescape(token[1:-1]), at
    if kind == "number":
        return int(token), at
    if kind == "word" and token in _WORDS:
        return _WORDS[token], at
    if token == "[":
        return _items(text, at, "]", _literal)
    if token == "{":
        entries, at = _items(text, at, "}", _entry)
        return dict(entries), at
    raise ValueError(f"unexpected {token!r}")


def _entry(text: str, at: int):
    kind, key, at = _token(text, at)
    _, colon, at = _token(text, at)
    if kind != "word" or colon != ":":
        raise ValueError(f"not a map entry: {text[at:at + 20]!r}")
    value, at = _literal(text, at)
    return (key, value), at


def _items(text: str, at: int, closing: str, item) -> tuple[list, int]:
    items: list = []
    while True:
        _, mark, after = _token(text, at)
        if mark == closing:
            return items, after
        if items:
            if mark != ",":
                raise ValueError(f"expected a comma: {text[at:at + 20]!r}")
            at = after
        value, at = item(text, at)
        items.append(value)


def _unescape(body: str) -> str:
    text = re.sub(r"\\u([0-9a-fA-F]{4})|\\(.)", lambda m: chr(int(m[1], 16)) if m[1] else _ESCAPES[m[2]], body)
    return text.encode("utf-16", "surrogatepass").decode("utf-16")  # a surrogate pair becomes one character

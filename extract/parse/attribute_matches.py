"""The attribute ruler's matches found by looking each word up, not by trying every pattern.

The English pipeline's attribute ruler holds some 180 patterns (its tag map and pronoun rules),
and spaCy's general matcher tries each of them at every word: a sixth of a parse's time. Nearly
every pattern names the word's tag or its lower-case form, so an index on those finds the few
patterns a word can match. The matches, their order and so the annotations are exactly the
ruler's own; a ruler holding a pattern this index cannot read keeps spaCy's matcher.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

__all__ = ["IndexedMatches", "index_matches"]

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # a word's row, as Doc.to_array gives it
_Row = list  # one word's values of _COLUMNS: string hashes, and 0 or 1
_Test = Callable[[_Row], bool]


class IndexedMatches:
    """A stand-in for ``AttributeRuler.match``: ``(rule, key, start, end)`` sorted, as it returns."""

    def __init__(self, filed: list[dict], anywhere: list):
        self.filed, self.anywhere = filed, anywhere  # filed[column][value]: the patterns to try

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(list(_COLUMNS)).tolist()
        matches = []
        length = len(rows)
        columns = list(enumerate(self.filed))
        for start, row in enumerate(rows):
            candidates = [item for column, index in columns for item in index.get(row[column], ())]
            for rule, key, first, rest in (*candidates, *self.anywhere) if self.anywhere else candidates:
                end = start + 1 + len(rest)
                if (first is None or first(row)) and (not rest or end <= length and all(
                        test(rows[start + k]) for k, test in enumerate(rest, start=1))):
                    matches.append((rule, key, start, end))
        matches.sort()
        return matches


def index_matches(ruler) -> IndexedMatches | None:
    """The indexed stand-in for ``ruler``'s matching, or None when a pattern uses anything
    beyond plain values, IN, NOT_IN and REGEX on TAG, LOWER, DEP and IS_SPACE."""
    filed: list[dict[int, list]] = [defaultdict(list) for _ in _COLUMNS]
    anywhere: list = []
    strings = ruler.vocab.strings
    for rule, entry in enumerate(ruler.patterns):
        key = strings[str(rule)]
        for pattern in entry["patterns"]:
            tests = [_token_test(spec, strings) for spec in pattern]
            if not pattern or None in tests:
                return None
            column, values = _filed_under(pattern[0], strings)
            filing_says_all = values and len(pattern[0]) == 1  # {"TAG": "NN"} filed under NN: nothing left to test
            item = (rule, key, None if filing_says_all else tests[0], tuple(tests[1:]))
            for value in values:
                filed[column][value].append(item)
            if not values:
                anywhere.append(item)
    return IndexedMatches([dict(index) for index in filed], anywhere)


def _filed_under(spec: dict, strings) -> tuple[int, list[int]]:
    """Where a pattern is filed by its first word: under each value it requires of the first
    column it names plainly; nowhere when it names none so ("n't" by a regular expression)."""
    for column, attribute in enumerate(_COLUMNS):
        value = spec.get(attribute)
        if isinstance(value, (str, bool)):
            return column, [_hashed(value, strings)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return column, [strings.add(v) for v in dict.fromkeys(value["IN"])]
    return 0, []


def _hashed(value: str | bool, strings) -> int:
    return int(value) if isinstance(value, bool) else strings.add(value)


def _token_test(spec: dict, strings) -> _Test | None:
    tests = []
    for attribute, value in spec.items():
        if attribute not in _COLUMNS:
            return None
        test = _value_test(_COLUMNS.index(attribute), value, strings)
        if test is None:
            return None
        tests.append(test)
    return tests[0] if len(tests) == 1 else lambda row: all(test(row) for test in tests)


def _value_test(column: int, value, strings) -> _Test | None:
    if isinstance(value, (str, bool)):
        wanted = _hashed(value, strings)
        return lambda row: row[column] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (operator, operand), = value.items()
    if operator in ("IN", "NOT_IN"):
        values, inside = frozenset(strings.add(v) for v in operand), operator == "IN"
        return lambda row: (row[column] in values) == inside
    if operator == "REGEX":
        return _regex_test(column, re.compile(operand), strings)
    return None


def _regex_test(column: int, pattern: re.Pattern, strings) -> _Test:
    seen: dict[int, bool] = {}

    def test(row: _Row) -> bool:
        value = row[column]
        if value not in seen:
            seen[value] = bool(pattern.search(strings[value]))
        return seen[value]
    return test


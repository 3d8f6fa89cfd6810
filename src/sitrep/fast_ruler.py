"""The model's attribute_ruler, matched with array tests instead of spaCy's Matcher.

The English models' `attribute_ruler` maps tags to parts of speech and sets a few lemmas and
morphological features: about 180 one- or two-token patterns on TAG, LOWER, DEP and IS_SPACE. spaCy
runs them through its general Matcher, which costs about as much as the parser (16% of the model's
time on news text). `speed_up(nlp)` replaces only the ruler's *matching* (its `match` method) by
one vectorised test per pattern over the Doc's attribute arrays; spaCy's own `set_annotations`
still applies the matches, in the same order (pattern number, then start), so every token gets
the same attributes as with the Matcher. A pattern of any other form (another attribute, another
operator, a quantifier) leaves the ruler as it is.

    speed_up(nlp) -> bool    True when the ruler's matching was replaced
"""
from __future__ import annotations

import re

import numpy

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OPS = ("IN", "NOT_IN", "REGEX")


class _Unsupported(Exception):
    pass


def _value_id(strings, value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings[value]          # the hash spaCy stores ("" is 0, an unset attribute)
    if isinstance(value, int):
        return value
    raise _Unsupported(value)


def _test(strings, key: str, value):
    """One attribute test: (column, kind, operand)."""
    if key not in _COLUMNS:
        raise _Unsupported(key)
    col = _COLUMNS.index(key)
    if not isinstance(value, dict):
        return col, "eq", _value_id(strings, value)
    if len(value) != 1 or next(iter(value)) not in _OPS:
        raise _Unsupported(value)
    op, arg = next(iter(value.items()))
    if op == "REGEX":
        if key != "LOWER" or not isinstance(arg, str):
            raise _Unsupported(value)
        return col, "regex", re.compile(arg)
    ids = numpy.array([_value_id(strings, v) for v in arg], dtype="uint64")
    return col, "in" if op == "IN" else "not_in", ids


def _compile(strings, pattern: list) -> list[list]:
    """A pattern (one dict per token) -> per token, its list of tests."""
    out = []
    for spec in pattern:
        if not isinstance(spec, dict) or not spec or "OP" in spec:
            raise _Unsupported(spec)
        out.append([_test(strings, k, v) for k, v in spec.items()])
    return out


def _mask(arr, tests) -> numpy.ndarray:
    """Tokens passing every array test of one pattern token (regex tests are done per start)."""
    m = numpy.ones(len(arr), dtype=bool)
    for col, kind, operand in tests:
        if kind == "eq":
            m &= arr[:, col] == operand
        elif kind == "in":
            m &= numpy.isin(arr[:, col], operand)
        elif kind == "not_in":
            m &= ~numpy.isin(arr[:, col], operand)
    return m


def _regex_ok(doc, start: int, tokens: list[list]) -> bool:
    for j, tests in enumerate(tokens):
        for _col, kind, operand in tests:
            if kind == "regex" and operand.search(doc[start + j].lower_) is None:
                return False
    return True


def _starts(doc, arr, tokens: list[list]) -> list[int]:
    n, size = len(arr), len(tokens)
    if n < size:
        return []
    m = numpy.ones(n - size + 1, dtype=bool)
    for j, tests in enumerate(tokens):
        m &= _mask(arr, tests)[j:n - size + 1 + j]
    starts = numpy.flatnonzero(m).tolist()
    if any(kind == "regex" for tests in tokens for _c, kind, _o in tests):
        starts = [s for s in starts if _regex_ok(doc, s, tokens)]
    return starts


class _ArrayMatch:
    """The ruler's `match(doc)`: [(pattern number, match id, start, end)], sorted, as spaCy's."""

    def __init__(self, ruler):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        strings = ruler.vocab.strings
        self.attrs = [TAG, LOWER, DEP, IS_SPACE]
        self.rules = []
        for i in range(len(ruler.attrs)):
            key = str(i)
            _, patterns = ruler.matcher.get(key)
            self.rules.append((i, strings[key], [_compile(strings, p) for p in patterns]))

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        arr = doc.to_array(self.attrs)
        out = []
        for i, match_id, alternatives in self.rules:
            for tokens in alternatives:
                size = len(tokens)
                out.extend((i, match_id, s, s + size) for s in _starts(doc, arr, tokens))
        out.sort()
        return out


def speed_up(nlp) -> bool:
    """Replace the matching of `nlp`'s attribute_ruler when every pattern is of a supported form."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not hasattr(ruler, "matcher") or not hasattr(ruler, "attrs"):
        return False
    try:
        match = _ArrayMatch(ruler)
    except (_Unsupported, KeyError, TypeError, ValueError):
        return False
    ruler.match = match
    return True

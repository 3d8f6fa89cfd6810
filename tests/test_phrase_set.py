"""recognisers.PhraseSet: every place a pattern's words stand in the Doc, in order, found through
the Doc's own index of its words (kept on the Doc, so two Docs never share it)."""
from __future__ import annotations

import pytest

from sitrep.nlp import parse
from sitrep.recognisers import PhraseSet

PATTERNS = [("North", "Kivu"), ("Goma",), ("El", "Fasher"), ("Gaza",), ("Gaza", "City"), ("Khan", "Younis")]


def _every_match(doc, patterns, lower=False):
    """What a matcher must find: each start, each length, tested against every pattern."""
    words = [t.lower_ if lower else t.text for t in doc]
    pats = set(patterns)
    longest = max(len(p) for p in pats)
    return [(0, i, i + n) for i in range(len(words)) for n in range(1, longest + 1)
            if i + n <= len(words) and tuple(words[i:i + n]) in pats]


@pytest.mark.parametrize("text", [
    "M23 rebels advanced from North Kivu towards Goma; Goma's airport closed.",
    "Shelling hit El Fasher again. In El Fasher, residents fled to Tawila.",
    "An air strike in Gaza City killed five; Gaza health officials said Khan Younis was hit too.",
    "No place of the list is named here, in Mogadishu or Sanaa.",
    "",
])
def test_a_phrase_set_finds_every_pattern_where_it_stands(text):
    doc = parse(text)
    assert PhraseSet(PATTERNS)(doc) == _every_match(doc, PATTERNS)
    lowered = [tuple(w.lower() for w in p) for p in PATTERNS]
    assert PhraseSet(lowered, lower=True)(doc) == _every_match(doc, lowered, lower=True)


def test_two_docs_each_get_their_own_matches():
    first, second = parse("Fighting near Goma and in North Kivu."), parse("Strikes on Gaza City and Khan Younis.")
    ps = PhraseSet(PATTERNS)
    assert [first[s:e].text for _, s, e in ps(first)] == ["Goma", "North Kivu"]
    assert [second[s:e].text for _, s, e in ps(second)] == ["Gaza", "Gaza City", "Khan Younis"]
    assert [first[s:e].text for _, s, e in ps(first)] == ["Goma", "North Kivu"]      # asked again

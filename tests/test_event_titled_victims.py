"""A victim named by a title ("a village chief", "the district commissioner", "a senior judge") is
a person: an act of violence done to one is an ASSAULT even when no doer is named (the actor
stays empty). Titles come from `titles.yaml`; a thing an official kills or shoots down ("the
minister killed the bill") stays no attack.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


TITLED = [
    ("A village chief was murdered in Ituri province overnight.", "chief"),
    ("A district commissioner was assassinated in Mogadishu on Sunday.", "commissioner"),
    ("A senior judge was shot dead in Peshawar on Thursday.", "judge"),
    ("Gunmen killed a local chieftain near Jos on Saturday.", "chieftain"),
    ("A deputy governor was kidnapped on the road to Kaduna, police said.", "governor"),
    ("Two senators were wounded when their convoy was fired on outside Aden.", "senators|convoy"),
    ("A regional commander was killed in a drone strike near Mekelle.", "commander"),
    ("An army colonel was abducted in Beni on Monday.", "colonel"),
    ("A Sunni imam was stabbed outside a mosque in Homs.", "imam"),
    ("Militants beheaded a village headman in Cabo Delgado.", "headman"),
    ("A prosecutor was gunned down in Ouagadougou on Friday.", "prosecutor"),
    ("The rebel spokesman was killed in an air strike in Sagaing.", "spokesman"),
]


@pytest.mark.parametrize("text,victim", TITLED)
def test_violence_against_a_titled_person_is_an_assault(events, text, victim):
    e = one_event(events(text), "ASSAULT")
    # the titled victims, or what was hit ("their convoy"), or "civilians"
    target = (e.target or "").lower()
    assert any(v in target for v in victim.split("|")) or target == "civilians", e.target


@pytest.mark.parametrize("text", [
    "The finance minister killed the bill before the vote.",
    "The commissioner shot down the idea of a new tax.",
    "The governor executed his plan to rebuild the bridge.",
    "The president killed off the proposal on Monday.",
])
def test_a_thing_an_official_kills_is_no_assault(events, text):
    assert not [e for e in events(text) if e.type == "ASSAULT"]

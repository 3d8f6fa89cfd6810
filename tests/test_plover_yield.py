"""PLOVER's split of yielding acts (CAMEO2PLOVER, openeventdata/PLOVER): easing economic sanctions, a
blockade or siege, a curfew, martial law or a state of emergency, letting aid, inspectors or
peacekeepers in, a military surrender and a truce one side declares are RETREATs; lifting a ban on a
party, letting journalists work, apologising and resigning are CONCEDEs; a truce the sides agree is
AGREE; a court finding someone guilty is ACCUSE.

Sentences written for these tests (new wording, many wars), each run under a headline through the
whole pipeline.
"""
from __future__ import annotations

import pytest

RETREATS = [
    ("The regional governor lifted the curfew in Maiduguri after a week without attacks.", "ease"),
    ("Ethiopia's federal government ended the state of emergency in the Amhara region on Friday.", "ease"),
    ("Myanmar's military council lifted martial law in three townships of Sagaing.", "ease"),
    ("The European Union eased sanctions on Syrian banks and airlines on Tuesday.", "ease"),
    ("The Saudi-led coalition relaxed its blockade of Hodeidah port to let fuel ships dock.", "ease"),
    ("Israel allowed 60 aid trucks into Rafah on Sunday.", "access"),
    ("The junta in Niamey permitted UN monitors to visit the detention centres.", "access"),
    ("The Sudanese army granted humanitarian access to El Obeid on Monday.", "access"),
    ("More than 300 Houthi fighters surrendered to government forces near Marib.", "surrender"),
    ("Two hundred ADF militants surrendered to the Ugandan army in Ituri.", "surrender"),
    ("The Arakan Army declared a unilateral ceasefire in northern Rakhine on Saturday.", "ceasefire"),
    ("Hezbollah declared a truce along the southern front on Wednesday.", "ceasefire"),
]

CONCEDES = [
    "The interior ministry lifted its ban on the main opposition party in Conakry.",
    "Authorities in Addis Ababa allowed foreign journalists to report from Mekelle.",
    "Sudan's prime minister resigned on Sunday after weeks of street protests.",
    "The Nigerian army apologised for the drone strike on a village in Kaduna.",
]

AGREES = [
    "The warring parties agreed to a ceasefire in South Kordofan on Thursday.",
    "The Colombian government and the ELN announced a bilateral truce in Bogota on Monday.",
    "Armenia and Azerbaijan agreed to a truce after two days of border clashes.",
]

VERDICTS = [
    "A military court in Kinshasa convicted 11 soldiers of killing civilians in Ituri.",
    "A court in Islamabad convicted a former minister of leaking state secrets.",
]


def _types(evs) -> set[str]:
    return {e.type for e in evs}


@pytest.mark.parametrize("text,mode", RETREATS)
def test_easing_access_surrender_and_a_declared_truce_are_retreats(headed_events, text, mode):
    evs = headed_events(text)
    assert "RETREAT" in _types(evs) and "CONCEDE" not in _types(evs), [(e.type, e.trigger) for e in evs]
    assert any(e.type == "RETREAT" and e.mode == mode for e in evs)


@pytest.mark.parametrize("text", CONCEDES)
def test_political_easing_apologies_and_resignations_stay_concede(headed_events, text):
    assert "CONCEDE" in _types(headed_events(text))


@pytest.mark.parametrize("text", AGREES)
def test_a_truce_the_sides_agree_is_agree_not_retreat(headed_events, text):
    types = _types(headed_events(text))
    assert "AGREE" in types and "RETREAT" not in types


@pytest.mark.parametrize("text", VERDICTS)
def test_a_conviction_is_an_accuse(headed_events, text):
    assert "ACCUSE" in _types(headed_events(text))


def test_a_conviction_in_a_relative_clause_is_background(headed_events):
    evs = headed_events("Iran executed a man convicted of spying for Israel in Tehran on Monday.")
    assert "ACCUSE" not in _types(evs)

"""A place that "fell to" a party was taken by it: COERCE, the party it fell to is the actor and
the place the target ("El Fasher fell to the RSF"); a figure or a missile that falls is no
seizure ("prices fell to a record low", "a missile fell into a field").

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


FELL_TO = [
    ("The town of Meiktila fell to the rebels on Sunday after days of fighting.", "rebels", "Meiktila"),
    ("El Fasher fell to the Rapid Support Forces after an 18-month siege, residents said.",
     "Rapid Support Forces", "El Fasher"),
    ("Goma fell to M23 fighters late on Monday, the UN said.", "M23", "Goma"),
    ("The village of Robotyne fell to Russian troops in the spring.", "Russia", "Robotyne"),
    ("The city of Lashio fell to the Myanmar National Democratic Alliance Army in August.",
     "Myanmar National Democratic Alliance Army", "Lashio"),
    ("Wad Madani fell to the RSF in December, forcing thousands to flee.", "Rapid Support Forces",
     "Wad Madani"),
    ("Bakhmut fell to Wagner fighters in May.", "Wagner", "Bakhmut"),
    ("The military base at Tessalit fell into the hands of Tuareg rebels.", "Tuareg rebels", "base"),
    ("The garrison town of Boni fell to JNIM fighters on Tuesday.", "JNIM", None),
    ("The port of Mocimboa da Praia fell to Islamist insurgents in 2020.", "insurgents", None),
]


@pytest.mark.parametrize("text,actor,target", FELL_TO)
def test_a_place_that_fell_to_a_party_was_taken_by_it(events, text, actor, target):
    e = one_event(events(text), "COERCE")
    assert actor in (e.actor or ""), e.actor
    assert e.target is not None and e.target != e.actor
    if target is not None:
        assert target in e.target


@pytest.mark.parametrize("text", [
    "Oil prices fell to a record low on Monday.",
    "The death toll fell to 20 after officials revised the figures.",
    "It fell to the UN to organise the talks.",
    "Debris fell to the ground in Kyiv after air defences intercepted a drone.",
])
def test_a_figure_or_a_duty_that_falls_is_no_seizure(events, text):
    assert not [e for e in events(text) if e.type == "COERCE"]


def test_a_missile_that_fell_into_a_field_stays_an_attack(events):
    evs = events("A missile fell into a field near Lviv.")
    assert [e.type for e in evs] == ["ASSAULT"]

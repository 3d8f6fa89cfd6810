"""Captives who come home were released: "twelve hostages returned home" is a RETREAT (release of
prisoners) with no doer named and the captives as its target. People who are not captives
coming home (displaced families, soldiers back from patrol), captives who "returned fire", and a
return still expected are no release.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


HOME = [
    "Twelve hostages released by Hamas returned home to Israel on Monday.",
    "Forty captives returned to their families in Sudan after a prisoner swap.",
    "Eighteen prisoners of war came home to Ukraine on Friday after months in Russian camps.",
    "Seven abductees returned to Kagoro on Wednesday, a community leader said.",
    "The 37 detainees came back to Mekelle late on Tuesday.",
    "Six hostages held by al-Shabaab returned home to Kenya last week.",
    "Thirty hostages came home to Maiduguri on Saturday, the army said.",
    "The last POWs returned home to Armenia in January.",
    "Nine captives returned to their village in Ituri after their release.",
    "Four Thai hostages returned home on Thursday after 50 days in Gaza.",
]


@pytest.mark.parametrize("text", HOME)
def test_captives_who_came_home_were_released(events, text):
    e = one_event(events(text), "RETREAT")
    assert e.actor is None or e.actor.lower() not in ("hostages", "captives", "prisoners", "detainees")


@pytest.mark.parametrize("text", [
    "Displaced families returned home to Khan Younis after the ceasefire.",
    "Refugees returned to their villages near Goma.",
    "The soldiers returned to base after the patrol.",
    "The prisoners returned fire on the guards.",
    "The hostages are expected to return home next week.",
    "The detainees may never return to their families, lawyers warned.",
])
def test_others_coming_home_or_a_return_still_to_come_is_no_release(events, text):
    assert not [e for e in events(text) if e.type == "RETREAT"]

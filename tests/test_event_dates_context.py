"""Dates an event takes from the story around it (issue 9, class 8): an attack told as a part
of a dated attack on several places ("... in Kharkiv, Odesa and Lviv oblasts. In Odesa Oblast,
a drone hit ..."), and a retelling that only inherited its day is no fuller for it.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-02"


@pytest.fixture
def events(analyse):
    def run(text):
        return analyse(text, PUBLISHED).events
    return run


def _starting(evs, start):
    found = [e for e in evs if e.evidence.startswith(start)]
    assert found, [(e.type, e.date, e.evidence[:40]) for e in evs]
    return found[0]


@pytest.mark.parametrize("text, part", [
    ("Russia launched a combined missile and drone attack on Tuesday, killing nine people in the "
     "Kharkiv, Odesa and Lviv oblasts. In Odesa Oblast, a drone struck a grain warehouse in Izmail, "
     "killing a guard.", "In Odesa Oblast"),
    ("Russia launched a massive drone attack overnight on Monday, killing six people in Dnipro, "
     "Zaporizhzhia and Sumy. In Sumy, a drone hit an apartment block, killing two children.",
     "In Sumy"),
    ("RSF drones struck several towns on Tuesday, killing 30 people in El Obeid, Kosti and Rabak. "
     "In Kosti, a drone hit the power station, killing four workers.", "In Kosti"),
    ("Israeli jets carried out a wave of strikes on Wednesday, killing 14 people in Nabatieh, Tyre "
     "and Baalbek. In Tyre, a missile hit a car, killing three men.", "In Tyre"),
    ("Jihadists launched coordinated attacks on Monday, killing 40 soldiers in Djibo, Diapaga and "
     "Kaya. In Djibo, the assailants overran the army camp, killing 12 soldiers.", "In Djibo"),
    ("Myanmar's air force launched airstrikes on Tuesday, killing 20 people in Sagaing, Mandalay and "
     "Magway. In Magway, a jet bombed a monastery, killing seven monks.", "In Magway"),
    ("Russia fired ballistic missiles on Wednesday, killing 11 people in Kharkiv, Poltava and "
     "Kremenchuk. Poltava Governor Filip Pronin said a missile hit a military institute in Poltava, "
     "killing five cadets.", "Poltava Governor"),
    ("Al-Shabaab mortars hit several districts on Monday, killing eight people in Mogadishu, "
     "Afgoye and Baidoa. In Afgoye, a mortar shell struck a market, killing three traders.",
     "In Afgoye"),
    ("The Huthis fired missiles and drones on Tuesday, killing six people in Marib, Taiz and "
     "Hudaydah. In Taiz, a shell hit a school, killing two pupils.", "In Taiz"),
    ("ISWAP fighters raided several towns on Wednesday, killing 25 people in Maiduguri, Monguno and "
     "Bama. In Bama, a rocket hit a mosque, killing nine worshippers.", "In Bama"),
])
def test_an_attack_at_one_of_the_places_of_a_dated_wider_attack_takes_its_day(events, text, part):
    evs = events(text)
    wide = evs[0]
    assert wide.date is not None
    assert _starting(evs, part).date == wide.date


@pytest.mark.parametrize("text, part", [
    ("Russia launched a combined attack on Tuesday, killing nine people in Kharkiv and Odesa. "
     "Last year, a drone struck a warehouse in Odesa, killing two guards.", "Last year"),
    ("RSF drones struck several towns on Tuesday, killing 30 people in El Obeid and Kosti. In "
     "Kassala, a drone hit the airport, killing a guard.", "In Kassala"),
])
def test_an_attack_of_another_time_or_place_keeps_no_day(events, text, part):
    assert _starting(events(text), part).date is None

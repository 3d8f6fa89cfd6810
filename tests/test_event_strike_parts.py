"""Parts of a wider strike (fixture regression after the set-fire entry): a fire set "to" a
place has that place as its target; the remains of a weapon fired from afar ("debris from a
downed drone") stand for the weapon, so the side already striking there did it; and an
incident at a place a dated attack named, with no day of its own, is a part of that attack.

Sentences written for these tests, from several wars. Published on Thursday 2 May 2024.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-02"


def _of(evs, starting):
    found = [e for e in evs if e.type == "ASSAULT" and e.evidence.startswith(starting)]
    assert found, [(e.type, e.trigger, e.actor, e.evidence[:40]) for e in evs]
    return found[0]


@pytest.mark.parametrize("text, target", [
    ("Gunmen set fire to a clinic in Kajo Keji, residents said.", "clinic"),
    ("RSF fighters set fire to a market in El Geneina on Sunday.", "market"),
    ("Jihadists set fire to a church near Djibo, a local official said.", "church"),
    ("Settlers set fire to a mosque in the village of Deir Istiya, witnesses said.", "mosque"),
    ("Soldiers set fire to dozens of homes in Sagaing region, villagers said.", "homes"),
    ("M23 rebels set fire to a school in Rutshuru territory, the army said.", "school"),
    ("Al-Shabaab militants set fire to a police station in Lower Shabelle.", "police station"),
    ("Bandits set fire to a health centre in Zamfara state, police said.", "health centre"),
    ("Amhara militiamen set fire to a bus station in Gondar, residents said.", "bus station"),
    ("Separatist fighters set fire to a courthouse in Bamenda on Monday.", "courthouse"),
])
def test_the_place_a_fire_is_set_to_is_the_target(analyse, text, target):
    e = _of(analyse(text, PUBLISHED).events, text[:12])
    assert e.target and target.split()[-1] in e.target.lower(), (e.target, e.actor)


LEAD = {
    "UA": "Russia attacked Kharkiv and Dnipro with drones and missiles overnight on Wednesday, "
          "killing three people, Ukrainian officials said. ",
    "IL": "Hezbollah fired rockets and drones at Nahariya and Kiryat Shmona on Wednesday, "
          "the Israeli military said. ",
    "SD": "The RSF attacked Port Sudan and Kassala with drones on Wednesday, the army said. ",
    "SA": "The Houthis fired missiles and drones at Jizan and Abha on Wednesday, the Saudi-led "
          "coalition said. ",
    "IN": "Pakistan shelled Poonch and Rajouri with artillery on Wednesday, Indian officials said. ",
}


@pytest.mark.parametrize("side, text, place", [
    ("UA", "In Dnipro, fragments of an intercepted missile damaged a school, the governor said.", "Dnipro"),
    ("IL", "In Kiryat Shmona, debris from a downed drone set fire to a car park, firefighters said.",
     "Kiryat Shmona"),
    ("SA", "In Abha, fragments of a downed drone set fire to a hangar, the coalition said.", "Abha"),
])
def test_a_part_of_a_dated_strike_takes_its_side_and_day(analyse, side, text, place):
    evs = analyse(LEAD[side] + text, PUBLISHED).events
    lead = _of(evs, LEAD[side][:10])
    e = _of(evs, text[:12])
    assert lead.date == "2024-05-01", lead.date
    assert e.date == lead.date, (e.trigger, e.date)
    assert e.actor == lead.actor, (e.trigger, e.actor, lead.actor)


@pytest.mark.parametrize("text", [
    # a place the dated attack did not name
    "In Odesa, fragments of an intercepted missile set fire to a warehouse, the governor said.",
    # an incident told with another time
    "In Dnipro, fragments of an intercepted missile damaged a school last month, the governor said.",
])
def test_an_incident_outside_the_dated_strike_keeps_no_day(analyse, text):
    evs = analyse(LEAD["UA"] + text, PUBLISHED).events
    e = _of(evs, text[:10])
    assert e.date is None, (e.trigger, e.date)

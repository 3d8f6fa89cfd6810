"""A recap of an incident told before another one is the first incident again (issue 9,
precision): "the attack on the port of Izmail" after a second strike was told goes back to the
port strike; "Terrorists" opening a sentence is a common noun for the doer already named. An act
noun without the told incident's spot, or with another place, stays its own incident.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

GOES_BACK = [
    ("Russian drones struck the port of Izmail in the Odesa region overnight, wounding four workers. "
     "Ukrainian drones hit an oil refinery in Russia's Saratov region, Kyiv said. The attack on the "
     "port of Izmail damaged two warehouses, the governor said.", 2),
    ("RSF drones struck a market in El Obeid on Monday, killing 19 people. Army jets bombed RSF "
     "positions near Bara on Tuesday, the army said. The strike on the market in El Obeid also "
     "destroyed dozens of stalls, witnesses said.", 2),
    ("Israeli jets struck a school in Gaza City on Thursday, killing 14 people. Hamas fighters fired "
     "rockets at Sderot, the group said. The strike on the school in Gaza City drew condemnation "
     "from the UN, and the strike on the school in Gaza City left 30 wounded.", 2),
    ("Al Shabaab fighters attacked a base in Baidoa on Monday, killing eight soldiers. US aircraft "
     "struck militants near Jilib on Tuesday, the US military said. The attack on the base in "
     "Baidoa lasted four hours, officials said.", 2),
    ("M23 rebels shelled the town of Sake on Friday, killing five civilians. Army drones bombed "
     "M23 positions in Rutshuru, the army said. The shelling of Sake also hit a school, local "
     "officials said.", 2),
    ("Junta jets bombed a village in Kawlin township on Sunday, killing nine people. Resistance "
     "fighters ambushed a junta convoy near Wuntho on Monday. The bombing of the village in "
     "Kawlin township destroyed 30 houses, residents said.", 2),
]


@pytest.mark.parametrize("text, n", GOES_BACK)
def test_a_recap_of_an_earlier_incident_is_that_incident(assaults, text, n):
    found = assaults(text)
    assert len(found) == n, [(e.trigger, e.actor, e.location, e.evidence[:50]) for e in found]


COMMON_DOERS = [
    ("Islamic State fighters attacked an army post near Dibis on Tuesday, killing two soldiers, "
     "officials said. Terrorists stormed the post at dawn and clashed with troops for an hour, an "
     "officer said.", 1),
    ("JNIM fighters attacked a gendarmerie post in Djibo on Friday, security sources said. "
     "Militants stormed the post at dawn, a resident said.", 1),
    ("Ansar Allah forces attacked a government position in Marib on Sunday, local sources said. "
     "Insurgents stormed the position after midnight, a commander said.", 1),
    ("Boko Haram fighters attacked a military base in Monguno on Monday, killing four soldiers. "
     "Gunmen stormed the base at dawn, a resident said.", 1),
]


@pytest.mark.parametrize("text, n", COMMON_DOERS)
def test_a_common_noun_for_the_doer_retells_its_incident(assaults, text, n):
    found = assaults(text)
    assert len(found) == n, [(e.trigger, e.actor, e.location, e.evidence[:50]) for e in found]


STAY = [
    # an act noun on another place is another incident
    ("Russian drones struck the port of Izmail overnight, wounding four workers. Ukrainian drones "
     "hit an oil refinery in Saratov, Kyiv said. The attack on a power plant in Kharkiv killed a guard, "
     "officials said.", 3),
    # no place of the older incident: the recap cannot go back past the newest one
    ("RSF drones struck a market in El Obeid on Monday, killing 19 people. Army jets bombed RSF "
     "positions near Bara on Tuesday, the army said. An attack on a convoy in Kosti killed two drivers.", 3),
    # the same doer somewhere else
    ("Junta jets bombed a village in Kawlin township on Sunday, killing nine people. Junta jets "
     "bombed a school in Pale township on Monday, killing four children.", 2),
]


@pytest.mark.parametrize("text, n", STAY)
def test_another_place_stays_another_incident(assaults, text, n):
    found = assaults(text)
    assert len(found) == n, [(e.trigger, e.actor, e.location, e.evidence[:50]) for e in found]

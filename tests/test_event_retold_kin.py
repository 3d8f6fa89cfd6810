"""One air raid told twice in other words is one event (issue 9, retellings): "air strikes hit a
school ... jets bombed the school" (modes of one kin, retellings.yaml `mode_kin`), and a village
the gazetteer does not know, told right after by the same doer as "the village of ...", is the
first telling's village. Incidents with another weapon, another place the gazetteer knows, or
an indefinite act of their own stay apart.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, toll", [
    ("Myanmar's military carried out an air strike on a village in Sagaing region on Friday, killing "
     "9 people. Junta jets bombed the village of Let Yet Kone during a religious ceremony, residents "
     "said.", 9),
    ("Israeli air strikes hit a school in Gaza City on Thursday, killing 12 people. Israeli jets bombed "
     "the school as families slept, witnesses said.", 12),
    ("Sudanese army aircraft struck a market in Nyala on Monday, killing 20 people, activists said. "
     "Army planes bombed the market during the morning rush, a resident said.", 20),
    ("Russian missiles struck Dnipro on Tuesday, killing four people. The strike on Dnipro destroyed "
     "a clinic, the governor said.", 4),
    ("Saudi-led coalition jets carried out an air strike on a prison in Saada, killing 70 inmates. "
     "Coalition warplanes bombed the prison before dawn, aid workers said.", 70),
    ("Turkish drones struck a car near Qamishli on Sunday, killing two SDF commanders. The drone "
     "strike on the car was the third this month, the SDF said.", 2),
    ("Pakistani jets carried out air strikes on a village in Paktika province, killing eight people, "
     "Taliban officials said. Pakistani aircraft bombed the village at night, a resident said.", 8),
    ("Ethiopian air force jets carried out an air strike on a village in Amhara region on Sunday, "
     "killing 15 people. Ethiopian jets bombed the village of Dejen Gur, residents said.", 15),
])
def test_one_raid_told_in_other_words_is_one_event(assaults, text, toll):
    evs = assaults(text)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text", [
    "Israeli aircraft struck a house in Tyre on Monday, killing five. Israeli drones hit a car in Sidon "
    "the same day, killing two.",
    "Russian forces shelled Nikopol on Friday, killing one man. Russian drones hit a bus in Marhanets, "
    "wounding six.",
    "Army jets bombed a market in Sagaing region on Friday, killing 9. A drone hit a monastery in the "
    "village of Kyauk Ye, killing 3.",
])
def test_another_weapon_or_place_is_another_incident(assaults, text):
    assert len(assaults(text)) == 2

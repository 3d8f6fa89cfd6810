"""A zero said of civilians is no toll of an attack on an armed target (issue 9, class 6):
"no civilian casualties" after a strike on a rebel camp leaves `fatalities` unknown (the fighters
may have died), while after a strike on a town or a market, or with a plain "no casualties", it
is the incident's 0.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def assault(analyse):
    def run(text, published="2024-05-02"):
        evs = [e for e in analyse(text, published).events if e.type == "ASSAULT"]
        assert evs, text
        return evs[0]
    return run


@pytest.mark.parametrize("text", [
    "Army jets bombed a rebel camp in Shan state, the junta said. No civilian casualties were reported.",
    "Ukrainian drones hit a Russian army base in Belgorod, with no civilian casualties, officials said.",
    "Jets bombed a rebel position near Idlib; there were no civilian casualties.",
    "Israeli aircraft struck a Hezbollah position near Nabatieh on Tuesday. There were no civilian "
    "casualties, the army said.",
    "Somali and US forces carried out an air strike on an al-Shabaab base near Jilib. No civilians "
    "were harmed, the command said.",
    "Nigerian air force jets pounded a Boko Haram camp in the Sambisa forest, with no casualties "
    "among civilians, a spokesman said.",
    "Saudi-led coalition jets struck a Houthi military post near Saada on Sunday. No civilian casualties were "
    "reported.",
    "Russian artillery shelled Ukrainian army positions near Bakhmut. No civilian casualties were "
    "reported.",
])
def test_the_civilians_zero_leaves_an_armed_targets_toll_unknown(assault, text):
    assert assault(text).fatalities is None


@pytest.mark.parametrize("text", [
    "Russian missiles hit Kharkiv overnight. No civilian casualties were reported.",
    "RSF shells landed on a market in El Obeid on Monday. No civilian casualties were reported.",
    "Russian missiles hit a Ukrainian army base in Kharkiv overnight. No casualties were reported.",
    "Militants attacked an army post in Tillaberi on Friday; nobody was killed, the army said.",
])
def test_a_zero_for_everyone_or_for_civilians_hit_is_the_toll(assault, text):
    assert assault(text).fatalities == 0

"""People who come armed and attack do not riot: a riot entry (PROTEST, mode riot: "youths
attacked", "farmers stormed") is ruled out when its subject is modified by "armed"
(`not_subj_mod` in event_lexicon.yaml), and the attack is coded as an assault. Crowds, students and
protesters who storm or torch stay a riot. Sentences written for this test, from many wars."""
from __future__ import annotations

import pytest

from sitrep.pipeline import extract
from sitrep.record import Article


def types(text: str) -> set[str]:
    return {e.type for e in extract(Article(id="t", text=text, published="2025-05-05")).events}


ARMED = [
    "A group of armed youths attacked a cattle camp in Jonglei on Thursday, killing 14 herders.",
    "Armed farmers stormed a herders' settlement near Jos on Sunday and killed five people.",
    "Armed supporters of the candidate attacked an electoral office in Kinshasa on Monday, wounding two staff.",
    "Armed traders fought a militia in Bunia market on Tuesday, leaving three dead.",
    "Armed drivers attacked a patrol on the Mandalay road on Wednesday, the junta said.",
    "A crowd of armed miners attacked a police post near Kolwezi on Saturday.",
    "Armed youths burned houses in a village near Kaduna on Monday, killing four residents.",
    "Armed students attacked a rival hostel at the university in Jos on Friday, wounding six.",
    "Armed workers fought security guards at the mine in Kamituga on Monday, leaving two dead.",
    "Armed truckers attacked a toll post near Nuevo Laredo on Tuesday, wounding a guard.",
]


@pytest.mark.parametrize("text", ARMED)
def test_armed_people_who_attack_commit_an_assault_not_a_riot(text):
    got = types(text)
    assert "ASSAULT" in got and "PROTEST" not in got, got


RIOTS = [
    "Angry youths attacked a police station in Nairobi after a man died in custody.",
    "Protesters stormed the parliament building in Colombo on Saturday.",
    "Students torched buses in Dhaka on Tuesday during protests over quotas.",
    "A mob attacked a church in Sargodha on Sunday after blasphemy rumours.",
    "Masked protesters stormed the town hall in Caracas on Sunday.",
]


@pytest.mark.parametrize("text", RIOTS)
def test_crowds_that_storm_or_torch_still_riot(text):
    assert "PROTEST" in types(text)

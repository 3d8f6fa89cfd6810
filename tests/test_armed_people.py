"""People named by how they came armed or disguised are a party, whatever the noun: "heavily
armed individuals", "armed elements", "masked youths" act like "gunmen" (issue 9, class 5: a
group the text names is the actor; class 1: no event lost for want of a named doer). Things so
modified ("armed drones") and acts ("an armed robbery") are not. Sentences written for this test,
from many wars."""
from __future__ import annotations

import pytest

from sitrep.pipeline import extract
from sitrep.record import Article


def events(text: str):
    return extract(Article(id="t", text=text, published="2025-05-05")).events


ARMED = [
    ("Heavily armed individuals opened fire on a minibus near Cap-Haitien on Friday, wounding nine passengers.", "individuals"),
    ("Armed elements raided a market in Mopti on Tuesday and looted shops, residents said.", "elements"),
    ("Masked individuals set fire to a polling station in Bamenda on Sunday.", "individuals"),
    ("Hooded intruders stabbed a guard at a clinic in Kananga overnight, the provincial governor said.", "intruders"),
    ("Armed herdsmen killed 12 farmers in Guma, Benue state, on Saturday, police said.", "herdsmen"),
    ("Heavily armed smugglers fired on border guards near Zahedan on Monday, state media reported.", "smugglers"),
    ("Armed youths shot at a convoy on the road to Bor on Wednesday, killing a driver.", "youths"),
    ("Armed civilians ambushed a police patrol in Marawi on Thursday, the army said.", "civilians"),
    ("Uniformed men abducted two aid workers in Kidal on Monday, the UN said.", "men"),
    ("Masked poachers shot two rangers in Garamba park on Sunday, the park authority said.", "poachers"),
    ("Armed loggers attacked a ranger post in Kachin state on Tuesday, wounding three rangers.", "loggers"),
]


@pytest.mark.parametrize("text, head", ARMED)
def test_armed_or_masked_people_are_the_actor(text, head):
    evs = events(text)
    assert evs, "the attack is coded"
    assert evs[0].actor and head in evs[0].actor.lower(), [(e.type, e.actor) for e in evs]


NOT_PEOPLE = [
    ("Armed drones struck a base near Erbil on Sunday, the Kurdish government said.", "drones"),
    ("An armed robbery at a bank in Lagos left two guards dead, police said.", "robbery"),
    ("Armed convoys of the ministry carried food to Kassala on Monday.", "convoys"),
]


@pytest.mark.parametrize("text, word", NOT_PEOPLE)
def test_an_armed_thing_or_act_is_not_a_party(text, word):
    assert not any(e.actor and word in e.actor.lower() for e in events(text))


def test_a_named_side_still_wins():
    evs = events("Russian forces shelled Kherson on Monday, killing two people, the governor said.")
    assert evs and evs[0].actor == "Russia"

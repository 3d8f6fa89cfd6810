"""Forces owned by a named body in the possessive ("the RSF's fighters", "Hezbollah's
fighters", "the group's fighters") are that body as a party: its canonical name, side and
sector, never the phrase "RSF's fighters" (which names no one a reader could look up).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


OWNED_FORCES = [
    ("The RSF's fighters stormed the village of Wad al-Noura.", "ASSAULT", "Rapid Support Forces"),
    ("Hezbollah's fighters attacked an Israeli position near the border.", "ASSAULT", "Hezbollah"),
    ("M23's fighters captured the town of Sake.", "COERCE", "M23"),
    ("Al-Shabaab's militants raided a village in Middle Shabelle.", "ASSAULT", "Al-Shabaab"),
    ("The Houthis' forces attacked a ship in the Red Sea.", "ASSAULT", "Houthis"),
    ("Wagner's mercenaries killed dozens of civilians in Moura.", "ASSAULT", "Wagner"),
    ("ISWAP's fighters ambushed a military convoy near Damboa.", "ASSAULT", "Islamic State West Africa Province"),
    ("The ELN's fighters bombed an oil pipeline in Arauca.", "ASSAULT", "National Liberation Army"),
    ("Boko Haram's gunmen abducted 20 farmers in Borno.", "ASSAULT", "Boko Haram"),
    ("The Arakan Army said it had taken Paletwa. The group's fighters then attacked a police "
     "post in Buthidaung.", "ASSAULT", "Arakan Army"),
]


@pytest.mark.parametrize("text,etype,body", OWNED_FORCES)
def test_forces_owned_by_a_body_are_that_body(events, text, etype, body):
    e = one_event(events(text), etype)
    assert e.actor is not None and body in e.actor, e.actor
    assert "'" not in e.actor


def test_a_state_body_owning_forces_gives_its_country(events):
    e = one_event(events("The junta's air force bombed a school in Sagaing."), "ASSAULT")
    assert e.actor_country == "MM"


def test_a_persons_men_are_not_made_a_body(events):
    # a man owns them, not a body the article or the table names: no party is invented
    e = one_event(events("The commander's men looted the market in Nyala."), "COERCE")
    assert e.actor_country is None


# forces told by whom they are loyal to ("forces loyal to X") are X's: new wording, many wars
LOYAL_FORCES = [
    ("Fighters loyal to the RSF attacked the village of Wad al-Nourah on Wednesday.", "ASSAULT", "SD"),
    ("Gunmen loyal to al-Shabaab ambushed a convoy near Beledweyne, police said.", "ASSAULT", "SO"),
    ("Militias loyal to Hezbollah fired rockets at the town of Kiryat Shmona.", "ASSAULT", "LB"),
    ("Forces loyal to the Houthis attacked a tanker in the Red Sea on Tuesday.", "ASSAULT", "YE"),
    ("Units loyal to the Syrian government bombarded the town of Idlib.", "ASSAULT", "SY"),
    ("Fighters loyal to M23 seized the town of Sake after heavy fighting.", "COERCE", "CD"),
    ("Soldiers loyal to the Ethiopian government clashed with Fano militiamen near Gondar.",
     "ASSAULT", "ET"),
    ("Troops loyal to the Malian junta raided the village of Moura at dawn.", "ASSAULT", "ML"),
    ("Militiamen loyal to Boko Haram burned the village of Dalori.", "ASSAULT", "NG"),
    ("Forces loyal to the Ukrainian government shelled Russian positions near Robotyne.",
     "ASSAULT", "UA"),
]


@pytest.mark.parametrize("text,etype,country", LOYAL_FORCES)
def test_forces_loyal_to_a_party_are_that_party(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.actor_country == country, (e.actor, e.actor_country)
    assert e.actor.lower() not in ("forces", "fighters", "troops", "units", "gunmen", "militias",
                                   "soldiers", "militiamen"), e.actor


def test_troops_loyal_to_a_person_are_not_made_a_body(events):
    # a man's loyalists: no party is invented from the person
    e = one_event(events("Troops loyal to General Haftar shelled the outskirts of Tripoli."), "ASSAULT")
    assert e.actor_country is None

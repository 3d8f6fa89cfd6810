"""RETREAT parties: a pull-back from a site is done to the place the site is named by ("evacuated
its base in Tessalit" -> Tessalit), also when told by a noun ("their withdrawal from Niger");
people freed with no one named as freeing them are let go by whoever the article has taking
them ("Gunmen abducted 30 students ... The students were released" -> the gunmen).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


WITHDRAWALS = [
    ("The army evacuated its base in Tessalit.", "Tessalit"),
    ("French troops completed their withdrawal from Niger.", "Niger"),
    ("The M23 withdrew its fighters from positions around Sake.", "Sake"),
    ("Malian soldiers abandoned their camp at Ber after heavy fighting.", "Ber"),
    ("The RSF pulled out of its positions near Omdurman.", "Omdurman"),
    ("Ukrainian troops left their positions outside Avdiivka overnight.", "Avdiivka"),
    ("Russian forces completed the pullout from the village of Krynky.", "Krynky"),
    ("Israeli forces withdrew from the camp in Jenin after a three-day raid.", "Jenin"),
    ("The SAF evacuated its garrison in Babanusa.", "Babanusa"),
    ("Nigerien troops withdrew from the outpost of Tillia on Friday.", "Tillia"),
]


@pytest.mark.parametrize("text,place", WITHDRAWALS)
def test_a_pull_back_from_a_site_targets_the_place_it_is_named_by(headed_events, text, place):
    e = one_event(headed_events(text), "RETREAT")
    assert e.target is not None and place in e.target, e.target


FREED_AFTER_TAKEN = [
    ("Gunmen abducted 30 students in Kaduna. The students were released on Sunday.", "gunmen"),
    ("Hamas seized dozens of hostages in October. Four hostages were freed on Saturday.", "Hamas"),
    ("The Houthis seized the crew of a cargo ship. The crew were released in January.", "Houthis"),
    ("JNIM fighters kidnapped three engineers near Kayes. The engineers were freed after talks.", "JNIM"),
    ("ELN rebels kidnapped a soldier in Arauca. The soldier was released on Friday.",
     "National Liberation Army"),
    ("The RSF detained dozens of doctors in El Fasher. The doctors were freed days later.",
     "Rapid Support Forces"),
    ("Bandits abducted 40 worshippers in Zamfara. The worshippers were set free on Monday.", "bandits"),
    ("The junta arrested two journalists in Bamako. The journalists were released on bail.", "junta"),
    ("Al-Shabaab fighters kidnapped five teachers near Baidoa. The teachers were released a week "
     "later.", "Al-Shabaab"),
    ("Boko Haram abducted 20 farmers in Borno. Eight farmers were freed on Tuesday.", "Boko Haram"),
]


@pytest.mark.parametrize("text,captor", FREED_AFTER_TAKEN)
def test_people_freed_by_no_one_named_are_let_go_by_their_captors(headed_events, text, captor):
    e = one_event(headed_events(text), "RETREAT")
    assert captor.lower() in (e.actor or "").lower(), e.actor


def test_people_freed_with_no_captor_told_have_no_actor(headed_events):
    e = one_event(headed_events("Three engineers were released in Sudan on Monday."), "RETREAT")
    assert e.actor is None

"""Shoot-downs: the one who shoots down (or intercepts, destroys) a drone, missile or jet is the
actor; the side that owned what was shot down is the target. The shooter's side comes from its
own words ("Russian air defences", "US warships"), else from the place it was shot down over,
else from who reports it. A repelled assault stays the attacker's act.

Sentences written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

from support import one_event


@pytest.fixture
def events(analyse):
    def run(text):
        return analyse(text, "2025-03-04").events
    return run


SHOOT_DOWNS = [
    # (text, actor country, target country)
    ("Ukraine's air force said air defences shot down 30 Russian drones overnight.", "UA", "RU"),
    ("Air defence units destroyed 19 Ukrainian drones over the Belgorod region, the ministry said.",
     "RU", "UA"),
    ("Pakistan's army said it had shot down two Indian jets near Bahawalpur.", "PK", "IN"),
    ("Indian air defences shot down three Pakistani drones over Amritsar on Saturday.", "IN", "PK"),
    ("US warships shot down a Houthi drone over the Red Sea.", "US", "YE"),
    ("Houthi rebels said they had shot down an American MQ-9 Reaper drone over Marib.", "YE", "US"),
    ("Israeli air defences shot down several Iranian drones over the Golan Heights.", "IL", "IR"),
    ("Iranian forces shot down an Israeli drone over Isfahan, state television said.", "IR", "IL"),
    ("The RSF shot down two Sudanese army drones over Omdurman.", "SD", "SD"),
    ("Russian air defences destroyed 47 Ukrainian drones over the Bryansk region.", "RU", "UA"),
    ("Turkish jets shot down a Syrian warplane near the border on Sunday.", "TR", "SY"),
]


@pytest.mark.parametrize("text,actor_country,target_country", SHOOT_DOWNS)
def test_the_shooter_acts_on_the_side_of_what_it_shot_down(events, text, actor_country, target_country):
    e = one_event(events(text), "ASSAULT")
    assert e.actor is not None and e.actor_country == actor_country, (e.actor, e.actor_country)
    assert e.target_country == target_country, (e.target, e.target_country)
    assert e.actor != e.target


def test_a_named_group_that_shoots_down_a_state_drone_is_the_actor(events):
    e = one_event(events("The RSF shot down two Sudanese army drones over Omdurman."), "ASSAULT")
    assert e.actor == "Rapid Support Forces"


def test_the_owner_group_of_the_drone_is_the_target_not_its_country(events):
    e = one_event(events("US warships shot down a Houthi drone over the Red Sea."), "ASSAULT")
    assert e.target == "Houthis"


def test_a_repelled_assault_stays_the_attackers_act(events):
    e = one_event(events("Ukrainian forces repelled 14 Russian assaults near Pokrovsk."), "ASSAULT")
    assert e.actor_country == "RU"
    assert e.target_country == "UA"


def test_a_passive_shoot_down_has_the_agent_as_shooter(events):
    e = one_event(events("Three Indian jets were shot down by Pakistan, the minister said."), "ASSAULT")
    assert e.actor == "Pakistan"
    assert e.target_country == "IN"


FOLLOWING_STRIKES = [
    ("Air defences shot down 40 Ukrainian drones over the Kursk region, the ministry said. "
     "Later a drone struck a car in the town of Rylsk, the governor said.", "UA"),
    ("Israeli air defences shot down 12 Iranian drones over Eilat overnight. A drone hit an "
     "apartment building in Eilat, police said.", "IR"),
]


@pytest.mark.parametrize("text,striker", FOLLOWING_STRIKES)
def test_the_side_whose_drones_were_shot_down_strikes_that_country(events, text, striker):
    hits = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(hits) == 2, [(e.trigger, e.actor) for e in hits]
    assert hits[0].target_country == striker
    assert hits[1].actor_country == striker, (hits[1].actor, hits[1].actor_country)

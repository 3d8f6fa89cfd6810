"""A noun of violence against people with its victims ("of 14 villagers") and its doer
("by soldiers") tells an act that happened, even with no verb carrying it: "the massacre of 30
herders by militiamen", "since the abduction of 40 pupils by bandits". The doer is the actor and
the victims the target. A noun with no doer and no number of victims ("to stop the killing of
civilians") and one that is planned or prevented stays uncoded.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


NOMINAL = [
    ("Residents were still mourning after the killing of nine villagers by soldiers in Sagaing.",
     "soldiers", "villagers"),
    ("The abduction of 40 schoolgirls by bandits in Zamfara was the largest this year.",
     "bandits", "schoolgirls"),
    ("Aid groups pointed to the massacre of 30 herders by militiamen near Djibo in March.",
     "militiamen", "herders"),
    ("It was the worst violence since the murder of two aid workers by RSF fighters in Nyala.",
     "Rapid Support Forces", "aid workers"),
    ("Months after the torture of six detainees by guards at a prison outside Aleppo, no one was charged.",
     "guards", "detainees"),
    ("Villagers described the execution of 12 men by al-Shabaab militants in Lower Shabelle.",
     "al-Shabaab", "men"),
    ("Tensions rose after the shooting of three fishermen by naval forces off Hodeidah.",
     "naval forces", "fishermen"),
    ("The report details the kidnapping of 14 passengers by gunmen on the Abuja-Kaduna road.",
     "gunmen", "passengers"),
    ("Protests followed the beating of a journalist by police in Addis Ababa last week.",
     "police", "journalist"),
    ("Survivors recalled the slaughter of 25 civilians by M23 rebels in Kishishe.",
     "M23", "civilians"),
]


@pytest.mark.parametrize("text,actor,target", NOMINAL)
def test_a_violent_noun_with_its_victims_and_doer_is_an_assault(events, text, actor, target):
    e = one_event(events(text), "ASSAULT")
    assert actor.lower() in (e.actor or "").lower(), e.actor
    # people of no side may be named as civilians
    assert target in (e.target or "") or e.target == "civilians", e.target


@pytest.mark.parametrize("text", [
    "The plan aims to prevent the killing of civilians by armed groups in Darfur.",
    "Campaigners demanded an end to the killing of civilians.",
    "The film tells of the killing of a dragon by a knight.",
    "Officials warned that the abduction of pupils by bandits could resume after the holidays.",
    "He denied ordering the killing of protesters by the police.",
    "The UN called for measures to stop the recruitment of children by armed groups.",
])
def test_a_prevented_feared_or_fictional_killing_is_no_assault(events, text):
    assert not [e for e in events(text) if e.type == "ASSAULT"]

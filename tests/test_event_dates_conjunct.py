"""A day told in a conjoined clause with a subject of its own belongs to that clause, not to
the event of the first one (issue 9, class 8): "a truce was agreed early on Monday, and calm
returned on Tuesday morning" dates the truce Monday. With no day in its own clause, the event
may still take the other clause's day.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-02"   # the shared `events` fixture's day too


# (text, event type, the day of its own clause)
OWN_FIRST = [
    ("In the early hours of Monday, a truce was agreed between the two militias with the mediation "
     "of tribal elders, and calm returned to the town on Tuesday morning.", "AGREE", "2024-04-29"),
    ("Late on Monday, a ceasefire was agreed in Zawiya under pressure from local notables, and the "
     "shops reopened on Wednesday.", "AGREE", "2024-04-29"),
    ("During the night of Tuesday, the army withdrew from the town of Kalehe, and M23 rebels "
     "entered it on Wednesday.", "RETREAT", "2024-04-30"),
    ("On Monday evening, gunmen attacked a checkpoint near Kidal, and the army sent reinforcements "
     "on Wednesday.", "ASSAULT", "2024-04-29"),
    ("In the small hours of Tuesday, Houthi forces fired a missile at a tanker off Hodeidah, and "
     "the crew abandoned the ship on Wednesday.", "ASSAULT", "2024-04-30"),
    ("Early on Monday, soldiers arrested 14 men in Mogadishu's Hodan district, and relatives "
     "gathered outside the police station on Tuesday.", "COERCE", "2024-04-29"),
    ("On Tuesday night, Israeli jets struck a house in Deir al-Balah, and mourners buried the dead "
     "on Wednesday afternoon.", "ASSAULT", "2024-04-30"),
    ("In the early hours of Wednesday, Russian drones hit an energy plant in Kharkiv, and repair "
     "crews restored power on Thursday.", "ASSAULT", "2024-05-01"),
    ("On Monday, the junta's troops seized the town of Lashio, and resistance groups announced a "
     "counter-offensive on Tuesday.", "COERCE", "2024-04-29"),
    ("Late on Tuesday, protesters blocked the main road into Niamey, and police cleared it on "
     "Wednesday morning.", "PROTEST", "2024-04-30"),
]


@pytest.mark.parametrize("text, etype, day", OWN_FIRST)
def test_the_events_own_clause_gives_its_day(events, text, etype, day):
    evs = [e for e in events(text) if e.type == etype]
    assert evs, [(e.type, e.date) for e in events(text)]
    assert evs[0].date == day


def test_the_conjoined_clause_tells_its_own_event_on_its_day(events):
    evs = events("On Monday evening, gunmen attacked a checkpoint near Kidal, and soldiers "
                 "arrested two of them on Wednesday.")
    arrests = [e for e in evs if e.type == "COERCE"]
    assert arrests and arrests[0].date == "2024-05-01"

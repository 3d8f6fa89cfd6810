"""Relative days counted from the story, not from the publication day (issue 9, class 8):
"the next day", "a day later", "two days later", "the day before" with no day told in the
sentence before count from the last dated event told before them; "within hours" of a dated
incident is that incident's day.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from support import starting_with as _starting

PUBLISHED = "2024-05-02"   # the shared `events` fixture's day too


# (text, start of the later event's sentence, its day)
COUNTED = [
    ("Gunmen attacked the village of Kukawa on Monday, killing 11 farmers. Residents fled to the "
     "town. The governor promised help. Soldiers arrested six suspects the next day.",
     "Soldiers arrested", "2024-04-30"),
    ("Israeli aircraft struck a house in Khan Younis on Monday, killing seven people. Medics "
     "described chaotic scenes. Aid groups asked for access. A second strike hit a nearby school "
     "two days later.", "A second strike", "2024-05-01"),
    ("RSF fighters shelled the market of El Fasher on Monday, killing 20 people. Doctors said the "
     "hospital was full. Volunteers dug graves. The army shelled RSF positions a day later.",
     "The army shelled", "2024-04-30"),
    ("Houthi forces fired a missile at a tanker in the Red Sea on Tuesday. The crew put out a fire. "
     "Shipping firms raised insurance rates. American warships intercepted two drones the "
     "following day.", "American warships", "2024-05-01"),
    ("Al-Shabaab fighters stormed a base near Beledweyne on Monday, killing nine soldiers. Elders "
     "urged restraint. Clan militias joined the search. Government troops recaptured the base "
     "the next day.", "Government troops", "2024-04-30"),
    ("M23 rebels seized the town of Rubaya on Monday. Traders closed their shops. Families packed "
     "their belongings. Congolese troops shelled the town two days later.",
     "Congolese troops", "2024-05-01"),
    ("Russian troops shelled Nikopol on Tuesday, killing a woman. Power lines were cut. Repair crews "
     "arrived. A drone hit a bus in the town the day before.", "A drone hit", "2024-04-29"),
    ("Junta aircraft bombed a monastery in Sagaing on Monday, killing 15 villagers. Monks carried "
     "the wounded. The resistance vowed revenge. Resistance fighters ambushed an army convoy the "
     "next day.", "Resistance fighters", "2024-04-30"),
]


@pytest.mark.parametrize("text, start, day", COUNTED)
def test_a_counted_day_counts_from_the_story(events, text, start, day):
    assert _starting(events(text), start).date == day


# (text, start of the follow-up's sentence, the incident's day)
WITHIN_HOURS = [
    ("A car bomb exploded outside a police station in Mogadishu on Tuesday, killing five officers. "
     "Within hours, police had detained 30 men in the surrounding streets.",
     "Within hours", "2024-04-30"),
    ("Jihadists attacked an army post near Djibo on Monday, killing 12 soldiers. Within hours, "
     "soldiers had arrested dozens of herders in nearby villages.", "Within hours", "2024-04-29"),
    ("Unknown gunmen shot dead a commander in Daraa on Wednesday. Within hours, security forces had "
     "arrested four suspects at a checkpoint.", "Within hours", "2024-05-01"),
]


@pytest.mark.parametrize("text, start, day", WITHIN_HOURS)
def test_within_hours_of_an_incident_is_its_day(events, text, start, day):
    assert _starting(events(text), start).date == day


def test_a_day_told_nearby_still_frames_the_count(events):
    """"the next day" right after a dated sentence counts from that sentence's day."""
    evs = events("Ethiopian troops shelled Lalibela on Monday. Fano fighters ambushed a convoy "
                 "the next day.")
    assert _starting(evs, "Fano fighters").date == "2024-04-30"


def test_no_event_told_before_keeps_the_publication_count(events):
    """With no dated event before it, "the next day" has only the publication day to count
    from: 3 May, never a day taken from elsewhere."""
    evs = events("Soldiers in Goma arrested 40 men the next day.")
    dated = [e.date for e in evs if e.evidence.startswith("Soldiers")]
    assert dated in ([], ["2024-05-03"], [None])


def test_explain_says_where_the_counted_day_came_from(analyse):
    from sitrep.cli.explain import explain_article

    an = analyse(COUNTED[0][0], PUBLISHED)
    assert _starting(an.events, "Soldiers arrested").date == "2024-04-30"
    text = "\n".join(explain_article(an))
    assert "from the event told before ('attacked'), not from publication" in text

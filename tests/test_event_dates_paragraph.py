"""An act with no day of its own, told in the same paragraph right after a dated incident,
continues that incident and takes its day (issue 9, class 8; event_dates.yaml
`paragraph_reach`, `paragraph_types`, `onset_verbs`). A statement, an act told as the start of
the fighting, an act another source tells, and an act in the next paragraph keep no day.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from support import starting_with as _starting

PUBLISHED = "2024-05-02"   # the shared `events` fixture's day too


# (paragraph, start of the undated act's sentence, the incident's day)
CONTINUED = [
    ("Islamic State militants attacked a checkpoint near Hasakah late on Monday, killing two "
     "guards. Rifles and ammunition were seized from the post.", "Rifles and ammunition", "2024-04-29"),
    ("Houthi forces fired a barrage of drones at Eilat on Tuesday. Most were shot down, but one "
     "struck a hotel near the port, wounding four guests.", "Most were shot down", "2024-04-30"),
    ("JNIM fighters attacked an army post near Boulkessi on Monday, killing 20 soldiers. The army "
     "withdrew its remaining units from the area.", "The army withdrew", "2024-04-29"),
    ("Al-Shabaab gunmen stormed a hotel in Kismayo on Wednesday, killing nine guests. Police "
     "detained three suspects near the building.", "Police detained", "2024-05-01"),
    ("Boko Haram fighters raided the village of Gwoza on Tuesday, killing 11 farmers. Troops "
     "arrested two of the attackers as they fled.", "Troops arrested", "2024-04-30"),
    ("Russian forces shelled Kherson on Monday, killing a bus driver. A second shell hit a "
     "pharmacy in the same district.", "A second shell", "2024-04-29"),
    ("Junta jets bombed a school in Sagaing on Wednesday, killing 12 pupils. Soldiers later "
     "detained the headmaster at a checkpoint.", "Soldiers later", "2024-05-01"),
    ("RSF fighters shelled a camp outside El Fasher on Tuesday, killing 16 displaced people. "
     "Residents protested outside the governor's office against the siege.", "Residents protested",
     "2024-04-30"),
    ("M23 rebels captured the town of Rubaya on Monday. Government soldiers retreated towards "
     "Sake with their weapons.", "Government soldiers", "2024-04-29"),
    ("Israeli aircraft struck a house in Rafah on Tuesday, killing six people. Hours later, tanks "
     "shelled the eastern edge of the city.", "Hours later", "2024-04-30"),
    ("Hezbollah fired rockets at Kiryat Shmona on Wednesday. Israeli artillery shelled the "
     "hills around the launch site in response.", "Israeli artillery", "2024-05-01"),
]


@pytest.mark.parametrize("text, start, day", CONTINUED)
def test_an_act_continuing_the_incident_takes_its_day(events, text, start, day):
    assert _starting(events(text), start).date == day


@pytest.mark.parametrize("text, start", [
    # told as the start of the fighting: background, not a step of the incident
    ("Militias fought in the streets of Tripoli on Monday, killing 20 people. The fighting began "
     "when one militia arrested a rival commander.", "The fighting began"),
    # another source telling it
    ("RSF fighters shelled the market of Omdurman on Tuesday, killing 14 people. Soldiers "
     "detained two RSF scouts, local activists said.", "Soldiers detained"),
    # a statement in the present tense (no day of the incident)
    ("M23 rebels shelled Sake on Monday, killing five people. Rwanda denies backing the rebels.",
     "Rwanda denies"),
    # another place named
    ("Jihadists attacked an army post near Djibo on Monday, killing 12 soldiers. In Kaya, "
     "soldiers arrested ten herders.", "In Kaya"),
    # the next paragraph
    ("Russian drones struck Odesa on Tuesday, killing two people.\n\nUkrainian troops shelled "
     "Russian positions near Kherson.", "Ukrainian troops"),
])
def test_no_day_is_carried_outside_the_incident(events, text, start):
    evs = [e for e in events(text) if e.evidence.startswith(start)]
    assert all(e.date is None for e in evs), [(e.type, e.date) for e in evs]


def test_explain_says_the_day_came_from_the_paragraph(analyse):
    from sitrep.cli.explain import explain_article

    an = analyse(CONTINUED[3][0], PUBLISHED)
    assert _starting(an.events, "Police detained").date == "2024-05-01"
    assert "the event told before it in its paragraph" in "\n".join(explain_article(an))

"""Tolls attached (issue 9, class 6): an incident's fatalities come from every killed figure the
article gives for it (its own sentence, the next one, a sentence that refers back, the headline
and standfirst); two different figures are both kept with their evidence and flagged.

Short articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def events(analyse):
    def run(text, published="2024-05-02"):
        an = analyse(text, published)
        return [e for e in an.events if e.type == "ASSAULT"]
    return run


@pytest.mark.parametrize("text, toll", [
    # the figure in the next sentence
    ("A drone struck a minibus near Kherson on Monday. A 70-year-old woman was killed, the "
     "regional governor said.", 1),
    ("Fighter jets bombed a fuel depot in Bosaso overnight. Six guards were killed and the "
     "depot burned until morning, a local official said.", 6),
    ("Rebels shelled the garrison town of Lashio on Friday. Nine soldiers died, according to "
     "residents.", 9),
    ("Jihadists bombed a cattle market in Gao on Thursday. At least 14 traders were killed, the "
     "regional health director said.", 14),
    # the figure in a sentence that refers back to the attack
    ("Gunmen attacked the village of Kuje in Niger state late on Sunday, residents said. Police "
     "later confirmed the raid. The attack killed 11 people, a spokesman added.", 11),
    # a single victim named without a number, and lives lost
    ("Artillery hit a bakery in Idlib on Saturday, killing a 12-year-old boy.", 1),
    ("Over 30 pilgrims lost their lives when militants bombed a shrine in Balochistan on Friday.", 30),
])
def test_a_toll_told_outside_the_event_sentence_is_the_incidents(events, text, toll):
    evs = events(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities == toll


def test_a_figure_of_another_incident_is_not_taken(events):
    evs = events("Russian artillery shelled a school in Kharkiv on Sunday. In Odesa, a missile "
                 "hit a warehouse and two workers were killed.")
    school = [e for e in evs if e.location == "Kharkiv"]
    assert school and school[0].fatalities is None
    assert [e.fatalities for e in evs if e.location == "Odesa"] == [2]


def test_a_running_total_is_not_an_incidents_toll(events):
    evs = events("Paramilitaries shelled a camp for displaced people near El Fasher on Tuesday. "
                 "More than 1,000 civilians have been killed in the city since April.")
    assert evs and evs[0].fatalities is None


def test_two_different_tolls_are_both_kept_and_flagged(events):
    evs = events("Gunmen attack village in Plateau, 25 killed\n\n"
                 "Gunmen attacked the village of Mangu in Plateau state on Sunday night, residents "
                 "said.\n\nForty people died in the attack, according to a local councillor.")
    e = evs[0]
    assert e.toll_disputed is True
    values = sorted(r["value"] for r in e.fatalities_reports)
    assert values == [25, 40]
    assert all(r["evidence"] for r in e.fatalities_reports)
    assert e.fatalities in (25, 40)


def test_one_toll_told_twice_is_not_a_dispute(events):
    evs = events("Strike on Rafah school kills eight\n\n"
                 "An Israeli air strike hit a school sheltering displaced families in Rafah on "
                 "Tuesday. Eight people were killed, the civil defence agency said.")
    e = evs[0]
    assert e.fatalities == 8
    assert not e.toll_disputed and e.fatalities_reports is None


def test_an_incident_told_in_standfirst_and_body_shares_its_toll(events):
    evs = events("Militia raids Djugu\n\nThe Codeco militia raided a displacement camp in Djugu, "
                 "a local official said.\n\nThe militia raided the displacement camp in Djugu on "
                 "Friday night. Twelve people were killed, the official said.")
    assert evs and all(e.fatalities == 12 for e in evs if e.target and "camp" in e.target)


def test_tolls_reach_the_record(analyse):
    from sitrep.pipeline import to_record as record_of
    an = analyse("Gunmen attack village in Plateau, 25 killed\n\nGunmen attacked the village of "
                 "Mangu in Plateau state on Sunday night.\n\nForty people died in the attack.")
    rec = record_of(an).to_json()
    ev = [e for e in rec["events"] if e["type"] == "ASSAULT"][0]
    assert ev["toll_disputed"] is True and len(ev["fatalities_reports"]) == 2

"""Claims and told-of incidents (issue 9, recall and retellings): "Al-Shabaab claimed the attack"
gives the incident told before its doer and its source (one event, not two); "Hamas claimed
Monday's rocket attack" is an event of its own with the claimer as doer ("Monday's" is a day,
not a party); an attack noun told with "in which N died" happened, with that toll; who reacts
to an attack ("was condemned by the UN") is not its doer.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, claimer, toll", [
    ("Gunmen stormed a hotel in Mogadishu on Friday, killing nine people. Al-Shabaab claimed the "
     "attack in a statement.", "Al-Shabaab", 9),
    ("A suicide bomber blew himself up at a police academy in Kabul on Monday, killing 12 cadets. "
     "Islamic State claimed the bombing, the group's news agency said.", "Islamic State", 12),
    ("Militants ambushed an army patrol near Bannu on Sunday, killing five soldiers. The Pakistani "
     "Taliban claimed the ambush.", "Taliban", 5),
    ("Unknown attackers killed 14 villagers in Kwara state on Tuesday. Police blamed bandits. "
     "Lakurawa fighters later claimed responsibility for the attack.", "Lakurawa", 14),
    ("Gunmen attacked a military post near Menaka on Thursday, killing eight soldiers. The Islamic "
     "State Sahel Province claimed responsibility for the raid on Friday.", "Sahel Province", 8),
    ("Fighters stormed a gold mine near Kidal on Sunday, killing 11 workers. JNIM claimed the raid.",
     "JNIM", 11),
])
def test_a_claim_gives_the_told_incident_its_doer(assaults, text, claimer, toll):
    evs = assaults(text)
    assert len(evs) == 1
    assert claimer in (evs[0].actor or "") and claimer in (evs[0].attributed_to or "")
    assert evs[0].fatalities == toll
    assert evs[0].evidence.startswith(text.split()[0])


def test_a_named_doer_is_not_replaced_by_a_claimer(assaults):
    evs = assaults("Ukrainian drones hit an oil depot in Bryansk overnight, the governor said. "
                   "Ukraine's military intelligence claimed the strike.")
    assert len(evs) == 1 and evs[0].actor == "Ukraine"


@pytest.mark.parametrize("text, claimer, day", [
    ("Somalia news\n\nAl-Shabaab claimed Saturday's attack on a hotel in Kismayo, in which nine "
     "people died.", "Al-Shabaab", "2024-04-27"),
    ("Hamas claimed Monday's rocket attack on Ashkelon.", "Hamas", "2024-04-29"),
    ("The Houthis claimed a drone strike on a tanker off Aden.", "Houthis", None),
    ("JNIM claimed an attack on an army post in central Mali that left 15 soldiers dead.", "JNIM", None),
])
def test_a_claimed_act_is_coded_with_its_claimer(assaults, text, claimer, day):
    evs = assaults(text)
    assert len(evs) == 1
    assert evs[0].actor == claimer and evs[0].attributed_to == claimer
    assert evs[0].date == day


@pytest.mark.parametrize("text, toll", [
    ("Nine soldiers died in an ambush near Tillaberi in which the attackers used motorbikes.", 9),
    ("An air strike on a market in Tigray, in which 40 people were killed, drew condemnation "
     "from the UN.", 40),
    ("The clash near Kidal, in which six fighters died, was the deadliest this year.", 6),
    ("A car bombing in Mogadishu, in which at least 20 people died, was claimed by al-Shabaab.", 20),
    ("A drone strike on a wedding in Sagaing, in which 17 guests died, shocked the country.", 17),
    ("ISWAP claimed the ambush of a military convoy in Borno in which 11 soldiers were killed.", 11),
])
def test_an_attack_told_in_which_people_died_happened(assaults, text, toll):
    evs = assaults(text)
    assert len(evs) == 1 and evs[0].fatalities == toll


def test_who_condemns_an_attack_is_not_its_doer(assaults):
    evs = assaults("The shelling of a camp near Goma, in which five children were killed, was "
                   "condemned by the UN.")
    assert len(evs) == 1 and evs[0].actor is None and evs[0].fatalities == 5

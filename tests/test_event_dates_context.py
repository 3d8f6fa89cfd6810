"""Dates an event takes from the story around it (issue 9, class 8): an attack told as a part
of a dated attack on several places ("... in Kharkiv, Odesa and Lviv oblasts. In Odesa Oblast,
a drone hit ..."), and a retelling that only inherited its day is no fuller for it.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from support import starting_with as _starting

PUBLISHED = "2024-05-02"   # the shared `events` fixture's day too


@pytest.mark.parametrize("text, part", [
    ("Russia launched a combined missile and drone attack on Tuesday, killing nine people in the "
     "Kharkiv, Odesa and Lviv oblasts. In Odesa Oblast, a drone struck a grain warehouse in Izmail, "
     "killing a guard.", "In Odesa Oblast"),
    ("Russia launched a massive drone attack overnight on Monday, killing six people in Dnipro, "
     "Zaporizhzhia and Sumy. In Sumy, a drone hit an apartment block, killing two children.",
     "In Sumy"),
    ("RSF drones struck several towns on Tuesday, killing 30 people in El Obeid, Kosti and Rabak. "
     "In Kosti, a drone hit the power station, killing four workers.", "In Kosti"),
    ("Israeli jets carried out a wave of strikes on Wednesday, killing 14 people in Nabatieh, Tyre "
     "and Baalbek. In Tyre, a missile hit a car, killing three men.", "In Tyre"),
    ("Jihadists launched coordinated attacks on Monday, killing 40 soldiers in Djibo, Diapaga and "
     "Kaya. In Djibo, the assailants overran the army camp, killing 12 soldiers.", "In Djibo"),
    ("Myanmar's air force launched airstrikes on Tuesday, killing 20 people in Sagaing, Mandalay and "
     "Magway. In Magway, a jet bombed a monastery, killing seven monks.", "In Magway"),
    ("Russia fired ballistic missiles on Wednesday, killing 11 people in Kharkiv, Poltava and "
     "Kremenchuk. Poltava Governor Filip Pronin said a missile hit a military institute in Poltava, "
     "killing five cadets.", "Poltava Governor"),
    ("Al-Shabaab mortars hit several districts on Monday, killing eight people in Mogadishu, "
     "Afgoye and Baidoa. In Afgoye, a mortar shell struck a market, killing three traders.",
     "In Afgoye"),
    ("The Huthis fired missiles and drones on Tuesday, killing six people in Marib, Taiz and "
     "Hudaydah. In Taiz, a shell hit a school, killing two pupils.", "In Taiz"),
    ("ISWAP fighters raided several towns on Wednesday, killing 25 people in Maiduguri, Monguno and "
     "Bama. In Bama, a rocket hit a mosque, killing nine worshippers.", "In Bama"),
])
def test_an_attack_at_one_of_the_places_of_a_dated_wider_attack_takes_its_day(events, text, part):
    evs = events(text)
    wide = evs[0]
    assert wide.date is not None
    assert _starting(evs, part).date == wide.date


@pytest.mark.parametrize("text, part", [
    ("Russia launched a combined attack on Tuesday, killing nine people in Kharkiv and Odesa. "
     "Last year, a drone struck a warehouse in Odesa, killing two guards.", "Last year"),
    ("RSF drones struck several towns on Tuesday, killing 30 people in El Obeid and Kosti. In "
     "Kassala, a drone hit the airport, killing a guard.", "In Kassala"),
])
def test_an_attack_of_another_time_or_place_keeps_no_day(events, text, part):
    assert _starting(events(text), part).date is None


# ---- a verb conjoined to a dated verb of the same subject is told on that day ---------------

@pytest.mark.parametrize("text, etype", [
    ("Delegations of the Syrian government and the SDF met in Damascus on Monday and agreed to "
     "release 300 detainees each.", "AGREE"),
    ("Sudanese army and RSF envoys met in Jeddah on Tuesday and agreed to open a humanitarian "
     "corridor.", "AGREE"),
    ("The Yemeni government and the Huthis met in Muscat on Wednesday and agreed to swap 900 "
     "prisoners.", "AGREE"),
    ("Congolese and Rwandan ministers met in Washington on Monday and signed a declaration of "
     "principles.", "AGREE"),
    ("Malian soldiers stormed the village on Tuesday and arrested 20 young men.", "COERCE"),
    ("M23 rebels shelled the town on Wednesday and detained dozens of residents.", "COERCE"),
    ("Israeli troops raided Jenin on Monday and arrested 15 Palestinians.", "COERCE"),
    ("Ethiopian and Eritrean officials met in Asmara on Tuesday and agreed to reopen the border.",
     "AGREE"),
    ("Somali forces attacked al-Shabaab positions on Monday and captured the town of Adan Yabaal.",
     "COERCE"),
    ("Myanmar junta troops shelled the township on Wednesday and detained 30 villagers.", "COERCE"),
])
def test_a_verb_conjoined_to_a_dated_verb_is_told_on_that_day(events, text, etype):
    evs = events(text)
    first, later = evs[0], next(e for e in evs if e.type == etype and e is not evs[0])
    assert first.date is not None
    assert later.date == first.date


def test_a_conjoined_verb_with_its_own_day_keeps_it(events):
    evs = events("Russian forces captured the village on Monday and lost it again on Wednesday.")
    assert {e.date for e in evs} >= {"2024-04-29"}
    assert all(e.date != "2024-04-29" for e in evs if e.type == "RETREAT")


# ---- "came N days after ...": counted from the incident told before --------------------------

@pytest.mark.parametrize("text, day", [
    ("Russian missiles struck Kyiv on Wednesday, killing four people. The attack came a day after "
     "the foreign minister met EU ministers in Brussels.", "2024-04-30"),
    ("Ukraine and Russia exchanged 200 prisoners on Wednesday. The exchange came two days after "
     "Umerov met Witkoff in Geneva.", "2024-04-29"),
    ("RSF drones struck a market in El Obeid on Wednesday, killing 23 people. The strike came a day "
     "after army and RSF envoys met in Jeddah.", "2024-04-30"),
    ("Israeli jets bombed Tyre on Wednesday, killing six people. The strikes came two days after "
     "Lebanese and Israeli officers met in Naqoura.", "2024-04-29"),
    ("Al-Shabaab fighters attacked a base near Mogadishu on Wednesday, killing nine soldiers. The "
     "assault came a day after Somali and Kenyan ministers met in Nairobi.", "2024-04-30"),
    ("Huthi missiles struck a tanker on Wednesday, killing two sailors. The attack came two days after Omani "
     "mediators met Huthi officials in Muscat.", "2024-04-29"),
    ("Jihadists ambushed a convoy near Djibo on Wednesday, killing 30 soldiers. The ambush came a "
     "day after the junta leader met Russian officials in Ouagadougou.", "2024-04-30"),
    ("M23 rebels shelled Sake on Wednesday, killing five civilians. The shelling came a day after "
     "Congolese and Rwandan ministers met in Luanda.", "2024-04-30"),
    ("Myanmar jets bombed a school in Sagaing on Wednesday, killing 12 pupils. The raid came two "
     "days after junta envoys met Chinese officials in Kunming.", "2024-04-29"),
    ("Gunmen attacked a village in Zamfara on Wednesday, killing 16 farmers. The attack came a "
     "week after the governor met community leaders in Gusau.", "2024-04-24"),
])
def test_a_clause_counted_in_days_from_an_incident_takes_its_day(events, text, day):
    evs = events(text)
    met = [e for e in evs if e.type == "CONSULT"]
    assert met and met[0].date == day, [(e.type, e.date) for e in evs]


# ---- an act going on "since <day>" began that day; "since the coup on ..." is the coup's ----

@pytest.mark.parametrize("text, day", [
    ("Since Monday, Mozambican and Rwandan forces have conducted joint patrols along the N1 road.",
     "2024-04-29"),
    ("Armed clashes erupted in Zawiya since Monday evening, killing eight people.", "2024-04-29"),
    ("Since Tuesday, Sudanese army and RSF fighters have clashed around El Fasher, killing 30.",
     "2024-04-30"),
    ("Israeli forces have besieged the Jenin camp since Monday, killing 12 Palestinians.",
     "2024-04-29"),
    ("Since Wednesday, Huthi fighters have shelled government positions near Marib.", "2024-05-01"),
    ("Since 27 April, Somali and AU troops have conducted joint patrols near Baidoa.", "2024-04-27"),
    ("M23 rebels have shelled the outskirts of Sake since Tuesday, killing nine civilians.",
     "2024-04-30"),
    ("Since Monday, Myanmar junta jets have bombed villages in Sagaing, killing 15 people.",
     "2024-04-29"),
    ("Russian forces have shelled Kupiansk since Tuesday, killing four residents.", "2024-04-30"),
    ("Since 28 April, Ethiopian and Amhara militia fighters have clashed near Gondar.", "2024-04-28"),
])
def test_an_act_going_on_since_a_day_began_that_day(events, text, day):
    evs = [e for e in events(text) if e.type in ("ASSAULT", "COOPERATE", "COERCE")]
    assert evs and evs[0].date == day, [(e.type, e.date) for e in events(text)]


def test_since_another_act_is_not_the_events_day(events):
    evs = events("The army has arrested 40 people since the coup on Monday.")
    assert all(e.date != "2024-04-29" for e in evs if e.type == "COERCE")

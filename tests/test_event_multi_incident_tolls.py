"""Several incidents in one article (lead's check 3): each keeps its own toll, and a sentence that
sums them up ("In all, 30 people died in the two attacks", a headline "Two attacks kill 30",
"Altogether, ten were killed in the attacks") is neither added to one of them, nor a dispute of
its toll, nor an incident of its own. Short articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

MULTI = [
    ("Two attacks kill 30 in Burkina Faso\n\nSuspected jihadists attacked a market in Djibo on Monday, killing 18 people, local sources said.\n\n"
     "On Tuesday, gunmen ambushed a convoy of traders near Kaya, killing 12 civilians, a regional official said.\n\n"
     "In all, 30 people died in the two attacks.", {"Djibo": 18, "Kaya": 12}, 30),
    ("Russian strikes hit Kharkiv and Odesa\n\nA Russian missile struck an apartment block in Kharkiv on Sunday, killing seven people, the governor said.\n\n"
     "Hours later, drones hit the port of Odesa. Three dock workers were killed, the mayor said.\n\n"
     "Altogether, at least ten people were killed in the attacks across Ukraine on Sunday.", {"Kharkiv": 7, "Odesa": 3}, 10),
    ("Air raids kill dozens in Darfur\n\nThe army's aircraft bombed a market in Nyala on Wednesday, killing 22 people, the Sudan Doctors Network said.\n\n"
     "Separately, RSF fighters shelled the Abu Shouk camp near El Fasher, killing nine displaced people.\n\n"
     "A total of 31 people were killed in the two attacks, the network said.", {"Nyala": 22, "El Fasher": 9}, 31),
    ("Israeli strikes on Gaza\n\nAn Israeli airstrike hit a school sheltering displaced families in Deir al-Balah on Thursday, killing 14 people, medics said.\n\n"
     "Another strike on a house in Khan Younis killed six members of one family.\n\n"
     "Twenty people were killed in the two strikes, the health ministry said.", {"Deir al-Balah": 14, "Khan Younis": 6}, 20),
    ("Strikes in south Lebanon\n\nAn Israeli drone struck a car near Tyre on Monday, killing two men, the state news agency said.\n\n"
     "Later, an airstrike on a building in Nabatieh killed five people.\n\n"
     "Seven people died in both strikes, the health ministry said.", {"Tyre": 2, "Nabatieh": 5}, 7),
    ("Junta air raids in Sagaing\n\nMyanmar military jets bombed a village in Sagaing region's Kani township on Friday, killing 11 villagers, residents said.\n\n"
     "On Saturday, soldiers shelled a monastery in Monywa, killing four monks.\n\n"
     "The resistance said 15 civilians were killed in the attacks.", {"Kani": 11, "Monywa": 4}, 15),
    ("Attacks in Ituri\n\nCODECO militiamen attacked a displacement camp in Djugu on Sunday night, killing 23 people, a local official said.\n\n"
     "On Monday, ADF rebels raided a village near Mambasa, killing eight farmers.\n\n"
     "In all, 31 civilians were killed in the two raids, the UN said.", {"Djugu": 23, "Mambasa": 8}, 31),
    ("Houthi attacks in Yemen\n\nHouthi forces shelled a neighbourhood in Taiz on Tuesday, killing five children, a local official said.\n\n"
     "A drone then struck a market in Marib, killing three people.\n\n"
     "Eight civilians were killed in both attacks, the government said.", {"Taiz": 5, "Marib": 3}, 8),
    ("Bombings in Somalia\n\nA car bomb exploded at a checkpoint in Mogadishu on Saturday, killing nine soldiers, police said.\n\n"
     "Hours later, al-Shabaab fighters attacked a police station in Beledweyne, killing four officers.\n\n"
     "Thirteen people were killed in the two attacks, officials said.", {"Mogadishu": 9, "Beledweyne": 4}, 13),
    ("Bandit raids in Zamfara\n\nGunmen raided the village of Maru in Zamfara state on Wednesday, killing 16 people, residents said.\n\n"
     "On Thursday, bandits attacked farmers near Anka, killing seven.\n\n"
     "In all, 23 people died in the two raids, police said.", {"Maru": 16, "Anka": 7}, 23),
    ("Strikes in Idlib\n\nRussian warplanes bombed a market in Idlib city on Sunday, killing 12 people, rescuers said.\n\n"
     "Government artillery shelled the town of Sarmin, killing three children.\n\n"
     "The White Helmets said 15 civilians died in the attacks.", {"Idlib": 12, "Sarmin": 3}, 15),
]


@pytest.mark.parametrize("text, tolls, total", MULTI)
def test_each_incident_keeps_its_toll_and_the_total_is_no_ones(analyse, text, tolls, total):
    evs = [e for e in analyse(text, "2024-06-12").events if e.type == "ASSAULT"]
    assert {e.location: e.fatalities for e in evs if e.location in tolls} == tolls
    assert not any(e.toll_disputed for e in evs), "a summed-up total is no dispute of one toll"
    assert total not in [e.fatalities for e in evs], "the total is not an incident's toll"


def test_explain_says_the_summing_up_is_no_incident(analyse):
    an = analyse(MULTI[1][0], "2024-06-12")
    summed = [t for t in an.trace if "sums up" in (t.reason or "")]
    assert summed and summed[0].outcome == "merged"


@pytest.mark.parametrize("text, place, toll", [
    ("Attacks in Ukraine\n\nA Russian missile hit a warehouse in Dnipro on Monday, the governor said.\n\n"
     "Hours later, Ukrainian forces carried out strikes on Russian positions near Donetsk. "
     "Russian officials said two people were killed in the strikes.", "Donetsk", 2),
    ("Violence in Borno\n\nJihadists ambushed a convoy near Dikwa on Friday, the army said.\n\n"
     "On Saturday, the air force carried out airstrikes on camps near Gwoza. Local sources said "
     "17 fighters were killed in the airstrikes.", "Gwoza", 17),
])
def test_the_plural_the_last_incident_was_told_with_refers_back_to_it(analyse, text, place, toll):
    evs = [e for e in analyse(text, "2024-06-12").events if e.type == "ASSAULT"]
    assert [e.fatalities for e in evs if e.location == place] == [toll]

"""A party's own version of an incident told before is no second incident (issue 9, precision):
the doer's account ("the army said it had struck 'a terrorist hideout'") and the attacked side's
account of stopping the attack's weapons ("its air defences destroyed 41 drones") are merged
into the incident; another incident told by the same party stays its own.

Short texts written for these tests, from several wars.
"""
from __future__ import annotations

import pytest

DOER_ACCOUNTS = [
    ("An Israeli air strike hit a house in Khan Younis on Sunday, killing seven people, the civil "
     "defence said. The Israeli military said it had struck \"a Hamas weapons depot\" in the house."),
    ("A drone strike hit a wedding party in the village of Tangaza in Sokoto State on Friday, "
     "killing nine guests, residents said. The Nigerian air force said it had struck \"a gathering "
     "of Lakurawa terrorists\" in the area."),
    ("Gunmen stormed a hotel in Mogadishu on Wednesday night, killing 11 people, police said. "
     "Al Shabaab said in a statement that its fighters had killed 40 government officials."),
    ("A Russian missile hit a shopping centre in Kharkiv on Saturday, killing four people, the "
     "regional governor said. Russia's defence ministry said its forces had struck a Ukrainian "
     "army command post with an Iskander missile."),
    ("Junta jets bombed a monastery in Sagaing region on Tuesday, killing 16 displaced people, "
     "local volunteers said. The military said it had attacked a base of People's Defence Force "
     "terrorists."),
    ("An air strike hit a fuel station in the town of Kabkabiya in North Darfur on Monday, killing "
     "12 people, activists said. The Sudanese army said its warplanes had struck RSF supply lines."),
    ("JNIM fighters attacked an army post in Djibo on Thursday, killing 20 soldiers, security "
     "sources said. JNIM said its fighters had killed more than 70 soldiers."),
    ("An Israeli drone struck a car on the road near Tyre on Friday, killing two men, Lebanon's "
     "health ministry said. The Israeli army said it had killed a Hezbollah commander in the strike."),
    ("A Turkish drone hit a vehicle near Qamishli on Monday, killing three people, the SDF said. "
     "Turkey's defence ministry said its forces had neutralised three PKK terrorists."),
    ("US aircraft struck a compound near Jilib in Somalia on Saturday, local elders said. The "
     "United States military said it had carried out an airstrike against al Shabaab militants."),
]


@pytest.mark.parametrize("text", DOER_ACCOUNTS)
def test_the_doers_own_account_is_the_told_incident(assaults, text):
    found = assaults(text)
    assert len(found) == 1, [(e.trigger, e.actor, e.evidence[:50]) for e in found]


DEFENCE_ACCOUNTS = [
    ("Ukrainian long-range drones struck an oil refinery in Russia's Saratov region overnight, "
     "Ukraine's General Staff said on Tuesday. Russia's defence ministry said its air defence "
     "units had destroyed 41 Ukrainian drones over six regions, including 12 over the Saratov region."),
    ("Ukrainian forces struck an air base in occupied Crimea overnight, the Ukrainian navy said. "
     "The Russian defence ministry claimed that Russian air defences shot down 20 Ukrainian drones "
     "over Crimea."),
    ("The Houthis fired a ballistic missile at Israel's Ben Gurion airport on Sunday, the group's "
     "spokesman said. The Israeli military said it had intercepted the missile over central Israel."),
    ("Hezbollah fired a barrage of rockets at northern Israel on Friday, the group said. The "
     "Israeli army said its air defences had intercepted most of the 30 rockets over the Galilee."),
    ("Iran launched dozens of drones at Israel overnight, Iranian state media said. The Israeli "
     "military said its air defences had shot down the drones over the Negev."),
    ("Russia launched a wave of Shahed drones at Kyiv overnight, the city's military administration "
     "said. Ukraine's air force said its air defences had shot down 50 of the drones over the capital."),
    ("Islamic Jihad fired rockets at the Israeli town of Sderot on Monday, the group said. The "
     "Israeli army said it had intercepted five rockets fired from Gaza."),
    ("The RSF launched a drone attack on Port Sudan on Tuesday, the army said. Sudan's army "
     "said its air defences had shot down several RSF drones over the city."),
    ("Ukrainian drones attacked an ammunition depot in Russia's Bryansk region overnight, a "
     "Ukrainian security source said. Russia's defence ministry said its forces had intercepted "
     "23 Ukrainian drones over the Bryansk region."),
    ("The Houthis said they fired drones at a US warship in the Red Sea on Wednesday. The US "
     "military said the destroyer had shot down three Houthi drones over the Red Sea."),
]


@pytest.mark.parametrize("text", DEFENCE_ACCOUNTS)
def test_the_attacked_sides_interception_is_the_told_attack(assaults, text):
    found = assaults(text)
    assert len(found) == 1, [(e.trigger, e.actor, e.evidence[:50]) for e in found]


OTHER_INCIDENTS = [
    # the same party tells another incident: another place of its own
    ("An Israeli air strike hit a house in Khan Younis on Sunday, killing seven people, the civil "
     "defence said. The Israeli military said it had struck a Hezbollah weapons depot in Nabatieh "
     "in southern Lebanon.", 2),
    # a word of another incident
    ("A Russian missile hit a school in Sumy on Saturday, killing two people, officials said. "
     "Separately, Russia's defence ministry said its forces had struck a Ukrainian fuel depot.", 2),
    # downing a crewed aircraft is an act of its own
    ("Indian missiles struck six sites in Pakistan overnight, the Indian army said. Pakistan's "
     "military said it had shot down three Indian jets.", 2),
    # no incident told before by the attacking side: the interception is the only telling
    ("Russia's defence ministry said on Monday its air defences had destroyed 31 Ukrainian drones "
     "over the Kursk and Belgorod regions.", 1),
    # the defenders' counter-attack that kills attackers is told as an act of their own
    ("Militants attacked an army base in Borno on Tuesday, killing five soldiers, sources said. "
     "The army said troops had repelled the attack and killed 17 of the insurgents.", 2),
    # the army's account of killing the attackers is a counter-attack, not the attackers' act
    ("Gunmen killed five villagers in Zamfara on Monday, police said. The army said its troops "
     "had killed ten gunmen in the area.", 2),
    # a week later, the same doer again
    ("Junta jets bombed a market in Sagaing on 3 March, killing 12 people, residents said. "
     "On 10 March the military said it had bombed a rebel camp in Sagaing.", 2),
]


@pytest.mark.parametrize("text, n", OTHER_INCIDENTS)
def test_another_incident_told_by_the_same_party_stays_its_own(assaults, text, n):
    found = assaults(text)
    assert len(found) == n, [(e.trigger, e.actor, e.location, e.evidence[:50]) for e in found]


def test_the_claimers_own_toll_is_kept_beside_the_told_one(assaults):
    found = assaults("JNIM fighters attacked an army post in Djibo on Thursday, killing 20 soldiers, "
                     "security sources said. JNIM said its fighters had killed more than 70 soldiers.")
    assert len(found) == 1
    values = {r["value"] for r in found[0].fatalities_reports or []}
    assert found[0].fatalities == 20 and found[0].toll_disputed and values >= {20, 70}


def test_explain_names_whose_account_was_merged(analyse):
    an = analyse("An Israeli air strike hit a house in Khan Younis on Sunday, killing seven people, "
                 "the civil defence said. The Israeli military said it had struck \"a Hamas weapons "
                 "depot\" in the house.", "2024-05-02")
    assert any(t.outcome == "merged" and "own account" in t.reason for t in an.trace), \
        [(t.trigger, t.outcome, t.reason) for t in an.trace]

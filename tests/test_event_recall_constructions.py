"""Acts told by constructions the coder used to miss, each with the look-alikes that are no act.

- A party's warning of a hostile act with no doer named, bound to a condition, said to the one
  warned or aimed at any comer, is that party's THREATEN ("warned that the town would be stormed
  unless the army withdrew"); an agency's or expert's warning of what may happen is none.
- A place taken, named by its kind ("the hamlet of X"), or that came under a party's control, is
  COERCE by that party; a company or a matter that came under someone's control is none.
- Soldiers taken prisoner or captive in war are COERCE.
- A siege ended or broken by force is an ASSAULT; a siege lifted is its besieger's RETREAT.
- An operation against armed men named by what they are ("bandits", "jihadists") is an ASSAULT.
- A strike kept by a community ("observed a stay-home strike") is a PROTEST; observing a
  ceasefire or an air strike is none.

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


THREATS = [
    ("The RSF commander warned that El Obeid would be stormed unless the army withdrew.", "Rapid Support Forces"),
    ("Kataib Hezbollah warned that American troops in Iraq would be attacked if Washington struck Iran.",
     "Kataib Hezbollah"),
    ("The Houthi spokesman warned that any ship linked to Israel would be targeted in the Red Sea.", "Houthis"),
    ("The junta warned that journalists who reported on the fighting would be arrested.", "junta"),
    ("The Arakan Army warned that junta bases in Sittwe would be attacked unless the troops surrendered.",
     "Arakan Army"),
    ("Hezbollah warned that Israeli towns would be targeted if the strikes on Beirut continued.", "Hezbollah"),
    ("The Russian defence ministry warned that any convoy carrying Western weapons would be targeted.",
     "Russian"),
    ("JNIM warned that trucks carrying fuel to Bamako would be attacked if they used the road.",
     "JNIM"),
    ("M23 warned that Uvira would be captured unless Kinshasa opened talks.", "M23"),
    ("Al-Shabaab warned that any Kenyan soldier in Somalia would be targeted.", "Al-Shabaab"),
]


@pytest.mark.parametrize("text,actor", THREATS)
def test_a_partys_warning_of_a_hostile_act_on_its_terms_is_its_threat(events, text, actor):
    evs = events(text)
    e = one_event(evs, "THREATEN")
    assert actor in (e.actor or ""), e.actor
    assert not [x for x in evs if x.type in ("ASSAULT", "COERCE")], [(x.type, x.trigger) for x in evs]


@pytest.mark.parametrize("text", [
    "Economists warned that prices would rise if the central bank cut rates.",
    "The UN warned that the camp would be flooded if the rains continued.",
    "Aid agencies warned that millions would go hungry if the crossing stayed closed.",
    "Analysts warned that the ceasefire would collapse if talks failed.",
    "The WHO warned that cholera would spread if water supplies were not restored.",
    "Residents warned that the town would be attacked soon, the UN said.",
    "The minister said the bridge would be reopened if repairs were finished.",
    "Experts warned that the dam could burst if heavy rain continued.",
    "Human Rights Watch warned that civilians in El Fasher would be attacked if the siege went on.",
    "Doctors warned that patients would die if fuel did not reach the hospital in Gaza.",
])
def test_a_warning_of_what_may_happen_is_no_threat(events, text):
    assert not [e for e in events(text) if e.type in ("THREATEN", "ASSAULT", "COERCE")]


TAKEN = [
    ("The army said it had liberated the hamlet of Kamianske from the enemy.", "Kamianske"),
    ("Units of the Central battlegroup liberated the community of Myrnohrad, the defence ministry said.",
     "Myrnohrad"),
    ("The Taliban seized the district of Nahrin after overnight fighting.", "Nahrin"),
    ("Rebels captured the commune of Menaka on Friday.", "Menaka"),
    ("Government troops recaptured the township of Kyaukme in April.", "Kyaukme"),
    ("The village of Tal Afar came under the control of Syrian government forces on Thursday.", "Tal Afar"),
    ("The town of Kalemie passed into the hands of M23 rebels after the army fled.", "Kalemie"),
    ("The district came under the control of the Taliban in August.", "district"),
    ("The town of Palma came under the control of insurgents in March 2021.", "Palma"),
    ("The port of Hodeidah passed into the hands of the Houthis in 2014.", "Hodeidah"),
]


@pytest.mark.parametrize("text,target", TAKEN)
def test_a_place_taken_or_brought_under_control_is_coerce(events, text, target):
    e = one_event(events(text), "COERCE")
    assert e.actor is not None
    assert target in (e.target or "") or target in (e.location or ""), (e.target, e.location)


@pytest.mark.parametrize("text", [
    "The matter came under the control of the finance ministry.",
    "The company passed into the hands of its creditors.",
    "The fire took hold of the building before dawn.",
    "She seized the opportunity to speak.",
    "The airline came under the control of a state holding company in 2019.",
    "The inheritance passed into the hands of his son.",
    "The rebels hope to take control of the capital by March.",
    "The rebels want to take control of the capital.",
    "The army has not taken control of Kidal, officials said.",
    "The militants plan to seize the town of Gao.",
])
def test_control_of_no_place_or_not_taken_is_no_coerce(events, text):
    assert not [e for e in events(text) if e.type == "COERCE"]


SIEGES = [
    "Somali forces ended a 12-hour siege of a hotel in Kismayo.",
    "Ukrainian troops broke the encirclement of the town after two weeks.",
    "Nigerian soldiers broke the siege of Damasak after a night of fighting.",
    "Pakistani troops ended the siege of the train in Bolan, the army said.",
    "Kenyan police ended a day-long siege at the mall in Nairobi.",
    "Iraqi forces broke the siege of Amerli in 2014.",
    "Burkinabe troops broke the siege of Djibo with an armoured convoy.",
    "The Afghan army ended a siege of the provincial headquarters in Ghazni.",
    "Malian soldiers ended the jihadists' siege of the hotel in Bamako.",
    "Sudanese troops broke the siege of Babanusa, the army said.",
]


@pytest.mark.parametrize("text", SIEGES)
def test_a_siege_ended_by_force_is_an_assault(events, text):
    e = one_event(events(text), "ASSAULT")
    assert e.actor is not None


@pytest.mark.parametrize("text", [
    "The talks ended the siege mentality in parliament.",
    "The government ended the siege of the town by lifting the blockade.",
    "The Houthis lifted the siege of Taiz's eastern roads under the deal.",
    "The novel ends with the siege of Leningrad.",
    "Fans broke the record for the longest queue.",
    "The storm ended a week of heat.",
    "She broke the silence after ten years.",
    "The court ended the hearing early.",
    "Markets broke a losing streak on Friday.",
    "The festival ended with a parade.",
])
def test_a_siege_lifted_or_an_ending_of_something_else_is_no_assault(events, text):
    assert not [e for e in events(text) if e.type == "ASSAULT"]


OPERATIONS = [
    ("Nigerian troops launched an operation against bandits in Zamfara state on Monday.", "bandits"),
    ("The Malian army launched an operation against jihadists in the Mopti region.", "jihadists"),
    ("Pakistani forces carried out an operation against militants in North Waziristan.", "militants"),
    ("The Mozambican army began an offensive against insurgents in Cabo Delgado.", "insurgents"),
    ("Colombian troops launched a campaign against guerrillas in Cauca.", "guerrillas"),
    ("Kenyan police mounted an operation against gunmen in Lamu county.", "gunmen"),
    ("The Burkinabe army launched an offensive against terrorists near Djibo.", "terrorists"),
    ("Cameroonian soldiers conducted an operation against separatist fighters in Bamenda.", "fighters"),
    ("The Somali army launched an operation against extremists in Middle Shabelle.", "extremists"),
    ("Indian forces launched an operation against rebels in Manipur.", "rebels"),
]


@pytest.mark.parametrize("text,target", OPERATIONS)
def test_an_operation_against_armed_men_is_an_assault(events, text, target):
    e = one_event(events(text), "ASSAULT")
    assert target in (e.target or ""), e.target


@pytest.mark.parametrize("text", [
    "The company launched an operation to recover its debts.",
    "The charity launched a campaign against malaria in Kano.",
    "Doctors carried out an operation on the wounded soldier.",
    "The ministry began a campaign against smoking.",
    "The bank launched an operation to buy back its bonds.",
    "The city launched a campaign against littering.",
    "Surgeons performed an operation on the boy in Goma.",
    "The UN began an operation to deliver food to Tawila.",
    "The newspaper ran a campaign against the new tax.",
    "Volunteers launched an operation to clean the beaches.",
])
def test_an_operation_of_no_war_is_no_assault(events, text):
    assert not [e for e in events(text) if e.type == "ASSAULT"]


STRIKES = [
    "Residents of Bamenda observed a stay-home strike on Monday to protest the killings.",
    "Traders in Srinagar observed a general strike against the arrests.",
    "Shopkeepers in Quetta observed a complete shutdown to mourn the victims.",
    "Residents of Onitsha observed a sit-at-home strike on Monday.",
    "Workers in Khartoum observed a general strike called by the professionals' association.",
    "Transport workers in Lagos observed a nationwide strike over fuel prices.",
    "Residents of Debre Markos observed a stay-at-home strike after the drone attack.",
    "Teachers in Bukavu observed a labour strike over unpaid salaries.",
    "Shops in Peshawar stayed closed as traders observed a general strike against the killing of a cleric.",
    "Prisoners in Ramallah observed a hunger strike against their detention.",
]


@pytest.mark.parametrize("text", STRIKES)
def test_a_strike_kept_is_a_protest(events, text):
    one_event(events(text), "PROTEST")


@pytest.mark.parametrize("text", [
    "Both sides largely observed the ceasefire over the weekend.",
    "Monitors observed a drone strike on the village from a distance.",
    "Residents observed a minute of silence for the victims.",
    "The country observed a public holiday on Monday.",
    "UN observers observed the election in Kinshasa.",
    "Villagers observed the curfew in Maiduguri.",
    "Journalists observed an air strike on Khan Younis from a rooftop.",
    "Muslims in Kano observed the first day of Ramadan.",
    "The two armies observed the truce along the border.",
    "Investors observed a general rise in prices.",
])
def test_observing_no_strike_is_no_protest(events, text):
    assert not [e for e in events(text) if e.type == "PROTEST"]


CALL_UPS = [
    ("The Kremlin announced that Russia would call up 160,000 conscripts in its autumn draft.", "Russia"),
    ("Venezuela ordered 4,000 reservists of the Bolivarian Militia to report to barracks.", "Venezuela"),
    ("The regional government announced it will recruit and train new militia members in 12 districts.",
     "regional government"),
    ("Israel will call up 60,000 reservists for the Gaza City offensive, the army said.", "Israel"),
    ("The defence ministry announced that 3,000 soldiers would be deployed to Cabo Delgado.", None),
    ("Ethiopia's army ordered demobilised soldiers to report to their old units.", None),
    ("The junta announced that it would conscript 5,000 men a month from April.", "junta"),
    ("Colombia will send 1,500 more troops to Catatumbo, the defence minister said.", "Colombia"),
    ("The Sahel alliance announced it would deploy a joint force of 5,000 troops.", None),
    ("Taiwan's defence ministry ordered reservists to report for two weeks of training.", None),
]


@pytest.mark.parametrize("text,actor", CALL_UPS)
def test_a_call_up_or_deployment_announced_is_a_mobilization_now(events, text, actor):
    e = one_event(events(text), "MOBILIZE")
    if actor is not None:
        assert actor in (e.actor or ""), e.actor


@pytest.mark.parametrize("text", [
    "Russia could mobilise more troops next year, analysts said.",
    "NATO will deploy more troops if Russia attacks, the minister said.",
    "The coach told players to report to training on Monday.",
    "The company ordered staff to report to the office.",
    "The army plans to recruit 10,000 soldiers next year.",
    "Analysts expect that Moscow would call up more reservists in the spring.",
    "The opposition said the government would never send troops to Congo.",
    "The editor told reporters to report on the floods.",
    "Kenya may deploy police officers to Haiti if parliament agrees.",
    "The school ordered pupils to report to the hall.",
])
def test_a_call_up_that_may_happen_or_of_no_force_is_none(events, text):
    assert not [e for e in events(text) if e.type == "MOBILIZE"]


def _body(events, line):
    """The events of one line told in an article's body (under a headline, after a first sentence)."""
    return events("Latest updates\n\nThe situation remained tense on Monday.\n\n" + line)


VERBLESS = [
    ("Clashes between Houthis and government forces in Raghwan district north-west of Marib.", "ASSAULT"),
    ("Airstrikes on Khan Younis overnight.", "ASSAULT"),
    ("Protests in Nairobi against the finance bill.", "PROTEST"),
    ("Heavy fighting between the army and the RSF in Omdurman.", "ASSAULT"),
    ("Drone strikes on Port Sudan for a third day.", "ASSAULT"),
    ("Shelling of Kherson's Dniprovskyi district in the morning.", "ASSAULT"),
    ("Talks between Kyiv and Moscow in Istanbul.", "CONSULT"),
    ("Demonstrations in Tbilisi against the foreign agents law.", "PROTEST"),
    ("Fresh clashes between Tuareg rebels and the Malian army near Kidal.", "ASSAULT"),
    ("Artillery strikes on villages near the Armenian border.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", VERBLESS)
def test_a_sentence_with_no_verb_still_tells_its_event(events, text, etype):
    one_event(_body(events, text), etype)


@pytest.mark.parametrize("text", [
    "Sanctions on Iranian oil traders.",
    "Population in 2020: 1.2 million.",
    "Life in Kharkiv under the bombs",
    "Clashes in Sudan: a timeline",
    "More news in the afternoon.",
    "Weather in Kyiv: sunny, 24C.",
    "Prices in Gaza's markets.",
    "A view of the port in Odesa.",
    "The history of protests in Kenya",
    "Photos: protests in Nairobi",
])
def test_a_verbless_line_with_no_act_or_a_headline_gives_no_event(events, text):
    assert not [e for e in _body(events, text) if e.type in ("ASSAULT", "PROTEST", "SANCTION")]


CAPTIVES = [
    ("Around 40 junta soldiers surrendered and were taken prisoner.", "COERCE"),
    ("The rebels took 30 soldiers prisoner after the battle.", "COERCE"),
    ("Ukrainian troops took 12 Russian soldiers prisoner near Vovchansk.", "COERCE"),
    ("M23 fighters took 40 Congolese soldiers prisoner in Sake.", "COERCE"),
    ("The army said it had taken 200 prisoners in the offensive.", "COERCE"),
    ("Houthi forces took 15 government soldiers prisoner in Marib.", "COERCE"),
    ("Six Malian soldiers were taken prisoner by JNIM fighters near Boulkessi.", "COERCE"),
    ("The Arakan Army took hundreds of junta troops prisoner after the fall of the base.", "COERCE"),
    ("Azerbaijani forces took two Armenian soldiers prisoner near the border.", "COERCE"),
    ("Ethiopian troops took 300 Fano fighters prisoner in Gojjam, the army said.", "COERCE"),
]


@pytest.mark.parametrize("text,etype", CAPTIVES)
def test_people_taken_prisoner_or_captive(events, text, etype):
    one_event(events(text), etype)


@pytest.mark.parametrize("text", [
    "The family took the boy to hospital.",
    "She took the prisoner's letter to the court.",
    "He took the hostage negotiator's advice.",
    "The court took the prisoners' appeal seriously.",
    "The charity takes prisoners' families on trips.",
    "The museum took a photo of the hostages' memorial.",
    "He took part in the talks.",
    "The film takes its title from a prisoner's diary.",
    "Voters took the election seriously.",
    "The minister took questions from reporters.",
])
def test_taking_no_one_captive_is_none(events, text):
    assert not [e for e in events(text) if e.type in ("COERCE", "ASSAULT")]


PURPOSES = [
    ("Haitian police launched an operation to retake the town of Mirebalais.", "ASSAULT"),
    ("Ukrainian forces began an offensive to recapture Kupiansk.", "ASSAULT"),
    ("The Sudanese army launched a push to retake Bara from the RSF.", "ASSAULT"),
    ("Somali troops launched an operation to dislodge the militants from Adan Yabaal.", "ASSAULT"),
    ("The forces of the Islamic Emirate carried out retaliatory operations on Wednesday against military posts.",
     "ASSAULT"),
    ("The Nigerian army launched an offensive against Boko Haram camps in the Sambisa forest.", "ASSAULT"),
    ("Residents of Paktika gathered in Sharana to protest against the airstrikes.", "PROTEST"),
    ("Hundreds of villagers gathered outside the governor's office to denounce the killings.", "PROTEST"),
    ("Thousands of women marched through Bamako to demand the release of the soldiers.", "PROTEST"),
    ("Students came out in Dhaka to condemn the shooting of a classmate.", "PROTEST"),
]


@pytest.mark.parametrize("text,etype", PURPOSES)
def test_an_act_told_by_what_it_was_for(events, text, etype):
    one_event(events(text), etype)


@pytest.mark.parametrize("text", [
    "The company launched an operation to recover its debts.",
    "The UN launched a campaign to eliminate polio in Kano.",
    "Families gathered at the stadium to receive food aid.",
    "Fans gathered in the square to celebrate the victory.",
    "The bank launched a drive to capture new customers.",
    "Doctors began an operation to remove the bullet.",
    "Pilgrims gathered in Mecca to pray.",
    "The party launched a campaign to regain voters' trust.",
    "Engineers launched an operation to clear the blocked canal.",
    "Neighbours came to help clear the rubble.",
])
def test_a_purpose_of_no_fight_or_protest_is_none(events, text):
    assert not [e for e in events(text) if e.type in ("ASSAULT", "PROTEST")]

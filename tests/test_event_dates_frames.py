"""Days told against another day or clause (issue 9, class 8):
- "the following morning", "the next evening", "the day after," "the previous evening" count
  from the day told before them;
- a conjoined clause with a subject of its own, told in the simple past, shares the day of the
  first ("a bomber rammed the gate on Tuesday, and gunmen then stormed the compound"), but a
  present perfect or a future one does not ("... and the army has vowed to retake it");
- a verb conjoined to a verb whose subject carries the day shares it ("The governor, who visited
  the camp on Tuesday, condemned ... and urged ...");
- "in a speech / video / interview posted on Sunday" is the statement's day;
- "The statement said ..." is told on the day of the statement named before it;
- a later sentence of the same paragraph told by the same source in other words ("a resident"
  after "residents of the villages") continues the dated incident.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Sunday is 2024-04-28, Monday 04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from support import starting_with as _starting

HEAD = "Latest reports\n\n"

# (text, start of the later event's sentence, its day)
FRAMES = [
    ("Sudanese army drones struck a fuel depot in Nyala on Monday. The following morning, RSF "
     "fighters shelled a market in El Obeid.", "The following morning", "2024-04-30"),
    ("Israeli troops raided the Jenin camp on Monday. The day after, soldiers arrested 14 men in "
     "Tubas.", "The day after", "2024-04-30"),
    ("M23 rebels seized Masisi on Monday. The next morning, Congolese aircraft bombed rebel "
     "positions near the town.", "The next morning", "2024-04-30"),
    ("Houthi forces fired a missile at a tanker on Wednesday. US aircraft had struck radar sites "
     "near Hodeidah the previous evening.", "US aircraft", "2024-04-30"),
    ("Al-Shabaab fighters stormed a hotel in Kismayo on Monday. The next evening, troops killed "
     "three of the attackers.", "The next evening", "2024-04-30"),
    ("Junta aircraft bombed a school in Sagaing on Monday. The following night, resistance "
     "fighters ambushed a convoy near Monywa.", "The following night", "2024-04-30"),
    ("Gang members torched a police station in Port-au-Prince on Tuesday. Police arrested 11 "
     "gang members the following afternoon.", "Police arrested", "2024-05-01"),
    ("Russian forces shelled Nikopol on Wednesday. A drone had hit a bus in Marhanets the "
     "previous morning.", "A drone", "2024-04-30"),
    ("Fano militiamen ambushed an army convoy near Bahir Dar on Sunday. The next morning, army "
     "drones struck a market in Merawi.", "The next morning", "2024-04-29"),
    ("Hezbollah fired rockets at Kiryat Shmona on Monday. The following evening, Israeli jets "
     "struck a village near Tyre.", "The following evening", "2024-04-30"),
]


@pytest.mark.parametrize("text, start, day", FRAMES)
def test_a_day_counted_from_the_day_before_it(events, text, start, day):
    assert _starting(events(text), start).date == day


def test_a_day_after_a_clause_is_not_a_frame(events):
    """"The attack came a day after the minister met ...": the meeting was the day before the
    attack, never the day after the last day told."""
    evs = events("Russian missiles struck Odesa on Tuesday, killing four people. The attack came "
                 "a day after the foreign minister met EU ministers in Brussels.")
    met = [e for e in evs if e.type == "CONSULT"]
    assert all(e.date != "2024-05-01" for e in met)


# (text, the later act's type, its actor's word, its day or None)
CONJUNCTS = [
    ("A suicide bomber drove a truck into the gate of a base near Mogadishu on Tuesday, and gunmen "
     "then stormed the compound, police said.", "ASSAULT", "gunmen", "2024-04-30"),
    ("The Red Cross said the army released 20 prisoners on Monday and that the rebels freed 15 "
     "soldiers in exchange.", "RETREAT", "rebels", "2024-04-29"),
    ("Israeli aircraft struck a house in Rafah on Monday, and Hamas fighters fired rockets at "
     "Ashkelon.", "ASSAULT", "hamas", "2024-04-29"),
    ("M23 rebels seized the town of Rubaya on Sunday, and Congolese troops later shelled the "
     "town.", "ASSAULT", "troops", None),
    ("RSF fighters shelled the Zamzam camp on Monday, and army aircraft then bombed RSF positions "
     "near Kutum.", "ASSAULT", "army", "2024-04-29"),
    ("The governor, who visited the camp in Maiduguri on Tuesday, condemned the attack and urged "
     "the government to send more troops.", "REQUEST", "governor", "2024-04-30"),
    ("In a speech posted on Telegram on Sunday, the militia commander urged residents of El Obeid "
     "to stay away from army bases.", "REQUEST", "commander", "2024-04-28"),
    ("In a video released on Monday, the JNIM leader called on the army to leave the Menaka "
     "region.", "REQUEST", "leader", "2024-04-29"),
    ("Rebels seized the town of Rubaya on Monday, and the army has vowed to retake it.",
     "THREATEN", "army", None),
    ("Militants attacked a checkpoint near Arbinda on Sunday, and the junta will send extra "
     "troops to the area.", "MOBILIZE", "junta", None),
    ("Gunmen abducted 30 pupils in Kuriga on Monday, and the governor has asked the army for "
     "help.", "REQUEST", "governor", None),
]


@pytest.mark.parametrize("text, etype, actor, day", CONJUNCTS)
def test_a_conjoined_act_shares_the_day_of_its_first_clause(events, text, etype, actor, day):
    found = [e for e in events(text) if e.type == etype and actor in f"{e.actor} {e.actor_text}".lower()]
    for e in found:
        assert e.date == day, (e.type, e.actor, e.date)
    if day is not None:
        assert found, [(e.type, e.actor) for e in events(text)]


# (text, start of the later event's sentence, its day)
SAME_STATEMENT = [
    (HEAD + "The army spokesman said in a statement on Tuesday that troops repelled an attack on a "
     "base in Damboa and killed 17 insurgents.\n\nThe statement said the soldiers recovered two gun "
     "trucks and several rifles from the fleeing insurgents.", "The statement said", "2024-04-30"),
    (HEAD + "Ukraine's General Staff said in its morning report on Monday that Russian forces shelled "
     "Kupiansk.\n\nThe report said Ukrainian drones also hit a fuel depot in Belgorod.",
     "The report said", "2024-04-29"),
    (HEAD + "The Syrian defence ministry said in a statement on Sunday that its forces had repelled a "
     "drone attack on an airbase near Hama.\n\nThe statement said troops shot down four drones.",
     "The statement said", "2024-04-28"),
    (HEAD + "Residents of villages near Bara said RSF fighters stormed Um Sayala on Sunday. The "
     "paramilitaries looted grain stores and abducted 12 men, a resident said.",
     "The paramilitaries", "2024-04-28"),
    (HEAD + "Iraq's Counter-Terrorism Service said on Monday it had arrested an Islamic State "
     "commander near Kirkuk. Rifles and explosives were seized, the service said.",
     "Rifles and explosives", "2024-04-29"),
    (HEAD + "Police in Plateau state said gunmen attacked the village of Mangu on Tuesday, killing "
     "nine farmers. The attackers burned 30 houses, a police spokesman said.",
     "The attackers", "2024-04-30"),
]


@pytest.mark.parametrize("text, start, day", SAME_STATEMENT)
def test_a_statement_told_again_keeps_its_day(events, text, start, day):
    assert _starting(events(text), start).date == day


def test_another_source_in_the_next_sentence_is_another_day(events):
    """A sentence of another source, with no day of its own, is not dated from the one before."""
    evs = events(HEAD + "Villagers said RSF fighters stormed Um Sayala on Sunday. Army aircraft "
                 "bombed a market in Nyala, the Sudan Doctors Network said.")
    assert _starting(evs, "Army aircraft").date is None


# the doers told again as "the insurgents", "the attackers" in the very next sentence, across a
# paragraph break, go on telling the dated incident (of the same type); not another type, not
# an incident of another year, nor another act ("The rebels also took the mines")
DOERS_AGAIN = [
    (HEAD + "ISWAP fighters attacked an army base in Damboa on Tuesday, killing five soldiers, "
     "security sources said.\n\nThe insurgents, who came on motorcycles, then shelled the "
     "barracks for three hours, a military officer said.", "The insurgents", "2024-04-30"),
    (HEAD + "Gunmen attacked the village of Mangu on Monday, killing nine farmers.\n\nThe attackers "
     "burned 30 houses, residents said.", "The attackers", "2024-04-29"),
    (HEAD + "Al-Shabaab fighters stormed a hotel in Kismayo on Sunday.\n\nThe militants then shot "
     "dead four guards at the gate, police said.", "The militants", "2024-04-28"),
    (HEAD + "Bandits raided the village of Kuriga on Monday, abducting 30 pupils.\n\nThe bandits "
     "shot dead a teacher, a parent told reporters.", "The bandits", "2024-04-29"),
    (HEAD + "Jihadists ambushed a convoy near Djibo on Tuesday.\n\nThe assailants killed 12 "
     "soldiers and burned four trucks, a local official said.", "The assailants", "2024-04-30"),
]


@pytest.mark.parametrize("text, start, day", DOERS_AGAIN)
def test_the_doers_told_again_go_on_telling_the_incident(events, text, start, day):
    """The later telling is dated, or merged into the dated first one: no undated telling left."""
    evs = [e for e in events(text) if e.type == "ASSAULT"]
    assert evs and all(e.date == day for e in evs), [(e.date, e.evidence[:30]) for e in evs]


def test_the_doers_of_another_year_are_another_incident(events):
    evs = events(HEAD + "Gunmen attacked the village of Mangu on Monday, killing nine farmers.\n\n"
                 "The rebels had shelled Bokkos in 2019.")
    assert all(e.date is None for e in evs if "Bokkos" in e.evidence)

"""Tolls attached (issue 9, class 6): an incident's fatalities come from every killed figure the
article gives for it (its own sentence, the next one, a sentence that refers back, the headline
and standfirst); two different figures are both kept with their evidence and flagged.

Short articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


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
def test_a_toll_told_outside_the_event_sentence_is_the_incidents(assaults, text, toll):
    evs = assaults(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities == toll


def test_a_figure_of_another_incident_is_not_taken(assaults):
    evs = assaults("Russian artillery shelled a school in Kharkiv on Sunday. In Odesa, a missile "
                 "hit a warehouse and two workers were killed.")
    school = [e for e in evs if e.location == "Kharkiv"]
    assert school and school[0].fatalities is None
    assert [e.fatalities for e in evs if e.location == "Odesa"] == [2]


def test_a_running_total_is_not_an_incidents_toll(assaults):
    evs = assaults("Paramilitaries shelled a camp for displaced people near El Fasher on Tuesday. "
                 "More than 1,000 civilians have been killed in the city since April.")
    assert evs and evs[0].fatalities is None


def test_two_different_tolls_are_both_kept_and_flagged(assaults):
    evs = assaults("Gunmen attack village in Plateau, 25 killed\n\n"
                 "Gunmen attacked the village of Mangu in Plateau state on Sunday night, residents "
                 "said.\n\nForty people died in the attack, according to a local councillor.")
    e = evs[0]
    assert e.toll_disputed is True
    values = sorted(r["value"] for r in e.fatalities_reports)
    assert values == [25, 40]
    assert all(r["evidence"] for r in e.fatalities_reports)
    assert e.fatalities in (25, 40)


def test_one_toll_told_twice_is_not_a_dispute(assaults):
    evs = assaults("Strike on Rafah school kills eight\n\n"
                 "An Israeli air strike hit a school sheltering displaced families in Rafah on "
                 "Tuesday. Eight people were killed, the civil defence agency said.")
    e = evs[0]
    assert e.fatalities == 8
    assert not e.toll_disputed and e.fatalities_reports is None


def test_an_incident_told_in_standfirst_and_body_shares_its_toll(assaults):
    evs = assaults("Militia raids Djugu\n\nThe Codeco militia raided a displacement camp in Djugu, "
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


# -- "no one was hurt": the incident's toll is 0, never a positive count -----------------------

@pytest.mark.parametrize("text", [
    "Militants fired mortar rounds at an army camp in Tillaberi on Monday. No casualties were reported.",
    "A drone struck a fuel depot in Belgorod overnight. Nobody was hurt, the regional governor said.",
    "Houthi forces fired a missile at a cargo ship off Hodeidah on Tuesday. There were no injuries "
    "among the crew, the shipping agency said.",
    "Rockets fired from southern Lebanon hit a house in Kiryat Shmona on Friday; no one "
    "was killed.",
    "Al-Shabaab fighters attacked a police station in Beledweyne late on Sunday, but there were "
    "no immediate reports of casualties.",
    "Suspected jihadists ambushed a convoy near Djibo on Wednesday. No deaths or injuries were "
    "recorded, an army source said.",
    "Rebels shelled the outskirts of Goma on Thursday without casualties, a local official said.",
    "The junta's jets bombed a school in Sagaing region on Saturday. None died, residents said.",
])
def test_an_attack_that_hurt_no_one_has_toll_zero(assaults, text):
    evs = assaults(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities == 0


@pytest.mark.parametrize("text, toll", [
    # one side's loss beside the other side's dead is not the incident's zero
    ("Soldiers killed 12 fighters in a gunfight near Maiduguri on Monday and suffered no "
     "casualties, the army said.", 12),
    # a zero told beside a figure of the same incident does not replace it
    ("A missile hit an apartment block in Dnipro on Sunday. Five residents were killed, the "
     "governor said. No rescuers were hurt.", 5),
])
def test_no_casualties_never_replaces_a_figure(assaults, text, toll):
    evs = assaults(text)
    assert evs and evs[0].fatalities == toll
    assert not evs[0].toll_disputed


def test_without_a_word_on_casualties_the_toll_stays_unknown(assaults):
    evs = assaults("Artillery hit the outskirts of Kherson on Tuesday, the regional administration said.")
    assert evs and evs[0].fatalities is None


# -- partial tolls that add up ------------------------------------------------------------------

@pytest.mark.parametrize("text, toll", [
    ("A car bomb exploded at a checkpoint in Mogadishu on Sunday, killing 10 soldiers and three "
     "civilians.", 13),
    ("Rebels shelled the town of Lashio on Friday, killing two police officers and a child.", 3),
    ("An Israeli strike on a house in Khan Younis killed four women and six children, medics said.", 10),
    ("Gunmen raided a village in Zamfara state on Tuesday and killed 20 farmers and five herders.", 25),
    ("Two soldiers and a civilian were killed when a roadside bomb hit a patrol in Kidal.", 3),
    ("A Russian missile struck a railway station in Kramatorsk, leaving 7 passengers and 2 "
     "railway workers dead.", 9),
    # both sides' dead of one clash
    ("The junta said its troops had killed 34 fighters and lost 11 of their own in clashes near "
     "Buthidaung.", 45),
    ("Soldiers killed 12 militants and lost two soldiers in a firefight in Lower Shabelle.", 14),
    # a total and its parts are one figure
    ("Gunmen stormed a church in Owo on Sunday, killing 13 people, including 10 worshippers.", 13),
    ("Gunmen stormed a church in Owo on Sunday, killing 13 people, including 10 worshippers, and "
     "wounding 20.", 13),
    ("Paramilitaries shelled a market in Omdurman, killing 22 people, among them eight children.", 22),
    # a wounded count never joins a killed one
    ("Militiamen attacked a camp for displaced people in Ituri, killing six civilians and "
     "wounding nine others.", 6),
    ("An airstrike hit a wedding in Saada province, killing 11 guests and injuring 30.", 11),
])
def test_coordinated_victims_add_up(assaults, text, toll):
    evs = assaults(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities == toll


def test_a_toll_told_in_a_later_sentence_about_the_episode(assaults):
    evs = assaults("Two drones fell on an oil terminal in Tuapse overnight, the governor claims.\n\n"
                 "A worker was reportedly killed as a result of the episode.")
    assert evs and evs[0].fatalities == 1


@pytest.mark.parametrize("text, toll", [
    # the dead counted as a group in the next sentence
    ("Gunmen attacked a village in Benue state overnight, residents said. The dead included 12 "
     "children.", 12),
    ("Jihadists raided a market near Mopti on Saturday. Among the dead were seven traders, the "
     "mayor said.", 7),
    # a later sentence refers back to the incident
    ("A suicide bomber targeted a police checkpoint in Quetta on Sunday. At least 25 people died "
     "in the blast, police said.", 25),
    ("Russian missiles struck the centre of Dnipro on Friday. Officials said on Saturday that "
     "the strike had killed 40 people.", 40),
    ("Paramilitaries stormed the village of Wad al-Nourah in Gezira state on Wednesday. Activists "
     "posted videos of burials. The massacre left more than 100 people dead, a local committee said.", 100),
    # lives taken
    ("An airstrike on a market in Tabit claimed the lives of 30 people on Sunday.", 30),
    # the headline's toll
    ("Airstrike on market kills 30 in Sudan\n\nMilitary aircraft bombed a crowded market in the "
     "town of Kabkabiya on Monday, witnesses said.", 30),
])
def test_a_toll_told_around_the_incident_is_its(assaults, text, toll):
    evs = assaults(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities == toll


def test_a_first_no_casualties_gives_way_to_a_later_figure(assaults):
    evs = assaults("Rebels fired rockets at an army base in Beni on Monday, but there were no "
                 "casualties. The rocket attack killed two soldiers, a spokesman later said.")
    assert len(evs) == 1
    assert evs[0].fatalities == 2 and not evs[0].toll_disputed


def test_explain_says_which_sentence_gave_the_toll(analyse):
    an = analyse("Houthi forces fired a missile at a tanker off Hodeidah on Tuesday. Two sailors "
                 "were killed, the maritime agency said.", "2024-05-02")
    coded = [t for t in an.trace if t.outcome == "coded" and t.event is not None and t.event.type == "ASSAULT"]
    assert coded and "toll: 2 killed, told in 'Two sailors were killed" in coded[0].reason


# -- one armed side's zero is not the incident's toll ------------------------------------------

ONE_SIDE_ZERO = [
    'Army repels attack\n\nThe Sudanese army said it had repelled a paramilitary attack on Kadugli on Friday. No casualties were reported among the soldiers.',
    'Assault repelled\n\nUkrainian troops repelled a Russian assault near Pokrovsk on Monday. There were no casualties among the Ukrainian troops, the brigade said.',
    'Clashes in Taiz\n\nHouthi fighters clashed with government forces near Taiz on Friday. The Houthis said there were no casualties on their side.',
    'Convoy ambushed\n\nRebels ambushed a junta convoy near Hpakant on Sunday. The rebels said no deaths were recorded in their ranks.',
    'Bandits attack village\n\nTroops fought off bandits who attacked a village in Zamfara state on Tuesday. There were no casualties on our side, an army spokesman said.',
    'Rebels attack army\n\nM23 rebels attacked army positions near Sake on Tuesday. The army said it had no casualties among its troops.',
    'Convoy ambushed\n\nFano militiamen ambushed a federal army convoy near Bahir Dar on Wednesday. No military casualties were reported.',
    'Border clash\n\nHezbollah fighters clashed with Israeli troops near the border village of Aita al-Shaab on Monday. The Israeli army said there were no injuries among its soldiers.',
    'Troops ambushed\n\nHamas fighters ambushed Israeli troops in Khan Younis on Monday. The army said no casualties were reported among its forces.',
    'Base stormed\n\nAl-Shabaab fighters stormed an army base near Jowhar overnight. The army said there were no deaths among its soldiers.',
    'Raid repelled\n\nSyrian government forces repelled a militant raid on army positions near Latakia on Thursday. No casualties were reported among the troops, state media said.',
]


@pytest.mark.parametrize("text", ONE_SIDE_ZERO)
def test_one_sides_zero_in_a_fight_leaves_the_toll_unknown(assaults, text):
    evs = assaults(text)
    assert evs, "the attack is coded"
    assert evs[0].fatalities is None


@pytest.mark.parametrize("text", [
    'Rockets hit base\n\nMilitants fired rockets at an army base in Kidal on Monday. No casualties were reported among the soldiers.',
    'Ship attacked\n\nHouthi forces fired a missile at a cargo ship off Hodeidah on Tuesday. There were no injuries among the crew, the shipping agency said.',
    # the same zero in the attack's own sentence
    "Drones struck an army barracks in Kassala on Sunday, but no casualties were reported among the soldiers.",
])
def test_the_attacked_sides_zero_in_an_attack_from_afar_is_the_incidents(assaults, text):
    evs = assaults(text)
    assert evs and evs[0].fatalities == 0

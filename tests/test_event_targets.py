"""Event targets a reader expects when the act itself names none: the victims of the casualty
clause an attack is told in ("shelling killed a man" -> civilians), and the party whose claim,
proposal or act a speech act answers ("rejected the RSF's claim" -> the RSF).

Sentences written for these tests, from several wars, run through the whole pipeline.
"""
from __future__ import annotations

import pytest

from support import one_event


# ------------------------------------------------------- victims of the casualty clause

CIVILIAN_VICTIMS = [
    # the attack is the subject of the killing: its object is the target
    "Artillery shelling in the village of Um Kadada killed a 60-year-old man, local medics said.",
    "A drone strike in Sittwe killed a 12-year-old girl, residents said on Thursday.",
    "An airstrike on Saturday in Maarat al-Numan killed two women, rescuers said.",
    # the victim is the subject of a passive killing told "in" the attack
    "Medics said a 70-year-old woman was killed in an Israeli airstrike in Khan Younis.",
    "A boy was wounded in mortar shelling of Beni on Sunday, a local official said.",
    # the victim died, or suffered wounds, from the attack
    "Three children died in the shelling of Kadugli town, aid workers said.",
    "A woman suffered shrapnel wounds from shelling in Nikopol, the regional governor said.",
    "A man suffered shrapnel wounds from a drone strike near Gao, witnesses said.",
    "Two teenagers were injured in an air raid in Saada, Houthi-run media reported.",
    "A baby was killed in a bombardment of the town of Kutkai, the rescue team said.",
]


@pytest.mark.parametrize("text", CIVILIAN_VICTIMS)
def test_civilian_victims_are_the_target_of_the_attack(events, text):
    e = one_event(events(text), "ASSAULT")
    # one victim is "civilian", several are "civilians" (the number the article tells)
    several = any(w in text for w in ("Two ", "two ", "Three ", "children", "teenagers"))
    assert (e.target, e.target_sector) == ("civilians" if several else "civilian", "civilian")


def test_victims_with_a_side_keep_it(events):
    e = one_event(events("Two Nigerian soldiers were killed in an ambush near Damboa, the army "
                         "said."), "ASSAULT")
    assert e.target_country == "NG" and e.target_sector == "military"


def test_an_attack_with_its_own_target_keeps_it(events):
    e = one_event(events("An airstrike on the market of Kabkabiya killed five people, "
                         "residents said."), "ASSAULT")
    assert e.target != "civilians" and "market" in (e.target or "")


def test_victims_of_another_clause_are_not_taken(events):
    found = [e for e in events("Officials said a drone attack hit Odesa overnight, and "
                               "separately a man drowned in the river.") if e.type == "ASSAULT"]
    assert found and all(e.target != "civilians" for e in found)


# ------------------------------------------------- the owner of a claim, proposal or act

OWNED_ABSTRACTS = [
    ("The Sudanese army rejected the RSF's claim that it had captured El Obeid.",
     "REJECT", "Rapid Support Forces"),
    ("Hamas rejected Israel's proposal for a temporary truce on Tuesday.", "REJECT", "Israel"),
    ("The Somali government denied al-Shabaab's claim that its fighters had overrun a base.",
     "REJECT", "Al-Shabaab"),
    ("The junta in Niamey rejected ECOWAS's plan for a transition.", "REJECT", "ECOWAS"),
]


@pytest.mark.parametrize("text,etype,owner", OWNED_ABSTRACTS)
def test_the_owner_of_a_rejected_claim_is_the_target(events, text, etype, owner):
    e = one_event(events(text), etype)
    assert e.target == owner


def test_a_claim_with_no_owner_is_no_target(events):
    e = one_event(events("Ethiopia's government rejected the claim that its troops had "
                         "entered Eritrea."), "REJECT")
    assert e.target is None


MORE_OWNED = [
    ("Kinshasa rejected Rwanda's demand for a buffer zone in North Kivu.", "Rwanda"),
    ("The Houthis dismissed Washington's ultimatum to halt attacks on shipping.", "United States"),
    ("The Sudanese army rejected the RSF's offer of a humanitarian truce.", "Rapid Support Forces"),
]


@pytest.mark.parametrize("text,owner", MORE_OWNED)
def test_the_owner_of_a_rejected_demand_or_offer_is_the_target(events, text, owner):
    assert one_event(events(text), "REJECT").target == owner


# ------------------------------------------- the other party of talks, agreements, threats

PARTNERS = [
    ("Somalia's president held talks with Ethiopia's prime minister in Ankara.", "CONSULT", "ET"),
    ("The Malian junta's foreign minister met Russia's defence minister in Moscow.", "CONSULT", "RU"),
    ("Sudan's army chief met Egypt's president in Cairo on Sunday.", "CONSULT", None),
    ("The SNA agreed with Turkey on a new deployment near Manbij.", "AGREE", "TR"),
    ("Hamas agreed with Egypt on the terms of a prisoner release.", "AGREE", "EG"),
    ("Turkey threatened to attack Kurdish fighters in northern Syria.", "THREATEN", None),
    ("Al-Shabaab threatened to attack Kenyan troops in Lower Juba.", "THREATEN", "KE"),
]


@pytest.mark.parametrize("text,etype,country", PARTNERS)
def test_the_other_party_is_the_target(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.target is not None and e.target != e.actor
    if country:
        assert e.target_country == country


def test_agreeing_with_an_idea_names_no_party(events):
    found = [e for e in events("The Nigerian governor agreed with the assessment that the "
                               "road was unsafe.") if e.type == "AGREE"]
    assert all(e.target is None for e in found)


# ------------------------------------------------ what the attack's relative clause hit

RELATIVE_HITS = [
    ("Twin suicide bombings that targeted a mosque in Maiduguri killed 18 people.", "mosque"),
    ("An airstrike that hit a hospital in Saada killed four people.", "hospital"),
    ("A drone strike that killed five people hit a market in Kabkabiya.", "market"),
]


@pytest.mark.parametrize("text,hit", RELATIVE_HITS)
def test_what_the_relative_clause_hit_is_the_target(events, text, hit):
    e = one_event(events(text), "ASSAULT")
    assert hit in (e.target or "")


# ------------------------------------------------------ deals signed, governments criticised

def test_a_deal_signed_with_a_party_names_it(events):
    e = one_event(events("The Ethiopian government signed a deal with the TPLF in Pretoria."),
                  "AGREE")
    assert e.target == "Tigray People's Liberation Front"


def test_criticised_administrations_are_the_target(events):
    e = one_event(events("The junta criticized past administrations for failing to defeat "
                         "the jihadists."), "ACCUSE")
    assert "administrations" in (e.target or "")


MEETINGS_WITH = [
    ("The prime minister spoke of unity during a meeting with Misrata elders on Tuesday.", "elders"),
    ("The talks with the Houthis resumed in Muscat on Sunday.", "Houthis"),
    ("The governor met tribal elders in Garowe to discuss the offensive.", "elders"),
]


@pytest.mark.parametrize("text,who", MEETINGS_WITH)
def test_who_a_meeting_is_with_is_the_target(events, text, who):
    e = one_event(events(text), "CONSULT")
    assert who in (e.target or "")


# ------------------------------------------------------- where a falling munition came down

MUNITION_LANDED = [
    ("Two rockets fell on an army base near Baghdad overnight.", "base"),
    ("Mortar shells landed near a camp for displaced people in El Geneina.", "camp"),
    ("A missile slammed into a residential building in Dnipro on Tuesday.", "building"),
]


@pytest.mark.parametrize("text,hit", MUNITION_LANDED)
def test_what_a_munition_fell_on_is_the_target(events, text, hit):
    e = one_event(events(text), "ASSAULT")
    assert hit in (e.target or "")


def test_a_merged_telling_keeps_its_own_targets_sector(events):
    e = one_event(events("Jihadists killed six people during their attack on Sunday against "
                         "the town of Djibo."), "ASSAULT")
    assert e.target == "Djibo" and e.target_sector != "civilian"


# ------------------------------------------- a part of a thing, or control of it, is the thing

PARTS_OF_A_WHOLE = [
    ("ISIS seized control of swaths of land in Iraq in 2014.", "COERCE", "Iraq"),
    ("Al-Shabaab fighters seized large parts of the Hiran region on Friday.", "COERCE", "Hiran"),
    ("M23 rebels captured much of the territory around Goma.", "COERCE", "Goma"),
    ("Russian forces have seized parts of the Kharkiv region.", "COERCE", "Kharkiv"),
    ("Two drones fell on the grounds of an oil refinery in Saratov overnight.", "ASSAULT", "refinery"),
    ("A rocket landed on the premises of a hospital in Kadugli, medics said.", "ASSAULT", "hospital"),
    ("The RSF took control of the outskirts of El Fasher on Monday.", "COERCE", "El Fasher"),
    ("Jihadists seized control of the town of Djibo after a long siege.", "COERCE", "Djibo"),
    ("The Arakan Army seized control of large parts of Rakhine state last year.", "COERCE", "Rakhine"),
    ("Houthi fighters seized control of the port of Hodeidah in 2014.", "COERCE", "Hodeidah"),
    ("Wagner fighters took control of most of the city of Bakhmut.", "COERCE", "Bakhmut"),
]


@pytest.mark.parametrize("text,etype,whole", PARTS_OF_A_WHOLE)
def test_the_whole_a_part_belongs_to_is_the_target(events, text, etype, whole):
    e = one_event(events(text), etype)
    assert whole in (e.target or ""), (e.target, e.target_text)
    assert e.target.split()[0].lower() not in ("swaths", "swathes", "parts", "much", "most",
                                              "grounds", "premises", "control", "outskirts")


def test_ground_gained_is_still_no_target(events):
    found = [e for e in events("Russian troops gained ground near Pokrovsk, the ministry said.")]
    assert all((e.target or "").lower() != "ground" for e in found)


# ------------------------------------------------------- a seizure is done to whom from

SEIZED_FROM = [
    ("Police seized AK-47 rifles and ammunition from the suspects in Kaduna.", "suspects"),
    ("Troops recovered a cache of weapons from al-Shabaab fighters near Afgoye.", "Al-Shabaab"),
    ("Soldiers confiscated 40 motorcycles from bandits in Zamfara state.", "bandits"),
    ("Weapons and ammunition were recovered from the militants, the army said.", "militants"),
    ("Security forces seized explosives from Islamic State fighters near Raqqa.", "Islamic State"),
    ("The Congolese army recovered rifles from M23 fighters near Rutshuru.", "M23"),
    ("Grenades were seized from the gunmen after the raid in Sokoto.", "gunmen"),
    ("Ethiopian police confiscated guns from Fano militiamen in Gondar.", "Fano"),
    ("Ukrainian troops captured two tanks from Russian forces near Kupiansk.", "Russia"),
    ("Pakistani forces recovered arms from the insurgents in North Waziristan.", "insurgents"),
]


@pytest.mark.parametrize("text,owner", SEIZED_FROM)
def test_what_is_seized_is_seized_from_someone(events, text, owner):
    e = one_event(events(text), "COERCE")
    assert owner in (e.target or "") or (owner == "Russia" and e.target_country == "RU"), e.target


ARMS_AFTER_A_FIGHT = [
    "Soldiers killed 12 gunmen in a firefight near Katsina. Twenty rifles were seized at the scene.",
    "Troops killed eight al-Shabaab fighters in a clash near Baidoa. Weapons were recovered afterwards.",
    "The army killed 15 militants in a gun battle in Tirah. Rifles and grenades were seized.",
    "Police killed four bandits in a shootout in Zamfara. Two machine guns were recovered.",
    "Malian soldiers killed 20 jihadists in an ambush near Mopti. Ammunition was seized.",
    "Kenyan troops killed six militants in a firefight in Lamu. Assault rifles were seized.",
    "Iraqi forces killed nine Islamic State militants in a raid near Kirkuk. Explosives were seized.",
    "Nigerian soldiers killed ten insurgents in a clash in Borno. Rifles were recovered.",
    "Sudanese troops killed 30 RSF fighters in a battle near Sennar. Weapons were seized.",
    "Mozambican troops killed five insurgents in a firefight near Mocimboa. Guns were seized.",
]


@pytest.mark.parametrize("text", ARMS_AFTER_A_FIGHT)
def test_arms_seized_with_no_owner_are_the_last_fought_partys(events, text):
    evs = events(text)
    seized = [e for e in evs if e.type == "COERCE"]
    fought = [e for e in evs if e.type == "ASSAULT" and e.target]
    assert seized and fought
    assert seized[-1].target == fought[0].target


def test_arms_of_no_fight_are_no_ones(events):
    found = [e for e in events("Customs officers seized 40 rifles at the port of Mombasa.")
             if e.type == "COERCE"]
    assert all(e.target is None or "rifle" not in e.target for e in found)


# --------------------------------------------------- releases and withdrawals (RETREAT)

RELEASED = [
    ("Israel released 90 Palestinian prisoners on Sunday.", "PS"),
    ("Hamas freed four Israeli hostages on Saturday.", "IL"),
    ("Russia handed over 50 Ukrainian soldiers in a swap on Friday.", "UA"),
    ("The M23 released 30 Congolese soldiers near Goma.", "CD"),
    ("The RSF freed 20 Sudanese soldiers in Darfur on Monday.", "SD"),
    ("Kyiv returned 40 Russian prisoners of war on Sunday.", "RU"),
    ("The junta released 300 Burmese prisoners on Tuesday.", "MM"),
    ("Houthi rebels freed 25 Saudi detainees on Thursday.", "SA"),
    ("Ethiopia released 500 Eritrean prisoners on Wednesday.", "ER"),
    ("Armenia returned two Azerbaijani soldiers on Monday.", "AZ"),
]


@pytest.mark.parametrize("text,country", RELEASED)
def test_the_people_released_are_the_target_with_their_side(events, text, country):
    e = one_event(events(text), "RETREAT")
    assert e.target and e.target_country == country


WITHDRAWN_FROM = [
    ("Russian forces withdrew from the village of Krynky.", "Krynky"),
    ("The M23 withdrew from the town of Masisi on Tuesday.", "Masisi"),
    ("Russia withdrew its troops from Kherson in November.", "Kherson"),
    ("French troops pulled out of Gao in August.", "Gao"),
    ("Ethiopian troops withdrew from Baidoa on Sunday.", "Baidoa"),
    ("The RSF withdrew from Wad Madani after heavy fighting.", "Wad Madani"),
    ("Israeli forces withdrew from Khan Younis on Sunday.", "Khan Younis"),
    ("Al-Shabaab fighters retreated from Adan Yabaal after the offensive.", "Adan Yabaal"),
    ("The rebels retreated from Lashio in April.", "Lashio"),
    ("Hezbollah fighters withdrew from the border village of Kfar Kila.", "Kfar Kila"),
    ("Wagner fighters abandoned the town of Kidal.", "Kidal"),
]


@pytest.mark.parametrize("text,place", WITHDRAWN_FROM)
def test_a_withdrawal_is_from_its_target(events, text, place):
    e = one_event(events(text), "RETREAT")
    assert e.target == place, (e.target, e.target_text)


EXCHANGES = [
    "Ukraine and Russia exchanged 150 prisoners on Thursday.",
    "The Sudanese army and the RSF exchanged prisoners in Jeddah.",
    "Armenia and Azerbaijan swapped prisoners on Wednesday.",
    "Israel and Hamas exchanged hostages and prisoners on Sunday.",
    "The Houthis and the Yemeni government exchanged 800 prisoners.",
    "Ethiopia and the TPLF exchanged prisoners on Monday.",
    "The two sides exchanged 40 prisoners near Bakhmut.",
    "Kyiv and Moscow exchanged the bodies of fallen soldiers.",
    "The warring factions exchanged detainees in Tripoli.",
    "The M23 and the Congolese army exchanged prisoners in Goma.",
]


@pytest.mark.parametrize("text", EXCHANGES)
def test_an_exchange_between_parties_is_done_to_each_other(events, text):
    e = one_event(events(text), "RETREAT")
    assert e.target == "each other"


# ------------------------------------- the attack noun of the clause: its on/against object

ATTACK_OF_THE_CLAUSE = [
    ("Gunmen killed nine villagers during their attack against the village of Kadagi on Sunday.", "Kadagi"),
    ("Jihadists killed 14 soldiers in their assault on the army post at Boulkessi.", "army post"),
    ("Militants wounded six people in an attack on the town of Mandera.", "Mandera"),
    ("RSF fighters killed 40 people during their offensive against the city of El Fasher.", "El Fasher"),
    ("Al-Shabaab killed three soldiers during an attack on the Dhusamareb base.", "base"),
    ("Fano militiamen killed two policemen in an attack against the town of Lalibela.", "Lalibela"),
    ("The rebels killed 11 civilians during their attack against the village of Kitshanga.", "Kitshanga"),
    ("Boko Haram fighters killed 30 farmers in a raid on the village of Zabarmari.", "Zabarmari"),
    ("The Houthis wounded two sailors in a missile strike on the port of Mokha.", "Mokha"),
    ("Russian drones killed a woman during an attack on the city of Sumy.", "Sumy"),
    ("Insurgents killed seven people and stole cattle during their raid against the village of "
     "Nangade.", "Nangade"),
]


@pytest.mark.parametrize("text,hit", ATTACK_OF_THE_CLAUSE)
def test_what_the_attack_was_against_is_the_target_not_its_toll(events, text, hit):
    e = [e for e in events(text) if e.type == "ASSAULT"][0]
    assert hit in (e.target or ""), e.target
    assert e.target_sector != "civilian"


# ------------------------------------------------ a measure laid over a place targets it

MEASURES_OVER_A_PLACE = [
    ("The army declared a curfew in Kano after the riots.", "Kano"),
    ("Authorities imposed a curfew on the town of Gondar on Monday.", "Gonder"),
    ("The governor declared a state of emergency in Borno state.", "Borno"),
    ("Ethiopia declared a state of emergency in the Amhara region.", "Amhara"),
    ("Officials imposed a 24-hour curfew in the city of Sittwe.", "Sittwe"),
    ("Sudan's army declared a state of emergency in Gezira state.", "Gezira"),
    ("Niger's junta imposed a curfew on Tillaberi region.", "Tillaberi"),
    ("The president declared martial law across Ukraine.", "Ukraine"),
    ("The governor of Plateau State, Caleb Mutfwang, imposed a curfew in the state.", "Plateau"),
    ("The chief minister of Sindh Province declared a state of emergency in the province.", "Sindh"),
]


@pytest.mark.parametrize("text,place", MEASURES_OVER_A_PLACE)
def test_a_curfew_or_emergency_targets_the_place_it_covers(events, text, place):
    e = one_event(events(text), "COERCE")
    assert place in (e.target or ""), (e.target, e.target_text)


# ------------------------------------ a state's forces as target: the article's words + side

FORCES_AS_TARGET = [
    ("Islamic State militants launched an attack on the Iraqi forces in Kirkuk.", "Iraqi forces", "IQ"),
    ("Al-Shabaab fighters ambushed Kenyan troops near the border.", "Kenyan troops", "KE"),
    ("JNIM fighters attacked Burkinabe soldiers near Djibo.", "Burkinabe soldiers", "BF"),
    ("Hezbollah fired rockets at Israeli troops in the Galilee.", "Israeli troops", "IL"),
    ("M23 rebels attacked Congolese soldiers near Rutshuru.", "Congolese soldiers", "CD"),
    ("Houthi forces fired on Saudi troops along the border.", "Saudi troops", "SA"),
    ("The Arakan Army attacked Myanmar soldiers in Rakhine.", "Myanmar soldiers", "MM"),
    ("Russian forces shelled Ukrainian troops near Bakhmut.", "Ukrainian troops", "UA"),
    ("Militants attacked Nigerian soldiers in Borno.", "Nigerian soldiers", "NG"),
    ("Al-Shabaab fighters clashed with Somali troops near Baidoa.", "Somali troops", "SO"),
]


@pytest.mark.parametrize("text,words,country", FORCES_AS_TARGET)
def test_forces_as_target_keep_their_words_and_side(events, text, words, country):
    e = one_event(events(text), "ASSAULT")
    assert (e.target, e.target_country, e.target_sector) == (words, country, "military")


def test_a_state_attacked_is_still_the_state(events):
    e = one_event(events("Iran fired missiles at Israel on Tuesday."), "ASSAULT")
    assert (e.target, e.target_country) == ("Israel", "IL")


# ------------------------------------------------ one victim is a civilian, several civilians

ONE_OR_SEVERAL = [
    ("Shelling killed an 80-year-old woman in Kherson, the governor said.", "civilian"),
    ("A drone strike in Kostiantynivka killed a man on Friday.", "civilian"),
    ("A teenager was killed in an airstrike in Rafah, medics said.", "civilian"),
    ("A pensioner died in an artillery strike near Kadugli.", "civilian"),
    ("A boy suffered shrapnel wounds from shelling in Beni.", "civilian"),
    ("Shelling killed three people in Kherson, the governor said.", "civilians"),
    ("A drone strike in Sittwe killed two women on Friday.", "civilians"),
    ("Five children were killed in an airstrike in Idlib, rescuers said.", "civilians"),
    ("A woman was killed and a man suffered wounds in shelling of Nikopol's outskirts.", "civilians"),
    ("Shelling killed a man and his son in Avdiivka.", "civilians"),
]


@pytest.mark.parametrize("text,number", ONE_OR_SEVERAL)
def test_victims_are_civilian_or_civilians_as_the_article_counts_them(events, text, number):
    e = one_event(events(text), "ASSAULT")
    assert (e.target, e.target_sector) == (number, "civilian"), e.target


# --------------------------------- a vow to respond targets the last attacker of another side

VOWS_TO_RESPOND = [
    ("Israeli jets struck a house in Nabatieh. Hezbollah vowed to respond.", "IL"),
    ("Indian missiles hit six sites in Pakistan on Wednesday. Pakistan's prime minister vowed to "
     "retaliate.", "IN"),
    ("US aircraft bombed Houthi radar sites near Hodeidah. The Houthis vowed revenge.", "US"),
    ("Turkish drones killed three Kurdish fighters near Qamishli. The SDF vowed to avenge their "
     "deaths.", "TR"),
    ("RSF fighters shelled El Obeid on Monday. The army promised to respond to the attack.", "SD"),
    ("Israeli strikes killed a Hamas commander in Rafah. Hamas threatened to retaliate.", "IL"),
    ("Iran fired missiles at Israel on Tuesday. Israel vowed to respond to the attack.", "IR"),
    ("Israeli jets struck a building in Nabatieh. Hezbollah fired rockets at Kiryat Shmona. "
     "\"We will respond to every attack,\" Hezbollah official Hassan Fadlallah said.", "IL"),
    ("Russian missiles hit Kharkiv overnight. Zelensky vowed to respond.", "RU"),
    ("Azerbaijani artillery shelled Armenian villages near Jermuk. Yerevan vowed to respond.", "AZ"),
]


@pytest.mark.parametrize("text,attacker", VOWS_TO_RESPOND)
def test_a_vow_to_respond_targets_the_attacker(events, text, attacker):
    e = one_event(events(text), "THREATEN")
    assert e.target_country == attacker, (e.actor, e.target)


def test_a_vow_with_no_attack_told_has_no_target(events):
    e = one_event(events("The minister vowed to respond to any aggression."), "THREATEN")
    assert e.target is None


# --------------------------------------------- parties fighting or agreeing with each other

EACH_OTHER = [
    ("Clashes broke out in Khartoum between rival army units on Friday.", "ASSAULT"),
    ("Fighting erupted between two armed groups in the town of Bunia.", "ASSAULT"),
    ("Heavy clashes between rival militias killed 12 people in Zawiya.", "ASSAULT"),
    ("Clashes between Fano fighters and federal troops left ten dead near Bahir Dar.", "ASSAULT"),
    ("Skirmishes broke out between herders and farmers in Plateau state.", "ASSAULT"),
    ("Battles between the army and the RSF raged in El Obeid.", "ASSAULT"),
    ("Fierce fighting between the two sides continued near Kupiansk.", "ASSAULT"),
    ("Dbeibah and the elders agreed that the fighting must stop.", "AGREE"),
    ("The army and the RSF agreed to a seven-day truce.", "AGREE"),
    ("Hamas and Fatah agreed in Beijing to form a unity government.", "AGREE"),
]


@pytest.mark.parametrize("text,etype", EACH_OTHER)
def test_parties_acting_on_each_other(events, text, etype):
    e = [e for e in events(text) if e.type == etype][0]
    assert e.target == "each other", (e.actor, e.target)


FOUGHT_WITH = [
    ("Gunmen killed ten people in clashes with soldiers in Zamfara.", "soldiers"),
    ("Fano militiamen fought with federal forces in Gondar.", "federal forces"),
    ("Militiamen clashed with armed herders near Jos on Sunday.", "armed herders"),
    ("Rebel fighters clashed with Wagner mercenaries near Tinzaouaten.", "Wagner Group"),
    ("Al-Shabaab fighters clashed with Ethiopian troops near Luuq.", "Ethiopian troops"),
    ("Fano militiamen clashed with federal police in Debre Markos.", "federal police"),
    ("The Arakan Army clashed with junta soldiers near Sittwe.", "junta soldiers"),
    ("Hamas gunmen fought with Israeli troops in Jabalia.", "Israeli troops"),
    ("Gunmen clashed with vigilantes in Zamfara on Monday.", "vigilantes"),
    ("Wagner fighters clashed with Tuareg rebels near Tinzaouaten.", "Tuareg rebels"),
]


@pytest.mark.parametrize("text,other", FOUGHT_WITH)
def test_the_side_fought_with_is_the_target(events, text, other):
    e = one_event(events(text), "ASSAULT")
    assert e.target == other


# ------------------------------------------------- a campaign in another country targets it

CAMPAIGNS = [
    ("Russia launched a full-scale invasion of Ukraine in 2022.", "UA"),
    ("Russia launched a military operation in Ukraine on February 24.", "UA"),
    ("Turkey launched a military operation in Syria on Wednesday.", "SY"),
    ("Rwanda launched an incursion into Congo in January.", "CD"),
    ("Israel began a ground offensive in Lebanon on Tuesday.", "LB"),
    ("Ethiopia launched an offensive in Somalia in 2006.", "SO"),
    ("Saudi Arabia launched a military operation in Yemen in 2015.", "YE"),
    ("Kenya launched a military offensive in Somalia in October 2011.", "SO"),
    ("Israel launched a military operation in Gaza's neighbour Egypt in 1956.", "EG"),
    ("Chad launched an offensive in Sudan in 2008.", "SD"),
]


@pytest.mark.parametrize("text,country", CAMPAIGNS)
def test_a_campaign_in_another_country_targets_that_country(events, text, country):
    e = [e for e in events(text) if e.type == "ASSAULT"][0]
    assert e.target_country == country, (e.target, e.target_text)


def test_an_operation_at_home_targets_no_country(events):
    found = [e for e in events("Nigeria launched a military operation in Nigeria's north-east "
                               "against Boko Haram.") if e.type == "ASSAULT"]
    assert all(e.target_country != "NG" or e.target != "Nigeria" for e in found)


# ------------------------------------ civilians hit by a foreign side: the country hit in

VICTIMS_ABROAD = [
    ("Eight people were killed in Indian missile strikes in Bahawalpur.", "PK"),
    ("A Russian missile strike killed three people in Odesa.", "UA"),
    ("Israeli airstrikes killed 12 people in Rafah.", "PS"),
    ("Rwandan artillery killed two women in Goma.", "CD"),
    ("Saudi airstrikes killed 20 people in Saada.", "YE"),
    ("A Ukrainian drone killed two people in Belgorod, the governor said.", "RU"),
    ("Israeli strikes killed nine people in Tyre on Sunday.", "LB"),
    ("Turkish airstrikes killed six people in Kobani.", "SY"),
    ("An Iranian missile killed a man in Haifa.", "IL"),
    ("A Pakistani airstrike killed ten people in Khost.", "AF"),
]


VICTIMS_ABROAD += [
    # no place told: the victims are of the state that reports its dead
    ("Ukraine said Russian drones killed three people overnight.", "UA"),
    ("Lebanon's health ministry said Israeli strikes killed four people.", "LB"),
    ("Pakistan said eight people were killed in missile strikes launched by Indian forces.", "PK"),
]


@pytest.mark.parametrize("text,country", VICTIMS_ABROAD)
def test_civilians_hit_by_a_foreign_side_are_of_the_country_hit(events, text, country):
    e = one_event(events(text), "ASSAULT")
    assert e.target_sector == "civilian" and e.target_country == country, (e.target, e.target_country)


def test_civilians_hit_at_home_keep_no_side(events):
    e = one_event(events("RSF shelling killed five people in El Obeid."), "ASSAULT")
    assert e.target == "civilians" and e.target_country is None


# ---------------------------------------------------------- what a threatened act would hit

THREATENED_THINGS = [
    ("The Houthis threatened to attack US warships in the Red Sea.", "warships"),
    ("Israel threatened to strike Hezbollah positions in Lebanon.", "Hezbollah"),          # positions are done to their owner
    ("The junta threatened to bomb villages that shelter rebels.", "villages"),
    ("The group threatened to kill the hostages.", "hostages"),
    ("Iran threatened to close the Strait of Hormuz.", "Hormuz"),
    ("Al-Shabaab threatened to attack Kenyan troops in Lower Juba.", "Kenyan troops"),
    ("The RSF threatened to storm El Fasher.", "El Fasher"),
    ("The M23 threatened to capture the airport in Goma.", "airport"),
    ("Russia threatened to strike government buildings in Kyiv.", "buildings"),
    ("Jihadists threatened to burn schools in northern Burkina Faso.", "schools"),
]


@pytest.mark.parametrize("text,hit", THREATENED_THINGS)
def test_what_a_threatened_act_would_hit_is_the_target(events, text, hit):
    e = one_event(events(text), "THREATEN")
    assert hit in (e.target or ""), e.target


def test_a_threat_to_resign_threatens_no_one(events):
    found = [e for e in events("The minister threatened to resign over the deal.") if e.type == "THREATEN"]
    assert all(e.target is None for e in found)


# ------------------------------------------------- a rank noun beside a name: the name

RANK_BESIDE_NAME = [
    ("Police detained a senior commander, Abu Bakr, in Kano.", "Abu Bakr"),
    ("Troops arrested a top aide, Ahmed Yusuf, near Bunia.", "Ahmed Yusuf"),
    ("Police detained an opposition leader, Jawar Mohammed, in Addis Ababa.", "Jawar Mohammed"),
    ("Security forces arrested a local leader, Ibrahim Musa, in Maiduguri.", "Ibrahim Musa"),
    ("Gunmen abducted a village chief, Musa Bello, in Zamfara.", "Musa Bello"),
    ("The junta detained a prominent journalist, Maung Maung, in Yangon.", "Maung Maung"),
    ("The army detained a regional commander, Omar Ali, in Kismayo.", "Omar Ali"),
    ("Houthi rebels detained a UN staff member, Ahmed Saleh, in Sanaa.", "Ahmed Saleh"),
    ("A drone strike killed a senior Hamas commander, Mohammed Deif, in Khan Younis.", "Mohammed Deif"),
    ("Soldiers arrested a suspected kidnapper, Bello Turji, in Sokoto.", "Bello Turji"),
]


@pytest.mark.parametrize("text,name", RANK_BESIDE_NAME)
def test_the_name_beside_a_rank_noun_is_the_target(events, text, name):
    e = [e for e in events(text) if e.type in ("COERCE", "ASSAULT")][0]
    assert e.target == name


def test_a_group_beside_its_members_stays_the_group(events):
    e = one_event(events("An IED exploded in the area of Mir Ali in which two soldiers, Sepoy Khan and "
                         "Sepoy Karim, embraced martyrdom."), "ASSAULT")
    assert "soldiers" in (e.target or "")


# --------------------------------------------- victims told by "in which" after the blast

IN_WHICH_VICTIMS = [
    ("A blast tore through a mosque in Peshawar in which dozens of worshippers died.", "worshippers"),
    ("An IED exploded in the area of Mir Ali in which two soldiers embraced martyrdom.", "soldiers"),
    ("A bomb exploded in the town of Konduga in which nine people were killed.", "civilians"),
    ("A roadside bomb exploded in the district of Dera Bugti in which four policemen were killed.",
     "policemen"),
    ("A car bomb exploded in the city of Mogadishu in which seven people were killed.", "civilians"),
    ("A landmine exploded in the area of Ber in which three peacekeepers died.", "peacekeepers"),
    ("An explosion ripped through a market in Maiduguri in which 15 traders were killed.", "traders"),
    ("A suicide bomb exploded in the town of Gwoza in which 18 people were killed.", "civilians"),
    ("A bomb exploded in the area of Bajaur, in which two soldiers embraced martyrdom.", "soldiers"),
    ("A mine exploded in the area of Tessit in which five Malian soldiers were killed.", "soldiers"),
]


@pytest.mark.parametrize("text,victims", IN_WHICH_VICTIMS)
def test_victims_of_an_in_which_clause_are_the_target(events, text, victims):
    e = [e for e in events(text) if e.type == "ASSAULT"][0]
    assert victims in (e.target or "") or (e.target or "").endswith(victims), e.target


# ------------------------------------------------- those raised by a mobilisation: no target

RAISED = [
    "Police were placed on high alert in Punjab.",
    "Troops were put on alert along the border with Eritrea.",
    "Security forces were deployed to Kano after the riots.",
    "Soldiers were mobilized in the north of Mali.",
    "Reserve units were placed on high alert in Kinshasa.",
    "Hospitals and police were put on alert in Lahore.",
    "Border guards were placed on alert near Rafah.",
    "Troops were deployed to the border with Somalia.",
    "Police officers were placed on alert across Addis Ababa.",
    "Army units were put on high alert in Juba.",
]


@pytest.mark.parametrize("text", RAISED)
def test_those_put_on_alert_are_not_a_target(events, text):
    found = [e for e in events(text) if e.type == "MOBILIZE"]
    assert found and all(e.target is None for e in found)


# ------------------------------------------------------------------ the data file is checked

def test_a_bare_on_in_the_target_words_is_refused_with_the_file_named():
    from sitrep.events.targets import T
    from sitrep.knowledge import Knowledge, KnowledgeError, use_knowledge

    kb = Knowledge(files={"event_targets.yaml": "attack_preps: [on, against]\n"})
    with use_knowledge(kb), pytest.raises(KnowledgeError, match="event_targets.yaml.*attack_preps"):
        T.attack_preps


def test_victims_reported_by_the_attackers_own_state_keep_no_side(events):
    e = one_event(events("Sudan said RSF drones killed nine people."), "ASSAULT")
    assert e.target == "civilians" and e.target_country is None


# ------------------------------------------------ property taken from no one named

PROPERTY_TAKEN = [
    ("Bandits stole 200 cattle in Zamfara.", "cattle"),
    ("Gunmen looted shops in the market of Bunia.", "shops"),
    ("Soldiers ransacked homes in Tillaberi.", "homes"),
    ("RSF fighters looted the central market of Nyala.", "market"),
    ("Insurgents looted food and stole 12 vehicles in Mocimboa da Praia.", "vehicles"),
    ("Militiamen plundered a warehouse of the World Food Programme in Bentiu.", "warehouse"),
    ("Armed men looted a health centre in Ituri on Sunday.", "health centre"),
    ("Fighters seized fuel trucks on the road to El Fasher.", "fuel trucks"),
    ("Houthi rebels ransacked the offices of the UN in Sanaa.", "offices"),
    ("Kidnappers stole three motorcycles in Katsina.", "motorcycles"),
]


@pytest.mark.parametrize("text,thing", PROPERTY_TAKEN)
def test_property_taken_from_no_one_named_is_the_target(events, text, thing):
    e = one_event(events(text), "COERCE")
    assert thing in (e.target or ""), e.target


def test_property_taken_from_someone_targets_them(events):
    e = one_event(events("Al-Shabaab fighters stole livestock from herders near Baidoa."), "COERCE")
    assert e.target == "herders"


# ------------------------------------ a sanction naming no one: the party last sanctioned

SANCTIONS_AGAIN = [
    ("The EU imposed sanctions on Russia on Friday. Japan also announced sanctions on Monday.", "Russia"),
    ("Washington sanctioned two RSF commanders. Britain also announced sanctions on Tuesday.",
     "Rapid Support Forces"),
    ("The EU sanctioned the Myanmar junta in March. Australia announced new sanctions a week later.",
     "State Administration Council"),
    ("Washington imposed sanctions on the Houthis. London also announced sanctions on Thursday.", "Houthis"),
    ("The UN imposed sanctions on al-Shabaab leaders. The US also announced sanctions.", "Al-Shabaab"),
    ("Washington imposed sanctions on Sudan's army. The EU also imposed sanctions the next day.",
     "Sudanese Armed Forces"),
    ("Canada imposed sanctions on Belarus in June. Norway also announced sanctions later that month.",
     "Belarus"),
    ("The EU imposed sanctions on Wagner Group commanders. Switzerland also adopted sanctions.",
     "Wagner Group"),
    ("The US imposed sanctions on Hezbollah. Australia also imposed sanctions on Friday.", "Hezbollah"),
    ("Washington imposed sanctions on Eritrea's army. Britain also announced sanctions.", "Eritrea"),
]


@pytest.mark.parametrize("text,target", SANCTIONS_AGAIN)
def test_a_sanction_naming_no_one_is_on_the_party_last_sanctioned(events, text, target):
    sanctions = [e for e in events(text) if e.type == "SANCTION"]
    assert len(sanctions) == 2 and sanctions[0].actor != sanctions[1].actor
    assert target in (sanctions[1].target or ""), sanctions[1].target


def test_a_first_sanction_naming_no_one_stays_without_target(events):
    e = one_event(events("Japan announced sanctions on Monday."), "SANCTION")
    assert e.target is None


# -------------------------------------------- arrests in a protest story are of protesters

ARRESTED_PROTESTERS = [
    "Thousands of people marched through Niamey on Saturday. Police later arrested at least 47 people.",
    "Protesters rallied in Nairobi against the finance bill. Police detained 30 people near parliament.",
    "Demonstrations spread across Tbilisi on Sunday, and police arrested 60 people.",
    "Students staged a sit-in in Dhaka. Security forces detained dozens of people.",
    "Hundreds of women marched in Khartoum against the war. Soldiers arrested 12 people.",
    "Thousands protested in Yangon against the junta. Troops detained 40 people.",
    "Riots broke out in Kano after the vote, and police arrested 25 people.",
    "Crowds demonstrated in Bamako against the junta. Police held 18 people overnight.",
    "Rallies were held across Istanbul, and police detained 100 people.",
    "Protesters blocked roads in Addis Ababa. Police arrested 15 people.",
]


@pytest.mark.parametrize("text", ARRESTED_PROTESTERS)
def test_people_arrested_in_a_protest_are_protesters(events, text):
    e = one_event(events(text), "COERCE")
    assert (e.target, e.target_sector) == ("protesters", "civilian")


@pytest.mark.parametrize("text", [
    "Police arrested 20 people suspected of kidnapping in Zamfara.",
    "Troops arrested three men accused of spying for the rebels near Goma.",
])
def test_people_arrested_outside_a_protest_are_not_protesters(events, text):
    e = one_event(events(text), "COERCE")
    assert e.target != "protesters"


# --------------------- the attack a harm verb's subject names: what it hit, not the toll

ATTACK_AS_SUBJECT = [
    ("A missile strike on a brigade's training ground near Orikhiv killed 60 servicemen and "
     "destroyed two launchers.", "training ground"),
    ("An airstrike on a school in Gaza City killed 14 people.", "school"),
    ("A drone strike on a wedding in Kadugli killed nine guests.", "wedding"),
    ("An Israeli strike on a residential building in Tyre killed five people and wounded 20.", "building"),
    ("A Houthi attack on a tanker in the Red Sea wounded three crew members.", "tanker"),
    ("An RSF attack on the Zamzam camp killed dozens of displaced people.", "Zamzam camp"),
    ("An ambush on a convoy near Gao killed six Malian soldiers.", "convoy"),
    ("A mortar attack on a mosque in Mogadishu killed four worshippers.", "mosque"),
    ("A Ukrainian drone attack on a refinery in Ryazan destroyed two storage tanks.", "refinery"),
    ("A Russian missile strike on a hospital in Kyiv killed a doctor and destroyed the roof.", "hospital"),
]


@pytest.mark.parametrize("text,hit", ATTACK_AS_SUBJECT)
def test_what_the_attack_was_on_is_the_target_not_its_toll_or_damage(events, text, hit):
    e = [e for e in events(text) if e.type == "ASSAULT"][0]
    assert hit in (e.target or ""), e.target


# ------------------------------------------- a vow to respond to what was done to the vower

VOWS_AFTER_OTHER_ACTS = [
    ("The EU adopted new sanctions against Russia. Zakharova said Russia would respond in a way "
     "that hurts the initiators.", "European Union"),
    ("Washington imposed sanctions on Iran's oil exports. Tehran vowed to respond.", "United States"),
    ("Israeli jets struck Hodeidah port. US warships shot down a Houthi drone. The Houthis vowed "
     "to retaliate.", None),
]


@pytest.mark.parametrize("text,answered", VOWS_AFTER_OTHER_ACTS)
def test_a_vow_answers_the_act_done_to_the_vowing_side(events, text, answered):
    e = [e for e in events(text) if e.type == "THREATEN"][-1]
    assert e.target is not None and e.target != e.actor
    if answered:
        assert e.target == answered


# ------------------------------------------- who is asked: the doer of the asked act

ASKED_PARTIES = [
    ("The UN Security Council demanded that the RSF lift its siege of El Fasher.", "Rapid Support Forces"),
    ("Qatar called for Israel to halt its offensive in Rafah.", "Israel"),
    ("Hamas demanded that Israel withdraw from the Philadelphi corridor.", "Israel"),
    ("The African Union demanded the immediate withdrawal of Rwandan troops from Congo.", "RW"),
    ("Mali demanded the departure of French troops.", "FR"),
    ("Kinshasa demanded the withdrawal of the M23 from occupied areas.", "M23"),
    ("The mediator called for both presidents to meet in Luanda.", "presidents"),
    ("Egypt urged that Hamas accept the truce proposal.", "Hamas"),
    ("Turkey called for Sweden to extradite the suspects.", "Sweden"),
    ("The Arab League demanded that the Houthis release the ship's crew.", "Houthis"),
]


@pytest.mark.parametrize("text,party", ASKED_PARTIES)
def test_the_party_asked_to_act_is_the_target(events, text, party):
    e = one_event(events(text), "REQUEST")
    assert party in (e.target or "") or e.target_country == party, (e.target, e.target_country)


def test_asking_for_a_thing_names_no_party(events):
    found = [e for e in events("Kyiv asked that the meeting be postponed.") if e.type == "REQUEST"]
    assert all(e.target is None for e in found)


# ------------------------------------------------- the accused is who did the condemned act

ACCUSED_DOERS = [
    ("The Houthis condemned the US strikes on Hodeidah.", "United States"),
    ("Somalia condemned Ethiopia's deal with Somaliland.", "Ethiopia"),
    ("Lebanon condemned the Israeli airstrike on Tyre.", "Israel"),
    ("Pakistan condemned the Indian missile strikes on Muzaffarabad.", "India"),
    ("Kyiv denounced the Russian attack on Odesa's port.", "Russia"),
    ("Sudan's government condemned the RSF attack on El Fasher.", "Rapid Support Forces"),
    ("Iraq condemned the Turkish strikes on Sinjar.", "Turkey"),
    ("Mali condemned Algeria's interference in its affairs.", "Algeria"),
    ("Syria condemned the Israeli raid on Damascus.", "Israel"),
    ("Congo condemned Rwanda's support for the M23 rebels.", "Rwanda"),
]


@pytest.mark.parametrize("text,doer", ACCUSED_DOERS)
def test_the_one_who_did_the_condemned_act_is_the_target(events, text, doer):
    e = one_event(events(text), "ACCUSE")
    assert e.target == doer, e.target


# ------------------------- a threat naming no one: whom the threatener's side last acted against

THREATS_GO_ON = [
    ("Israeli jets struck Hezbollah positions in south Lebanon. Netanyahu warned of more strikes "
     "to come.", "Hezbollah"),
    ("The US Treasury imposed sanctions on Rosneft and Lukoil. Washington threatened further "
     "measures.", "Rosneft"),
    ("Russian missiles hit Kharkiv overnight. Putin threatened more attacks in the coming days.", "Kharkiv"),
    ("The RSF shelled El Fasher on Monday. The RSF commander threatened further attacks.", "El Fasher"),
    ("Turkish drones struck Kurdish positions near Kobani. Erdogan warned of a new offensive.", "Kurdish"),
    ("Israel bombed Houthi ports in Hodeidah. Israel's defence minister threatened more strikes.", "Houthi"),
    ("Al-Shabaab attacked a Kenyan base in Lamu. The group threatened more attacks.", "Kenyan base"),
    ("The junta bombed villages in Sagaing. The junta threatened further air raids.", "villages"),
    ("Azerbaijan shelled Armenian positions near Jermuk. Baku warned of further strikes.", "Armenian"),
    ("Ukrainian drones hit an oil depot in Bryansk. Kyiv threatened more strikes.", "oil depot"),
]


@pytest.mark.parametrize("text,target", THREATS_GO_ON)
def test_a_threat_naming_no_one_goes_on_against_the_last_target(events, text, target):
    e = one_event(events(text), "THREATEN")
    assert target in (e.target or ""), (e.actor, e.target)


THREATENED_ACTS = [
    ("Zelensky threatened more strikes on Russian oil facilities.", "Russian oil facilities"),
    ("Iran warned of attacks on US bases in the region.", "US bases"),
    ("Hezbollah threatened strikes on Israeli cities.", "Israeli cities"),
    ("The Houthis warned of attacks on ships bound for Israel.", "ships"),
    ("Hezbollah warned of attacks on Israeli towns.", "Israeli towns"),
    ("The Houthis threatened strikes on Saudi oil facilities.", "Saudi oil facilities"),
    ("Israel threatened strikes on Iranian nuclear sites.", "Iranian nuclear sites"),
    ("JNIM warned of attacks on convoys heading to Timbuktu.", "convoys"),
    ("Russia threatened strikes on Ukrainian decision-making centres.", "Ukrainian decision-making centres"),
    ("The Arakan Army threatened attacks on junta airbases.", "junta airbases"),
]


@pytest.mark.parametrize("text,target", THREATENED_ACTS)
def test_what_a_threatened_attack_is_on_is_the_target(events, text, target):
    assert one_event(events(text), "THREATEN").target == target


# ---------------------------- "the country", "the province": the one named before

NAMED_BEFORE = [
    ("Ukraine's air force said Russia attacked the country with 90 drones.", "ASSAULT", "UA"),
    ("Russia said Ukraine attacked the country with 30 drones.", "ASSAULT", "RU"),
    ("Israel's army said Iran attacked the country with 180 missiles.", "ASSAULT", "IL"),
    ("Yemen's government said the US bombed the country overnight.", "ASSAULT", "YE"),
    ("Syria's defence ministry said Israel attacked the country with missiles.", "ASSAULT", "SY"),
    ("Congo's army said Rwanda attacked the country with drones.", "ASSAULT", "CD"),
    ("Pakistan's military said India struck the country at six locations.", "ASSAULT", "PK"),
    ("Iraq's government said Turkey shelled the country's north.", "ASSAULT", "IQ"),
    ("Mali's junta said jihadists attacked the country's north.", "ASSAULT", "ML"),
    ("The chief minister of Punjab Province, Maryam Nawaz, declared a state of emergency in the "
     "province.", "COERCE", "Punjab"),
]


@pytest.mark.parametrize("text,etype,named", NAMED_BEFORE)
def test_the_country_or_province_is_the_one_named_before(events, text, etype, named):
    e = one_event(events(text), etype)
    assert e.target_country == named or named in (e.target or ""), (e.target, e.target_country)
    assert e.target not in ("country", "province", "north")


# ------------------------------------------------ a thing a state owns is of its side

OWNED_BY_A_STATE = [
    ("Russian forces launched a massive attack on Ukraine's energy grid.", "UA"),
    ("Israeli jets struck Lebanon's main airport.", "LB"),
    ("Drones hit Sudan's largest refinery.", "SD"),
    ("Houthi missiles struck Israel's Eilat port.", "IL"),
    ("Ukrainian drones attacked Russia's Baltic fleet headquarters.", "RU"),
    ("The RSF shelled Chad's border post at Adre.", "TD"),
    ("Pakistani jets bombed Afghanistan's border districts.", "AF"),
    ("Rebels attacked Mali's main military base in Kidal.", "ML"),
    ("Al-Shabaab fighters attacked Kenya's Manda Bay airfield.", "KE"),
    ("Turkish drones struck Syria's oil facilities near Qamishli.", "SY"),
]


@pytest.mark.parametrize("text,country", OWNED_BY_A_STATE)
def test_a_target_owned_by_a_state_is_of_that_state(events, text, country):
    e = [e for e in events(text) if e.type == "ASSAULT"][0]
    assert e.target and e.target_country == country, (e.target, e.target_country)


# ------------------------------------------------------- people taken keep the article's words

PEOPLE_TAKEN = [
    ("Sudanese police arrested three men in Omdurman on Tuesday, a local committee said.", "COERCE", "men"),
    ("Soldiers detained 27 young men during a sweep of a village near Mopti, residents said.",
     "COERCE", "young men"),
    ("Gunmen kidnapped 32 people on the highway near Kaduna on Sunday, police said.", "ASSAULT", "people"),
    ("Security forces in Mogadishu arrested four women accused of financing al-Shabaab.", "COERCE", "women"),
    ("M23 fighters abducted 12 boys from a school in Rutshuru, a local official said.", "ASSAULT", "boys"),
    ("Bandits abducted 20 farmers in Zamfara state on Friday, a local leader said.", "ASSAULT", "farmers"),
    ("Myanmar troops arrested dozens of villagers in Sagaing region, residents said.", "COERCE", "villagers"),
    ("Houthi gunmen detained two elderly men at a checkpoint outside Taiz, relatives said.",
     "COERCE", "elderly men"),
    ("Ethiopian soldiers detained 60 young people in Gondar after the clashes, residents said.",
     "COERCE", "young people"),
    ("Russian forces detained five teenagers in occupied Melitopol, the mayor said.", "COERCE", "teenagers"),
    ("Syrian security forces arrested nine men in a village near Jableh, a monitor said.", "COERCE", "men"),
]


@pytest.mark.parametrize("text,etype,words", PEOPLE_TAKEN)
def test_people_taken_into_custody_keep_the_articles_words(events, text, etype, words):
    e = one_event(events(text), etype)
    assert e.target == words and e.target_sector == "civilian"


def test_people_the_article_calls_civilians_stay_civilians(events):
    e = one_event(events("Syrian security forces detained civilians in Latakia, a monitor said."), "COERCE")
    assert e.target == "civilians"


def test_people_killed_are_still_civilians(events):
    e = one_event(events("Shelling killed three men in Kharkiv on Monday, the governor said."), "ASSAULT")
    assert e.target == "civilians"


# ------------------------------------------------------- states of things and quantified nouns

NOT_A_TARGET = [
    # a state of things is never a target
    ("Militants attacked the fragile peace in the Kivu region, the governor said.", "ASSAULT", None),
    ("An Israeli strike disrupted the quiet in southern Lebanon, residents said.", "ASSAULT", None),
    ("The Houthis threatened the stability of the Red Sea, the US envoy said.", "THREATEN", None),
    ("The junta's air strikes have destroyed the uneasy calm in Karen State.", "ASSAULT", None),
    # a quantified generic noun is the place named beside it, or nothing
    ("Boko Haram fighters attacked several villages in Borno State overnight.", "ASSAULT", "Borno"),
    ("Jihadists burned some villages near Djibo, residents said.", "ASSAULT", "Djibo"),
    ("Russian forces shelled many towns in the Kharkiv region overnight.", "ASSAULT", "Kharkiv"),
    ("Syrian government forces attacked several towns around Idlib on Monday.", "ASSAULT", "Idlib"),
    ("The army pledged to recapture every town in Amhara region held by Fano militias.", "THREATEN", "Amhara"),
    ("The army vowed to retake every village held by the jihadists in northern Burkina Faso.",
     "THREATEN", "Burkina Faso"),
    ("The rebels vowed to seize every city in Sagaing region by the end of the year.", "THREATEN", "Sagaing"),
]


@pytest.mark.parametrize("text,etype,place", NOT_A_TARGET)
def test_a_state_of_things_or_a_quantified_noun_is_not_the_target(events, text, etype, place):
    e = one_event(events(text), etype)
    target = (e.target or "").lower()
    assert not any(w in target.split() for w in ("peace", "quiet", "calm", "stability", "every", "some",
                                                  "several", "many", "village", "villages", "town", "towns"))
    if place is None:
        assert e.target is None
    else:
        assert e.target is None or place.lower() in target


# --------------------------------- the named doer ("by X") of the act an accusation is about

ACCUSED_BY_AGENT = [
    ("Amnesty condemned the killing of civilians by the RSF in El Geneina.", "Rapid Support Forces"),
    ("Pushilin complained about the aggression by Ukraine.", "Ukraine"),
    ("The UN condemned the shelling of Goma by the M23.", "M23"),
    ("Human Rights Watch denounced the abduction of students by Boko Haram.", "Boko Haram"),
    ("Yemen's government condemned the seizure of the ship by the Houthis.", "Houthis"),
    ("Ukraine condemned the deportation of children by Russia.", "Russia"),
    ("Somalia condemned the attack on its troops by al-Shabaab.", "Al-Shabaab"),
    ("The African Union condemned the killing of villagers by JNIM near Barsalogho.", "JNIM"),
    ("Kenya denounced the abduction of aid workers by al-Shabaab in Mandera.", "Al-Shabaab"),
    ("The EU condemned the torture of detainees by Hamas.", "Hamas"),
]


@pytest.mark.parametrize("text,doer", ACCUSED_BY_AGENT)
def test_the_doer_named_by_by_is_the_accused(events, text, doer):
    e = one_event(events(text), "ACCUSE")
    assert e.target == doer, e.target


# --------------------------------- those raised to fight: the enemy is the target, not them

RAISED_TO_FIGHT = [
    ("Sudan's army mobilised 10,000 reservists to fight against the RSF.", "Rapid Support Forces"),
    ("Putin has called for foreign volunteers to be able to fight against Ukrainian forces.", "UA"),
    ("The junta conscripted young men to fight against the Arakan Army.", "Arakan Army"),
    ("Ethiopia mobilised militias to fight against the TPLF.", "Tigray People's Liberation Front"),
    ("Ukraine called up reservists to fight against Russian forces.", "RU"),
    ("Israel called up 300,000 reservists for the war against Hamas.", "Hamas"),
    ("Burkina Faso recruited civilian volunteers to fight against jihadists.", "jihadists"),
    ("Somalia mobilised clan militias to fight against al-Shabaab.", "Al-Shabaab"),
    ("Mali recruited hunters to fight against JNIM.", "JNIM"),
    ("Armenia mobilised reservists to fight against Azerbaijani forces.", "AZ"),
]


@pytest.mark.parametrize("text,enemy", RAISED_TO_FIGHT)
def test_the_enemy_of_a_mobilisation_is_its_target(events, text, enemy):
    e = one_event(events(text), "MOBILIZE")
    assert e.target == enemy or e.target_country == enemy, (e.target, e.target_country)


@pytest.mark.parametrize("text", [
    "Russia has recently been recruiting fighters from Syria.",
    "The army mobilised 5,000 reservists on Monday.",
    "Kyiv called up 20,000 men in March.",
])
def test_those_raised_are_not_the_target(events, text):
    e = one_event(events(text), "MOBILIZE")
    assert e.target is None


def test_a_named_force_raised_is_the_target(events):
    e = one_event(events("Captain Ibrahim Traore has recruited more than 50,000 VDP volunteers "
                         "since 2022."), "MOBILIZE")
    assert e.target == "Volunteers for the Defence of the Homeland"    # organizations.yaml's VDP


# ------------------------------- a measure throughout the country at home: the own country

@pytest.mark.parametrize("text,country", [
    ("Ethiopia's parliament approved a state of emergency across the country.", "ET"),
    ("The Verkhovna Rada approved martial law across the country.", "UA"),
    ("The Ukrainian Parliament, the Verkhovna Rada, has approved a state of emergency "
     "throughout the country.", "UA"),
])
def test_a_measure_across_the_country_is_on_its_own_country(events, text, country):
    e = one_event(events(text), "COERCE")
    assert e.target_country == country


# ------------------------------------------------------- the body called on, in its own long name

CALLED_ON_BODIES = [
    ("The council called on the Kenyan-led Multinational Security Support mission to protect "
     "civilians.", "Multinational Security Support mission"),
    ("The governor urged the Joint Border Verification Mechanism to investigate the shelling.",
     "Joint Border Verification Mechanism"),
    ("Residents called on the UN Organization Stabilization Mission to protect the camps.",
     "Organization Stabilization Mission"),
    ("The mayor asked the Regional Maritime Security Task Force to escort the ships.",
     "Maritime Security Task Force"),
    ("Villagers called on the Multinational Joint Task Force to return to Baga.", "Multinational Joint Task Force"),
    ("The minister called on the Intergovernmental Authority on Development to mediate.",
     "Intergovernmental Authority on Development"),
    ("Aid groups urged the Kachin Independence Army to let convoys pass.", "Kachin Independence Army"),
    ("The families called on the International Committee of the Red Cross to visit the detainees.",
     "International Committee of the Red Cross"),
    ("Lawmakers urged the Ceasefire Joint Monitoring Commission to investigate the raid near Tal Abyad.",
     "Ceasefire Joint Monitoring Commission"),
    ("Elders in Mogadishu called on the Somali National Army Training Mission to stay.",
     "Army Training Mission"),
]


@pytest.mark.parametrize("text,body", CALLED_ON_BODIES)
def test_the_body_called_on_is_the_target_in_its_long_name(events, text, body):
    e = one_event(events(text), "REQUEST")
    assert body.lower() in (e.target or "").lower()


# ------------------------------------------------------- the place a withdrawal left, by its name

PLACES_LEFT = [
    ("The army said it withdrew its units from the camp of Zamzam after heavy fighting.", "Zamzam"),
    ("Wagner fighters pulled their men out of the base of Tessalit on Monday.", "Tessalit"),
    ("The RSF withdrew from the camp of Kalma after two days of fighting, residents said.", "Kalma"),
    ("Israeli troops withdrew from the town of Khiam in southern Lebanon on Tuesday.", "Khiam"),
    ("The Somali army pulled its forces out of the base of Bariire, residents said.", "Bariire"),
    ("Houthi fighters withdrew from the port of Hodeidah last week.", "Hodeidah"),
    ("Myanmar junta troops abandoned the town of Lashio, the rebels said.", "Lashio"),
    ("M23 rebels withdrew from the town of Walikale on Saturday, residents said.", "Walikale"),
    ("Russian forces retreated from the village of Krynky, the Ukrainian army said.", "Krynky"),
    ("Burkinabe soldiers left the base of Djibo after the attack, residents said.", "Djibo"),
    ("Syrian rebels withdrew their fighters from the city of Manbij, the group said.", "Manbij"),
]


@pytest.mark.parametrize("text,place", PLACES_LEFT)
def test_a_withdrawal_targets_the_place_left_by_its_name(events, text, place):
    e = one_event(events(text), "RETREAT")
    assert e.target == place


# ------------------------------------------------------- the people sanctioned, in the article's words

SANCTIONED_PEOPLE = [
    ("Britain imposed sanctions against six settlers accused of violence in the West Bank.", "settlers"),
    ("The US imposed sanctions on three smugglers who supplied weapons to the Houthis.", "smugglers"),
    ("The EU sanctioned five financiers of al-Shabaab in Somalia.", "financiers"),
    ("The Treasury imposed sanctions on four militants linked to Hezbollah.", "militants"),
    ("The UN Security Council imposed sanctions on six traffickers in Libya.", "traffickers"),
    ("The EU imposed sanctions against three recruiters for Wagner in Mali.", "recruiters"),
    ("The US sanctioned two Sudanese businessmen accused of funding the war.", "businessmen"),
    ("Britain announced sanctions against five extremist settlers in the occupied West Bank.",
     "extremist settlers"),
    ("Kyiv imposed sanctions on 20 propagandists who backed the invasion.", "propagandists"),
    ("Ottawa imposed sanctions on three gang leaders in Port-au-Prince, Haiti.", "leaders"),
]


@pytest.mark.parametrize("text,words", SANCTIONED_PEOPLE)
def test_the_people_sanctioned_are_the_target_in_the_articles_words(events, text, words):
    e = one_event(events(text), "SANCTION")
    assert words in (e.target or "").lower()


def test_sanctioned_things_are_not_people(events):
    e = one_event(events("The US imposed sanctions on oil exports from Iran."), "SANCTION")
    assert "exports" not in (e.target or "")


# ------------------------------------------------------- "condemned the attack": the attack told before

CONDEMNED_AFTER = [
    ("Fano militiamen ambushed a bus near Bahir Dar on Friday, killing six passengers. "
     "The regional administration condemned the attack.", "Fano"),
    ("Al-Shabaab fighters bombed a hotel in Mogadishu, killing 12 people. "
     "The Somali president condemned the attack on Saturday.", "Al-Shabaab"),
    ("RSF fighters shelled the Abu Shouk camp near El Fasher on Monday. The UN condemned the shelling.",
     "Rapid Support Forces"),
    ("Israeli aircraft struck a school in Gaza City on Tuesday, killing 20 people. Qatar condemned the attack.",
     "Israel"),
    ("Houthi forces fired a missile at a tanker in the Red Sea. Britain condemned the attack in a statement.",
     "Houthis"),
    ("JNIM militants attacked an army post near Djibo on Thursday. The Burkinabe junta condemned the attack.",
     "JNIM"),
    ("Russian forces struck a shopping centre in Kharkiv. The European Union condemned the strike.", "Russia"),
    ("Gangs attacked the town of Mirebalais overnight. The Transitional Presidential Council condemned "
     "the attack.", "gangs"),
    ("ADF rebels killed 40 villagers in Beni territory. The Congolese army condemned the massacre.",
     "Allied Democratic Forces"),
    ("Myanmar military jets bombed a monastery in Sagaing region. The National Unity Government "
     "condemned the airstrike.", "Myanmar"),
    ("Gunmen stormed a church in Kwara State on Sunday, killing nine worshippers. The Nigerian "
     "government condemned the attack and promised justice.", "gunmen"),
]


@pytest.mark.parametrize("text,doer", CONDEMNED_AFTER)
def test_condemning_the_attack_told_before_targets_its_doer(events, text, doer):
    e = one_event(events(text), "ACCUSE")
    assert doer.lower() in (e.target or "").lower()


# ------------------------------------------- what the fire of a violent act was aimed at

AIMED_AT = [
    ("Gunmen opened fire on worshippers at a church in Ondo state.", "worshippers"),
    ("Israeli troops opened fire on a crowd waiting for aid in Gaza City.", "crowd"),
    ("Soldiers opened fire on protesters in Mandalay on Sunday.", "protesters"),
    ("Police opened fire at demonstrators outside the parliament in Nairobi.", "demonstrators"),
    ("Helicopters dropped barrel bombs on the town of Daraa.", "Daraa"),
    ("Army jets dropped bombs on a camp for displaced people in Kachin state.", "camp"),
    ("Russian forces rained shells on the city of Kupiansk overnight.", "Kupiansk"),
    ("Houthi fighters fired rockets on a government position in Taiz.", "position"),
    ("Unknown attackers opened fire on a bus carrying pilgrims near Mopti.", "bus"),
    ("Militants opened fire on a police patrol in Lower Dir district.", "patrol"),
]


@pytest.mark.parametrize("text,target", AIMED_AT)
def test_fire_is_done_to_what_it_was_aimed_at(events, text, target):
    e = one_event(events(text), "ASSAULT")
    assert target in (e.target_text or e.target or "")


def test_a_day_the_fire_was_opened_on_is_no_target(events):
    e = one_event(events("Gunmen opened fire on Sunday in a market in Zamfara."), "ASSAULT")
    assert e.target != "Sunday"


# --------------------------------- people raised by a mobilisation are not its target

RAISED_COUNTED = [
    "Russia recruited thousands of fighters from North Korea.",
    "The RSF mobilised thousands of fighters from Darfur.",
    "The junta conscripted hundreds of young men in Sagaing.",
    "Houthi leaders mobilised tens of thousands of tribesmen in Sanaa.",
    "Ukraine called up tens of thousands of reservists in the spring.",
    "Burkina Faso's junta enlisted thousands of volunteers for the militia.",
    "The Israeli army called up 300,000 reservists on Saturday.",
    "Al-Shabaab recruited hundreds of teenagers in Middle Shabelle.",
    "Ethiopia mobilised thousands of militiamen in Amhara.",
    "The M23 recruited hundreds of young men in Rutshuru.",
]


@pytest.mark.parametrize("text", RAISED_COUNTED)
def test_people_counted_into_a_mobilisation_are_raised_not_targeted(events, text):
    e = one_event(events(text), "MOBILIZE")
    assert e.actor is not None and e.target is None, e.target


# ---------------------- "launched 300 drones, targeting X": what the participle says it aimed at

AIMED_CLAUSE = [
    ("Russia launched 300 drones and 20 missiles overnight, targeting energy infrastructure in Lviv.",
     "infrastructure"),
    ("The Houthis launched a ballistic missile, targeting a tanker off Aden.", "tanker"),
    ("Hezbollah fired a barrage of rockets, targeting an army base near Safed.", "base"),
    ("Army helicopters opened fire overnight, hitting a school in Kutkai.", "school"),
    ("Russian forces launched glide bombs, targeting the centre of Kharkiv.", "Kharkiv"),
    ("Jihadists fired rockets at dawn, hitting a military camp near Gao.", "camp"),
    ("Ukraine launched a wave of drones overnight, targeting an oil refinery in Ryazan.", "refinery"),
    ("Insurgents launched drones at dawn, targeting a police station in Mocimboa da Praia.", "police station"),
    ("Houthi forces fired two missiles overnight, targeting a US destroyer in the Red Sea.", "destroyer"),
    ("Russia fired cruise missiles on Tuesday, hitting a power plant in Burshtyn.", "power plant"),
    ("The RSF launched drones at dawn, targeting the airport in Port Sudan.", "airport"),
]


@pytest.mark.parametrize("text,target", AIMED_CLAUSE)
def test_weapons_launched_target_what_their_clause_says_they_aimed_at(events, text, target):
    e = one_event(events(text), "ASSAULT")
    assert target in (e.target or ""), e.target


PLACE_PHRASES = [
    ("Units of the Battlegroup Center liberated the settlement of Novoselivka, the Russian Defence "
     "Ministry said.", "Novoselivka", "RU"),
    ("M23 rebels seized the locality of Nyabiondo on Sunday.", "Nyabiondo", "CD"),
    ("Fighters of Battlegroup West took the settlement of Pishchane.", "Pishchane", "RU"),
]


@pytest.mark.parametrize("text,place,side", PLACE_PHRASES)
def test_the_settlement_of_x_is_x_and_units_of_a_group_are_the_group(events, text, place, side):
    e = one_event(events("Front line\n\n" + text), "COERCE")
    assert e.target == place and e.actor_country == side, (e.actor, e.target)

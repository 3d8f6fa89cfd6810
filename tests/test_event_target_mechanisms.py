"""Event targets by general mechanisms (issue 9, the target slot), each with sentences written
for these tests from many wars, run through the whole pipeline:

- a thing that is only someone's property is done to its owner ("positions held by X", "a
  vehicle of X", "X's courtyard", "a bus carrying soldiers");
- a common noun stays a target in the article's words when it names the site a withdrawal left,
  a body by its kind ("four shipping firms") or the thing a refusal rejects;
- a protest is made to a party, never its square; "the authorities" are those of the place;
- a meeting or joint patrol of "A and B" is done to B; a fight or deal between two sides, and
  "both countries", name the two sides; no party is its own target;
- the people taken, the noun a relative clause describes, the people of a body keep their words;
  a bare number is never a target; a generic place noun is the place named beside it;
- a denial no accuser answers is done to the accusation it denies.
"""
from __future__ import annotations

import pytest

from support import one_event


# ------------------------------------------------ a thing that is only someone's property

OWNED_THINGS = [
    ("A Russian drone hit a bus carrying Ukrainian soldiers near Pokrovsk on Friday.", "Ukrainian soldiers"),
    ("Sudanese army artillery shelled positions held by the Rapid Support Forces east of El Fasher.",
     "Rapid Support Forces"),
    ("An Israeli airstrike destroyed a car belonging to Hezbollah in the southern town of Nabatieh.", "Hezbollah"),
    ("Myanmar junta jets bombed positions of the Arakan Army near Sittwe on Tuesday.", "Arakan Army"),
    ("Al-Shabaab fighters ambushed a convoy of African Union troops outside Mogadishu.", "African Union troops"),
    ("M23 rebels shelled trenches manned by Congolese soldiers near Sake.", "Congolese soldiers"),
    ("Houthi forces fired a missile at a boat operated by the Yemeni coast guard off Mokha.", "Yemeni coast guard"),
    ("Boko Haram gunmen attacked a vehicle carrying aid workers near Monguno on Sunday.", "aid workers"),
    ("Turkish jets struck hideouts of the PKK in northern Iraq overnight.", "PKK"),
    ("Fano militiamen attacked a bus carrying federal police officers near Gondar.", "federal police officers"),
    ("An Israeli strike on the school's courtyard in Jabalia killed three people, medics said.", "school"),
]


@pytest.mark.parametrize("text,owner", OWNED_THINGS)
def test_property_hit_is_done_to_its_owner(events, text, owner):
    e = one_event(events(text), "ASSAULT")
    assert e.target == owner or (e.target_text or "").lower() == owner.lower()


def test_a_thing_with_no_owner_stays_the_thing(events):
    e = one_event(events("A drone struck a bus near Kherson on Monday, the governor said."), "ASSAULT")
    assert e.target == "bus"


# ------------------------------------------------ the site a withdrawal left, in the article's words

SITES_LEFT = [
    ("Malian troops withdrew from the army base at Ber on Sunday.", {"Ber", "army base"}),
    ("Ethiopian federal forces pulled out of the district police station in Lalibela.",
     {"Lalibela", "district police station"}),
    ("RSF fighters withdrew from the main road linking El Obeid and Kosti.", {"main road"}),
    ("Israeli troops withdrew from the hospital in Khan Younis after a two-week raid.", {"hospital"}),
    ("Al-Shabaab fighters retreated from the bridge over the Shabelle river.", {"bridge"}),
    ("M23 rebels pulled out of the border crossing at Bunagana, the army said.", {"Bunagana", "border crossing"}),
    ("Ukrainian forces withdrew from the depot on the edge of Avdiivka.", {"depot"}),
    ("Houthi fighters abandoned the checkpoint outside Marib on Friday.", {"Marib", "checkpoint"}),
    ("Myanmar soldiers withdrew from the school they had occupied in Lashio.", {"school"}),
    ("By nightfall the gunmen had withdrawn from the police station, villagers in Zamfara said.",
     {"police station"}),
    ("The Ministry of Defence announced the withdrawal of its units from the coastal road near Zawiya.",
     {"coastal road", "Zawiya"}),
]


@pytest.mark.parametrize("text,left", SITES_LEFT)
def test_a_withdrawal_is_from_the_site_it_left(events, text, left):
    e = one_event(events(text), "RETREAT")
    assert e.target in left


# ------------------------------------------------ a body named by its kind and a modifier

BODIES_BY_KIND = [
    ("The United States imposed sanctions on four shipping firms based in Dubai on Wednesday.",
     "SANCTION", "shipping firms"),
    ("The European Union sanctioned three Iranian drone companies for supplying Russia.", "SANCTION",
     "Iranian drone companies"),
    ("Britain imposed sanctions on two gold trading companies linked to the RSF.", "SANCTION",
     "gold trading companies"),
    ("Washington announced sanctions against several Chinese oil refineries on Friday.", "SANCTION",
     "Chinese oil refineries"),
    ("The Presidential Council head called on all the armed formations to leave Tripoli's neighbourhoods.",
     "REQUEST", "armed formations"),
    ("The governor urged the local vigilante groups to hand over their weapons in Katsina.", "REQUEST",
     "local vigilante groups"),
    ("The UN envoy appealed to the armed factions in Khartoum to open humanitarian corridors.", "REQUEST",
     "armed factions"),
    ("The Treasury imposed sanctions on two Houthi oil tankers anchored off Ras Isa.", "SANCTION",
     "Houthi oil tankers"),
    ("Canada sanctioned five Myanmar military-linked banks on Tuesday.", "SANCTION", "banks"),
    ("Somalia's president urged the clan militias in Hiiraan to join the offensive against al-Shabaab.",
     "REQUEST", "clan militias"),
]


@pytest.mark.parametrize("text,etype,words", BODIES_BY_KIND)
def test_a_body_named_by_its_kind_is_the_target(events, text, etype, words):
    e = one_event(events(text), etype)
    assert e.target is not None and words.split()[-1] in e.target and set(words.split()) & set(e.target.split())


# ------------------------------------------------ the thing a refusal rejects, when its words tell which

REFUSED_THINGS = [
    ("Moscow dismissed a European counterproposal presented in Geneva on Monday.", "European counterproposal"),
    ("A dissident faction that rejected the 2016 peace agreement attacked an army post.", "2016 peace agreement"),
    ("The prime minister expressed his rejection of renewed fighting in the capital.", "renewed fighting"),
    ("The junta in Niamey rejected the regional transition timetable on Thursday.", "regional transition timetable"),
    ("Hamas rejected the latest ceasefire framework, a spokesman said in Doha.", "ceasefire framework"),
    ("The RSF rejected the Jeddah humanitarian declaration as outdated.", "Jeddah humanitarian declaration"),
    ("The Houthis dismissed the UN-backed road map, calling it a foreign plot.", "road map"),
    ("M23 leaders refused the Luanda ceasefire roadmap on Sunday.", "Luanda ceasefire roadmap"),
    ("Kyiv rejected any territorial concessions in the talks, the foreign minister said.", "territorial concessions"),
    ("The Fano command rejected the federal disarmament programme in Amhara.", "federal disarmament programme"),
]


@pytest.mark.parametrize("text,thing", REFUSED_THINGS)
def test_the_thing_refused_is_the_target_in_its_words(events, text, thing):
    e = one_event(events(text), "REJECT")
    assert e.target is not None and thing.split()[-1] in e.target.split()


def test_a_bare_claim_refused_names_no_target(events):
    e = one_event(events("Sudan's army rejected the claim on Sunday, a spokesman said."), "REJECT")
    assert e.target is None


# ------------------------------------------------ a protest is made to a party, not to its square

PROTESTS = [
    ("Hundreds of women protested in Omdurman on Friday against the siege imposed by the Rapid Support Forces.",
     "Rapid Support Forces", "SD"),
    ("Thousands rallied in Bamako on Saturday demanding that the junta hold elections.", "junta", "ML"),
    ("Residents of Goma marched against the occupation of their city by M23 rebels.", "M23", None),
    ("Students in Tehran protested against the execution of a wrestler.", "Iranian government", "IR"),
    ("In Sanaa, hundreds of traders protested on Tuesday against new taxes and fuel shortages.",
     "Yemeni government", "YE"),
    ("Dozens of families demonstrated in Kano on Monday to demand the release of the kidnapped schoolgirls.",
     "Nigerian government", "NG"),
    ("Crowds in Tel Aviv rallied on Saturday, calling on Netanyahu to sign a hostage deal.", "Netanyahu", None),
    ("Protesters in Mandalay marched against the military junta on Sunday.", None, "MM"),
    ("Dozens of people rallied outside the parliament in Kyiv on Friday, demanding more money for the army.",
     "Ukrainian government", "UA"),
    ("In Mekelle, thousands of displaced people protested on Thursday against delays in their return home.",
     "Ethiopian government", "ET"),
    ("Hundreds of Druze residents protested in Sweida against the government in Damascus.", "government", "SY"),
]


@pytest.mark.parametrize("text,whom,country", PROTESTS)
def test_a_protest_targets_the_party_it_is_made_to(events, text, whom, country):
    e = one_event(events(text), "PROTEST")
    assert e.target is not None and e.location != e.target
    assert whom is None or e.target == whom
    assert country is None or e.target_country == country


def test_a_similar_rally_is_made_to_the_same_party(events):
    found = [e for e in events("Thousands of people marched through Niamey on Saturday to demand the "
                               "departure of American troops. In Zinder, about 2,000 people held a "
                               "similar rally on Sunday, local radio reported.") if e.type == "PROTEST"]
    assert len(found) == 2 and found[0].target == found[1].target and found[1].target_country == "US"


# ------------------------------------------------ "the authorities" are those of the place

AUTHORITIES = [
    ("Amnesty International called on the authorities in Zamfara to investigate the killings.", "NG"),
    ("Human Rights Watch urged the authorities in Bamako to release the detained journalists.", "ML"),
    ("The UN called on the authorities in Khartoum to allow aid convoys through.", "SD"),
    ("Rights groups urged the government in Goma to protect the displaced families.", "CD"),
    ("The ICRC called on the authorities in Mogadishu to protect health workers.", "SO"),
    ("Doctors Without Borders asked the authorities in Mekelle to reopen the clinics.", "ET"),
    ("Families in Sittwe urged the authorities to account for the missing fishermen.", "MM"),
    ("Aid groups urged the authorities in Aden to pay public salaries.", "YE"),
    ("Lawyers called on the government in Damascus to release political prisoners.", "SY"),
    ("The Norwegian Refugee Council urged the authorities in Maiduguri to reopen the camps.", "NG"),
]


@pytest.mark.parametrize("text,country", AUTHORITIES)
def test_the_authorities_are_those_of_the_place(events, text, country):
    e = one_event(events(text), "REQUEST")
    assert e.target in ("authorities", "government") and e.target_country == country


# ------------------------------------------------ a joint act coded one way: the last party named

JOINT_ACTS = [
    ("Sudan and South Sudan held talks in Juba on Tuesday on the oil pipeline.", "CONSULT", "SS"),
    ("Ethiopia and Eritrea met in Asmara to discuss the border.", "CONSULT", "ER"),
    ("The Sudanese army chief and the RSF commander met in Jeddah.", "CONSULT", "SD"),
    ("Somalia and Kenya held talks in Nairobi on border security.", "CONSULT", "KE"),
    ("Niger and Mali conducted joint patrols along their shared border.", "COOPERATE", "ML"),
    ("Armenia and Azerbaijan met in Brussels on Thursday.", "CONSULT", "AZ"),
    ("Nigeria and Chad carried out joint patrols around Lake Chad against Boko Haram.", "COOPERATE", "TD"),
    ("Myanmar and China held talks in Kunming on the fighting in Shan State.", "CONSULT", "CN"),
    ("Turkey and Iraq carried out joint patrols near the border on Saturday.", "COOPERATE", "IQ"),
    ("Delegations of the Syrian government and the SDF met in Damascus on Monday.", "CONSULT", "SY"),
]


@pytest.mark.parametrize("text,etype,country", JOINT_ACTS)
def test_a_joint_act_is_done_to_the_last_party(events, text, etype, country):
    e = one_event(events(text), etype)
    assert e.target != "each other" and e.target_country == country and e.target != e.actor


@pytest.mark.parametrize("text,etype", [
    ("The ELN and the government agreed on Tuesday to resume peace talks.", "AGREE"),
    ("Russia and Ukraine swapped 150 prisoners of war each on Wednesday.", "RETREAT"),
])
def test_an_agreement_or_a_swap_between_parties_stays_mutual(events, text, etype):
    e = one_event(events(text), etype)
    assert e.target == "each other"


# ------------------------------------------------ the party hit, acting on a third party, is another act

THIRD_PARTY = [
    "The Israeli military said it had hit infrastructure used by the Houthis in Hodeidah on Monday. "
    "The Houthis have been fighting a Saudi-led coalition since 2015.",
    "Rwandan troops shelled positions held by M23 rebels near Goma on Friday. "
    "The M23 has been fighting the Congolese army since 2021.",
    "Turkish drones struck a vehicle of the Syrian Democratic Forces near Qamishli. "
    "The SDF has been fighting Islamic State cells in the desert for years.",
]


@pytest.mark.parametrize("text", THIRD_PARTY)
def test_the_party_hit_fighting_a_third_party_is_another_act(assaults, text):
    found = assaults(text)
    assert len(found) == 2 and found[0].actor != found[1].actor


# ------------------------------------------------ the people taken into custody, in the article's words

TAKEN = [
    ("Malian authorities announced the arrest of two army officers accused of plotting a coup.", "officers"),
    ("Police in Kano confirmed the arrest of five journalists covering the protest.", "journalists"),
    ("The junta ordered the detention of three ministers of the ousted government.", "ministers"),
    ("Ethiopian police announced the arrest of 40 teachers in Bahir Dar.", "teachers"),
    ("Syrian security forces confirmed the arrest of four smugglers near the Jordanian border.", "smugglers"),
    ("Kenyan police announced the arrest of six traders in Mandera.", "traders"),
    ("Israeli forces announced the arrest of twelve students in Jenin.", "students"),
    ("Myanmar's junta ordered the arrest of seven doctors in Mandalay.", "doctors"),
    ("The army announced the arrest of two soldiers accused of looting in Goma.", "soldiers"),
    ("Ukraine's security service announced the detention of three informants in Odesa.", "informants"),
]


@pytest.mark.parametrize("text,who", TAKEN)
def test_the_people_arrested_are_the_target(events, text, who):
    found = [e for e in events(text) if e.type == "COERCE" and e.target]
    assert found and who in found[0].target


PROTEST_ARRESTS = [
    ("Hundreds of people protested in Raqqa on Sunday. SDF security forces detained at least 15 young men "
     "at checkpoints the same day.", "young men"),
    ("Students marched in Khartoum on Monday. Police detained nine medical students near the university.",
     "medical students"),
    ("Thousands protested in Dhaka on Friday. Police arrested 47 people, witnesses said.", "protesters"),
    ("Crowds rallied in Nairobi against the finance bill. Police arrested dozens of people.", "protesters"),
]


@pytest.mark.parametrize("text,who", PROTEST_ARRESTS)
def test_arrests_in_a_protest_story_keep_the_people_named(events, text, who):
    e = one_event(events(text), "COERCE")
    assert e.target == who


# ------------------------------------------------ a relative clause is done to the noun it describes

RELATIVE_HEADS = [
    ("The UN envoy called on the Huthis to release the 23 UN staff members they have detained since last year.",
     "COERCE", {"UN staff members", "United Nations"}),
    ("Aid groups called for the release of the aid workers the Houthis detained in Sanaa.", "COERCE",
     {"aid workers"}),
    ("Villagers buried the farmers the gunmen shot near Bokkos on Tuesday.", "ASSAULT", {"farmers", "civilians"}),
    ("Officials visited the clinic the RSF shelled in El Fasher on Monday.", "ASSAULT", {"clinic"}),
    ("Residents returned to the market the junta's jets bombed in Sagaing.", "ASSAULT", {"market"}),
    ("Troops cleared the village the jihadists attacked near Djibo on Sunday.", "ASSAULT", {"village"}),
    ("Officials counted the houses the drones destroyed in Kharkiv overnight.", "ASSAULT", {"houses"}),
    ("Mourners gathered at the camp the army shelled near Rutshuru on Sunday.", "ASSAULT", {"camp"}),
    ("Officials inspected the checkpoint the insurgents attacked near Palma.", "ASSAULT", {"checkpoint"}),
    ("Medics treated the children the drone hit in Kassala on Friday.", "ASSAULT", {"civilians", "children"}),
]


@pytest.mark.parametrize("text,etype,whom", RELATIVE_HEADS)
def test_a_relative_clause_is_done_to_its_noun(events, text, etype, whom):
    found = [e for e in events(text) if e.type == etype]
    assert found and found[-1].target in whom


# ------------------------------------------------ a number is no target

NUMBERS = [
    "Russia launched a large attack overnight, killing at least nine people and injuring 41 in Kharkiv and Odesa.",
    "The RSF shelled El Fasher on Sunday, killing 12 people and wounding 30 in the market.",
    "Israeli strikes on Gaza killed 20 people and injured 57 overnight, medics said.",
    "Junta airstrikes killed 11 villagers and wounded 25 in Sagaing on Monday.",
    "Al-Shabaab militants attacked a hotel in Mogadishu, killing 8 civilians and wounding 14.",
    "A car bomb in Idlib killed five people and wounded 19, the White Helmets said.",
    "Gunmen raided a village in Plateau state, killing 17 residents and injuring 9.",
    "M23 shelling killed four civilians and wounded 22 in Goma on Friday.",
    "A drone strike in Sudan's Kordofan killed six people and injured 13, medics said.",
    "Houthi missiles hit Marib on Tuesday, killing three people and wounding 18.",
]


@pytest.mark.parametrize("text", NUMBERS)
def test_a_bare_number_is_never_the_target(assaults, text):
    found = assaults(text)
    assert found and all(e.target is None or not e.target.replace(",", "").isdigit() for e in found)


# ------------------------------------------------ a fight or a deal between two sides: each other

BETWEEN_SIDES = [
    ("In the late hours of Tuesday, a ceasefire agreement was reached between the two parties in Zawiya.", "AGREE"),
    ("Dozens were killed in Khartoum during the fighting between the army and the RSF.", "ASSAULT"),
    ("A truce was agreed between the rival militias in Zawiya on Sunday.", "AGREE"),
    ("Ten civilians died in Bunia amid clashes between two armed groups.", "ASSAULT"),
    ("Heavy clashes erupted in Tripoli overnight, residents said.", "ASSAULT"),
    ("Three children were killed in Marib during battles between Houthi fighters and government troops.", "ASSAULT"),
    ("A ceasefire deal was signed between the Congolese army and M23 rebels in Doha.", "AGREE"),
    ("Twelve people were wounded in Mogadishu in clashes between clan militias.", "ASSAULT"),
    ("Two farmers were killed in Benue during fighting between herders and vigilantes.", "ASSAULT"),
    ("An accord was reached between Fano and federal officials in Bahir Dar.", "AGREE"),
    ("More than 4,000 people were killed in Lebanon during the 2024 war between Israel and Hezbollah.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", BETWEEN_SIDES)
def test_a_fight_or_deal_between_sides_is_done_to_each_other(events, text, etype):
    found = [e for e in events(text) if e.type == etype]
    assert found and found[0].target == "each other"


def test_victims_of_a_one_sided_attack_stay_the_victims(events):
    e = one_event(events("Five civilians were killed in Gao during an attack by jihadists."), "ASSAULT")
    assert e.target != "each other"


def test_an_offer_to_host_talks_between_sides_is_not_between_them(events):
    found = [e for e in events("In Ankara, the Turkish foreign minister said Turkey was ready to host talks "
                               "between Russia and Ukraine on Black Sea shipping.") if e.type in ("AGREE", "CONSULT")]
    assert all(e.target != "each other" for e in found)


# ------------------------------------------------ "both countries", "the two sides": the two parties told

TWO_SIDES = [
    ("Israeli jets struck Iranian air defences near Tabriz on Tuesday. Iran fired missiles at Tel Aviv "
     "hours later. UN Secretary-General Antonio Guterres urged both countries to exercise maximum restraint.",
     "REQUEST", {"Israel", "Iran"}),
    ("India struck targets in Pakistani Kashmir overnight. Pakistan shelled Indian posts along the Line of "
     "Control. The United States urged the two sides to step back.", "REQUEST", {"India", "Pakistan"}),
    ("The RSF shelled army positions in El Fasher. The army bombed RSF bases in Nyala. Saudi mediators met "
     "the two delegations in Jeddah.", "CONSULT", {"Rapid Support Forces", "Sudanese army"}),
    ("Armenian forces shelled Azerbaijani posts near Sotk. Azerbaijan struck Armenian positions in response. "
     "Russia urged both countries to respect the truce.", "REQUEST", {"Armenia", "Azerbaijan"}),
    ("Ethiopian troops attacked Eritrean positions near Badme. Eritrea shelled Ethiopian towns overnight. "
     "The African Union called on both sides to cease fire.", "REQUEST", {"Ethiopia", "Eritrea"}),
    ("Chadian troops shelled Sudanese border posts near Adre. Sudan accused Chad of aggression. Kenya "
     "urged the two governments to talk.", "REQUEST", {"Sudan", "Chad"}),
    ("Rwandan troops shelled Congolese army positions near Goma. Congo's army fired back at Rwandan posts. "
     "Angola urged both countries to return to the Luanda talks.", "REQUEST", {"Rwanda", "Congo"}),
    ("Thai artillery shelled Cambodian positions near the temple. Cambodia fired rockets at Thai villages. "
     "Malaysia urged both neighbours to hold talks.", "REQUEST", {"Thailand", "Cambodia"}),
    ("Somali forces attacked Ethiopian troops near Dolow. Ethiopia struck Somali positions in Gedo. Turkey "
     "urged both governments to show restraint.", "REQUEST", {"Somalia", "Ethiopia"}),
    ("Russian drones hit Ukrainian cities overnight. Ukraine struck a Russian refinery in Saratov. The "
     "Vatican urged both countries to agree a truce.", "REQUEST", {"Russia", "Ukraine"}),
]


@pytest.mark.parametrize("text,etype,sides", TWO_SIDES)
def test_a_pair_named_by_its_kind_is_the_two_sides_told(events, text, etype, sides):
    found = [e for e in events(text) if e.type == etype]
    assert found and found[-1].target and sum(any(w in found[-1].target for w in s.split()[:1]) for s in sides) == 2


def test_a_pair_with_no_sides_told_stays_in_words(events):
    e = one_event(events("The envoy urged both sides to return to the negotiating table in Doha."), "REQUEST")
    assert e.target == "sides"


# ------------------------------------------------ a generic place noun named beside its comma

NAMED_BESIDE = [
    ("The state government lifted an overnight curfew in the state capital, Bauchi, on Wednesday.", "Bauchi"),
    ("The RSF shelled the state capital, El Fasher, for a third day.", "El Fasher"),
    ("The junta imposed martial law on the western town, Lashio, on Monday.", "Lashio"),
    ("Jihadists besieged the provincial capital, Djibo, for months.", "Djibo"),
    ("Houthi drones struck the port city, Hodeidah, on Friday.", "Hodeidah"),
    ("Al-Shabaab fighters overran the district town, Beledweyne, before dawn.", "Beledweyne"),
    ("Troops withdrew from the border town, Bunagana, on Sunday.", "Bunagana"),
    ("The army lifted the curfew in the northern city, Maiduguri, on Tuesday.", "Maiduguri"),
    ("Russian missiles hit the regional capital, Zaporizhzhia, overnight.", "Zaporizhzhia"),
    ("Israeli jets bombed the southern city, Tyre, on Monday.", "Tyre"),
]


@pytest.mark.parametrize("text,place", NAMED_BESIDE)
def test_a_place_noun_is_the_place_named_beside_it(events, text, place):
    found = [e for e in events(text) if e.target]
    assert found and found[0].target == place


# ------------------------------------------------ an act is not done by a party to itself

SELF_TARGETS = [
    "Kinshasa signed a deal with the M23 rebel movement, which withdrew in 2013.",
    "The junta signed an accord with the Arakan Army, which disarmed in 2012.",
    "Bamako reached a deal with the Tuareg rebel coalition, which disarmed in 2015.",
    "The government made peace with the Tigray People's Liberation Front, which disarmed in 2023.",
    "Manila signed a pact with the Moro Islamic Liberation Front, which demobilised in 2019.",
    "Khartoum signed a deal with the Sudan Liberation Army, which disarmed in 2020.",
    "Sanaa signed a truce with the Southern Transitional Council, which withdrew in 2022.",
    "The state signed an accord with the Oromo Liberation Army, which disarmed in 2018.",
    "Mogadishu reached a deal with the Ahlu Sunna militia, which disarmed in 2017.",
    "The government in Bogota signed a deal with the much bigger FARC rebel group, which disarmed in 2017.",
]


@pytest.mark.parametrize("text", SELF_TARGETS)
def test_no_party_is_its_own_target(events, text):
    found = [e for e in events(text) if e.actor and e.target]
    assert all(e.actor.lower() != e.target.lower() for e in found)


# ------------------------------------------------ a denial no accuser answers: the accusation denied

DENIED_DEEDS = [
    ("Moscow denies mistreating captives.", "mistreating"),
    ("The government spokesman denied that civilians had been targeted in Amhara.", "civilians"),
    ("Rwanda denies backing the M23 rebels.", "backing"),
    ("The RSF denied shelling the camp near El Fasher.", "shelling"),
    ("The army denied that its jets had bombed the market in Kutkai.", "bombed"),
    ("Israel denied targeting aid workers in Deir al-Balah.", "targeting"),
    ("Al-Shabaab denied killing the teachers.", "killing"),
    ("Eritrea denied sending troops into Tigray.", "sending"),
    ("Hezbollah denied firing rockets at Metula.", "firing"),
    ("The Houthis denied detaining UN staff.", "detaining"),
]


@pytest.mark.parametrize("text,deed", DENIED_DEEDS)
def test_a_denial_with_no_accuser_is_done_to_the_accusation(events, text, deed):
    e = one_event(events(text), "REJECT")
    assert e.target is not None and deed in e.target and e.target != e.actor


def test_a_denial_answering_an_accuser_told_targets_the_accuser(events):
    found = [e for e in events("Sudan's army accused the RSF of shelling a camp near El Fasher. "
                               "The RSF denied shelling the camp.") if e.type == "REJECT"]
    assert found and "accusation" not in (found[0].target or "")


# ------------------------------------------------ the people of a body keep the article's words

MEMBERS = [
    ("Foreign Minister Andrii Sybiha met EU foreign ministers in Brussels on Monday.", "CONSULT", "EU foreign ministers"),
    ("The Houthis detained 23 UN staff members in Sanaa.", "COERCE", "UN staff members"),
    ("Gunmen attacked UN peacekeepers near Beni on Tuesday.", "ASSAULT", "UN peacekeepers"),
    ("Israeli troops fired on UNIFIL staff near Naqoura.", "ASSAULT", "UNIFIL staff"),
    ("The RSF detained two WFP employees in Nyala.", "COERCE", "WFP employees"),
    ("Militants detained three ICRC workers near Menaka.", "COERCE", "ICRC workers"),
    ("Myanmar's junta arrested four ASEAN observers in Yangon.", "COERCE", "ASEAN observers"),
    ("Al-Shabaab fighters ambushed AU peacekeepers near Baidoa.", "ASSAULT", "AU peacekeepers"),
    ("Russian drones hit OSCE monitors near Donetsk.", "ASSAULT", "OSCE monitors"),
    ("The Ethiopian prime minister met African Union officials in Addis Ababa.", "CONSULT", "African Union officials"),
]


@pytest.mark.parametrize("text,etype,words", MEMBERS)
def test_the_people_of_a_body_keep_their_words(events, text, etype, words):
    found = [e for e in events(text) if e.type == etype]
    assert found and found[0].target == words

"""Parties and places read from the article, not only from the phrase: a title whose holder is
named beside it, attackers told only by what they are in an article whose group claims them,
pronouns whose antecedent is the clause they hang on or the speaker a line opens with, a thing
hit that belongs to a named body, a definite place noun hit after its town was named, and a
place the gazetteer lacks (events/cast.py, roles.py, targets.py, where.py).

Sentences and mini-articles written for these tests, from many wars, run through the whole
pipeline under a headline.
"""
from __future__ import annotations

import pytest

from support import first_event


def _words(value) -> str:
    return (value or "").lower()


# ---------------------------------------------------------------- a title is the person named beside it

TITLED = [
    ("The North Darfur Governor, Nimir Abdel Rahman, condemned the shelling of El Fasher on Sunday.",
     "ACCUSE", "Nimir Abdel Rahman"),
    ("The Kachin State Chief Minister, Khet Htein Nan, urged the army to halt air strikes on Myitkyina.",
     "REQUEST", "Khet Htein Nan"),
    ("The UN Special Envoy for Yemen, Hans Grundberg, urged the warring parties to release all detainees.",
     "REQUEST", "Hans Grundberg"),
    ("The Haitian National Police Director, Normil Rameau, vowed to retake Mirebalais from the gangs.",
     "AGREE", "Normil Rameau"),
    ("The Ituri Provincial Governor, Johnny Luboya, accused CODECO militiamen of killing 12 displaced "
     "people near Bunia.", "ACCUSE", "Johnny Luboya"),
    ("The Lebanese Health Minister, Rakan Nasreddine, accused Israel of striking an ambulance near Tyre.",
     "ACCUSE", "Rakan Nasreddine"),
    ("Ukraine's Human Rights Commissioner, Dmytro Lubinets, accused Russia of executing prisoners near "
     "Pokrovsk.", "ACCUSE", "Dmytro Lubinets"),
    ("The head of the UN mission in Libya, Hanna Tetteh, urged the armed groups in Tripoli to respect "
     "the truce.", "REQUEST", "Hanna Tetteh"),
    # the name closing the subject phrase, right before its verb
    ("UN Resident and Humanitarian Coordinator for Somalia George Conway urged donors to fund the "
     "flood response.", "REQUEST", "George Conway"),
    # "he" in a clause joined to the one the titled person said
    ("The spokesman of the Arakan Army, Khaing Thukha, said the group had taken the town, and he "
     "accused the junta of bombing civilians.", "ACCUSE", "Khaing Thukha"),
    ("The spokesman of the Fano militia, Yohannes Nigussie, said his fighters held the road, and he "
     "accused the federal army of shelling Lalibela.", "ACCUSE", "Nigussie"),
]


@pytest.mark.parametrize("text,etype,person", TITLED)
def test_a_title_is_the_person_named_beside_it(headed_events, text, etype, person):
    e = first_event(headed_events(text), etype)
    assert person.split()[-1].lower() in _words(e.actor), (e.actor, e.actor_text)


def test_a_title_with_no_name_beside_it_stays_a_title(headed_events):
    e = first_event(headed_events("The provincial governor urged residents of Goma to stay indoors."),
                    "REQUEST")
    assert "governor" in _words(e.actor), e.actor


# ------------------------------------------ attackers told by what they are: the group owning the attack

OWNED_ATTACKS = [
    # a later event of the article: the headline names the group
    ("Al-Shabaab siege of Kismayo hotel ends\n\nSomali forces ended a twelve-hour siege of a hotel in "
     "Kismayo on Saturday. Four gunmen had stormed the building late on Friday, police said.", "Shabaab"),
    ("JNIM attack on Djibo\n\nThe army said on Monday it had repelled an assault on Djibo. Militants "
     "attacked army positions around the town on Sunday, residents said.", "JNIM"),
    ("ADF massacre in Lubero\n\nThe toll rose to 40 on Tuesday. Assailants killed villagers with "
     "machetes in Mayikengo on Sunday night, local officials said.", "Allied Democratic Forces"),
    # ... or a claim of responsibility does
    ("Market attack in Maiduguri\n\nThe governor visited the wounded in hospital on Sunday. Police said "
     "the attackers had detonated explosives at a market in Maiduguri. Boko Haram claimed "
     "responsibility on Monday.", "Boko Haram"),
    ("Restaurant siege in Mogadishu\n\nGunmen stormed a seafront restaurant near Lido beach on Friday "
     "night, killing six diners. Al-Shabaab claimed responsibility for the assault in a statement.",
     "Shabaab"),
    ("Deadly raid in Ituri\n\nAssailants armed with machetes attacked a displacement camp near Djugu "
     "overnight, killing 18 people. CODECO claimed responsibility for the raid.", "CODECO"),
]


@pytest.mark.parametrize("text,group", OWNED_ATTACKS)
def test_attackers_told_by_what_they_are_are_the_group_owning_the_attack(analyse, text, group):
    # the attack told last in the text (the siege's end told before it is the forces' own ASSAULT)
    e = max((x for x in analyse(text, "2024-05-02").events if x.type == "ASSAULT"), key=lambda x: x.start)
    assert group.lower() in _words(e.actor), (e.actor, e.actor_text)


def test_attackers_stay_unknown_when_no_group_owns_the_attack(analyse):
    e = first_event(analyse("Farmers killed in Plateau\n\nGunmen killed four farmers in a village in "
                            "Plateau State on Sunday, police said.", "2024-05-02").events, "ASSAULT")
    assert e.actor is not None and "gunmen" in _words(e.actor) and e.actor_country is None


MEMBERS_OF = [
    ("Fighters of the Tigray Defense Forces shelled Alamata on Tuesday.", "Tigray Defense Forces"),
    ("Militants of the Allied Democratic Forces killed eleven villagers near Oicha on Sunday.",
     "Allied Democratic Forces"),
    ("Terrorists of the Islamic State Sahel Province attacked a gendarmerie post near Tillaberi on "
     "Friday.", "Islamic State Sahel Province"),
    ("Insurgents of Al-Shabaab overran a military base near Mahaday on Thursday.", "Shabaab"),
]


@pytest.mark.parametrize("text,group", MEMBERS_OF)
def test_armed_people_of_a_named_group_are_that_group(headed_events, text, group):
    e = first_event(headed_events(text), "ASSAULT", "COERCE")
    assert group.lower() in _words(e.actor), e.actor


# ------------------------------------------------- pronouns: the clause they hang on, the line's speaker

PRONOUNS = [
    ("Hamas fired rockets at Ashkelon after it accused Israel of breaking the truce.", "ACCUSE", "Hamas"),
    ("The M23 shelled Sake on Monday after it accused the Congolese army of using drones.", "ACCUSE", "M23"),
    ("Houthi military spokesman Yahya Saree: we targeted a US destroyer in the Red Sea with drones.",
     "ASSAULT", "Houthis"),
    ("Hamas spokesman Abu Obeida: our fighters ambushed an Israeli force in Khan Younis.", "ASSAULT", "Hamas"),
    # a plural group name is not the person whose surname it shares
    ("Houthi leader Abdul-Malik al-Houthi vowed more attacks on shipping. Houthis fired a ballistic "
     "missile at Eilat on Monday.", "ASSAULT", "Houthis"),
]


@pytest.mark.parametrize("text,etype,party", PRONOUNS)
def test_a_pronoun_is_the_party_its_clause_or_line_names(headed_events, text, etype, party):
    e = first_event(headed_events(text), etype)
    assert _words(e.actor) == party.lower(), (e.actor, e.actor_text)


def test_explain_shows_how_the_attackers_were_resolved(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(OWNED_ATTACKS[0][0] + "\n", encoding="utf-8")
    res = cli("explain", path)
    assert res.returncode == 0, res.stderr
    assert "owning its attacks ('Al-Shabaab')" in res.stdout


# --------------------------------------------------------------- a thing hit is its named owner's

OWNED_THINGS = [
    ("Israeli tanks fired on a UNIFIL position near Naqoura on Sunday.", "UNIFIL"),
    ("RSF fighters ambushed an SAF convoy near El Obeid on Tuesday.", "Sudanese Armed Forces"),
    ("A Turkish drone hit an SDF vehicle near Qamishli on Monday.", "Syrian Democratic Forces"),
    ("Gunmen attacked a MONUSCO patrol near Beni on Friday.", "MONUSCO"),
    ("Israeli aircraft bombed Hezbollah positions near Tyre overnight.", "Hezbollah"),
    ("The army shelled M23 positions near Rubaya on Wednesday.", "M23"),
    ("Al-Shabaab militants ambushed an AUSSOM convoy near Baidoa on Saturday.", "African Union"),
    ("US warships destroyed two Houthi drone boats in the Gulf of Aden on Monday.", "Houthis"),
    ("Ukrainian drones struck a Wagner base near Bamako on Friday.", "Wagner"),
]


@pytest.mark.parametrize("text,owner", OWNED_THINGS)
def test_a_thing_hit_is_done_to_the_body_it_belongs_to(headed_events, text, owner):
    e = first_event(headed_events(text), "ASSAULT")
    assert owner.lower() in _words(e.target), (e.target, e.target_text)


def test_a_states_positions_stay_that_sides_positions(headed_events):
    e = first_event(headed_events("Russian drones hit Ukrainian positions near Pokrovsk."), "ASSAULT")
    assert "positions" in _words(e.target), e.target


AGAIN_HIT = [
    ("Russian forces shelled Kherson overnight. On Tuesday morning drones struck the city again, "
     "wounding two people.", "Kherson"),
    ("The junta bombed Lashio on Sunday. On Monday its jets hit the city again, killing nine people.",
     "Lashio"),
    ("Israeli jets struck Nabatieh on Monday. Hours later drones hit the town again, killing two people.",
     "Nabatieh"),
]


@pytest.mark.parametrize("text,place", AGAIN_HIT)
def test_a_definite_place_noun_hit_is_the_place_named_before(headed_events, text, place):
    e = [x for x in headed_events(text) if x.type == "ASSAULT"][-1]
    assert e.target == place and e.target_text in ("city", "town"), (e.target, e.target_text)


# ---------------------------------------------------------------- places the gazetteer lacks

UNKNOWN_PLACES = [
    ("An airstrike killed four militants near Sakow on Tuesday.", "Sakow"),
    ("Bandits abducted 20 passengers outside Gidan Zaki on Friday.", "Gidan Zaki"),
    ("Soldiers arrested nine suspects in Bakassi Local Government Area on Monday.", "Bakassi"),
    ("Militants burned dozens of houses in Mbau on Sunday, residents said.", "Mbau"),
    ("Police detained 30 protesters in the Hamdallaye neighbourhood of Conakry.", "Hamdallaye"),
    ("Jihadists attacked a gendarmerie post near Kantchari on Wednesday.", "Kantchari"),
    ("Gang members set fire to homes in Solino on Thursday.", "Solino"),
    ("Militiamen killed 12 farmers near Mangu on Sunday.", "Mangu"),
    ("Troops shelled rebel positions around Kyaukme on Friday.", "Kyaukme"),
    ("Insurgents ambushed a patrol near Ngala on Thursday, killing three soldiers.", "Ngala"),
]


@pytest.mark.parametrize("text,place", UNKNOWN_PLACES)
def test_a_place_the_gazetteer_lacks_is_still_the_events_place(headed_events, text, place):
    e = first_event(headed_events(text), "ASSAULT", "COERCE")
    assert e.location == place, (e.location, e.location_scope)


def test_a_body_under_a_preposition_is_no_place(headed_events):
    found = headed_events("The minister spoke in Parliament on Monday and condemned the attack on the convoy.")
    assert all(e.location != "Parliament" for e in found), [(e.type, e.location) for e in found]


# ------------------------------------------ a district the gazetteer puts in another city than the one named

def _point(name, lat, lon):
    from types import SimpleNamespace
    return SimpleNamespace(name=name, lat=lat, lon=lon, country="UA", kind="city", admin1=None)


DISTRICT_ELSEWHERE = [
    ("Russian troops hit Kharkiv with bombs, in the Kyivskyi district a school was damaged.", "Kharkiv"),
    ("Drones struck Odesa at night, in the Kyivskyi district two cars were burned.", "Odesa"),
    ("Rockets hit Poltava on Monday, in the Kyivskyi district a shop was destroyed.", "Poltava"),
]
CITY_POINTS = {"Kharkiv": (49.99, 36.23), "Odesa": (46.48, 30.72), "Poltava": (49.59, 34.55)}


@pytest.mark.parametrize("text,city", DISTRICT_ELSEWHERE)
def test_a_district_placed_in_another_city_is_the_named_citys(nlp, text, city):
    """The gazetteer knows "Kyivskyi district" as Donetsk's; the sentence names another city of
    the country: the event is in that city, not 200 km away."""
    from types import SimpleNamespace

    from sitrep.events.roles import find_location
    doc = nlp(text)
    places = {}
    for t in doc:
        if t.text == city:
            places[t.i] = _point(city, *CITY_POINTS[city])
        elif t.text in ("Kyivskyi", "district"):
            places[t.i] = _point("Donetsk", 48.0, 37.8)
    an = SimpleNamespace(token_place=places, token_entity={}, notes={}, doc=doc)
    sent = next(iter(doc.sents))
    verb = next(t for t in sent if t.dep_ == "ROOT")
    found = find_location(sent, {verb.i}, set(), an)
    assert found is not None and found[0] == city, found


# --------------------------------------------- the rulers' forces are the state's forces, one party

RULERS_FORCES = [
    ("Junta soldiers burned dozens of houses in a village near Monywa in Myanmar on Sunday.", "Myanmar", "MM"),
    ("Junta troops shelled a monastery in Sagaing Region, Myanmar, on Friday, killing four monks.", "Myanmar", "MM"),
    ("Junta soldiers arrested three journalists in Bamako, Mali, on Tuesday.", "Mali", "ML"),
    ("Junta forces detained a trade unionist in Niamey, Niger, on Monday.", "Niger", "NE"),
    ("Junta soldiers killed 12 civilians near Djibo in Burkina Faso on Thursday, residents said.",
     "Burkina Faso", "BF"),
    ("Regime soldiers stormed a village near Mandalay in Myanmar on Wednesday.", "Myanmar", "MM"),
]


@pytest.mark.parametrize("text,state,country", RULERS_FORCES)
def test_the_rulers_forces_are_the_states_forces(headed_events, text, state, country):
    e = first_event(headed_events(text), "ASSAULT", "COERCE")
    assert (e.actor, e.actor_country, e.actor_sector) == (state, country, "military"), e.actor
    assert e.actor_text and e.actor_text.split()[0].lower() in ("junta", "regime"), e.actor_text


# ------------------------------------- fighters told by what they are, in what an armed group says

SAYERS_FIGHTERS = [
    ("Resistance forces overran an army camp near Bhamo on Friday, the Kachin Independence Army said.",
     "Kachin Independence Army"),
    ("Resistance fighters captured a hilltop base near Kalaymyo on Wednesday, the Arakan Army said.",
     "Arakan Army"),
    ("Fighters stormed an army post near Rutshuru on Sunday, the M23 said.", "M23"),
    ("Militants overran a military base near Bulo Marer on Saturday, al-Shabaab said.", "Shabaab"),
]


@pytest.mark.parametrize("text,group", SAYERS_FIGHTERS)
def test_fighters_in_what_an_armed_group_says_are_its_own(headed_events, text, group):
    e = first_event(headed_events(text), "ASSAULT", "COERCE")
    assert group.lower() in _words(e.actor), (e.actor, e.actor_text)


def test_rebel_forces_in_what_the_army_says_stay_rebels(headed_events):
    e = first_event(headed_events("Rebel forces stormed a police post near Djugu on Sunday, the army said."),
                    "ASSAULT")
    assert "rebel" in _words(e.actor) and e.actor_country is None, (e.actor, e.actor_country)

"""Entity and place repairs over the model: equipment, outlets, state bodies, named groups,
places the model calls persons, wire credit lines; and a floor on the held-out entity set.

Every sentence here was written for these tests.
"""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.entities import find_entities, institution_name
from sitrep.gazetteer import is_equipment, organization
from sitrep.places import find_places
from sitrep.record import Article

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout_entities"


@pytest.fixture
def ents(named):
    """ents(text) -> (person names, {org name: Entity}, {location name: Location})."""
    def run(text):
        an = named(text)
        return ({p.name for p in an.persons}, {o.name: o for o in an.organizations},
                {loc.name: loc for loc in an.locations})
    return run


# -- equipment --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Patriots", "HIMARS", "Iskander-M", "Grad rockets", "Katyusha",
                                  "Shahed-136 drones", "Storm Shadow", "Bayraktar TB2",
                                  "Leopard 2A6", "Iron Dome", "Telegram"])
def test_weapon_systems_and_platforms_are_equipment(name):
    assert is_equipment(name)


@pytest.mark.parametrize("name", ["Kiryat Shmona", "Shahed Ahmed", "Grady Smith", "Hezbollah",
                                  "Leopardi", ""])
def test_names_are_not_equipment(name):
    assert not is_equipment(name)


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_equipment_lookup_never_fails(text):
    assert is_equipment(text) in (True, False)
    assert institution_name(text) is None or isinstance(institution_name(text), str)


def test_weapons_are_never_persons_organizations_or_places(ents):
    persons, orgs, locs = ents(
        "Kyiv asked for more Patriots on Monday. Russia fired Iskander-M missiles and Shahed "
        "drones at Odesa, while Ukraine hit a depot with HIMARS. Hamas fired Katyusha rockets "
        "earlier, and the Iron Dome intercepted most of them, a statement on Telegram said.")
    words = {"Patriots", "Patriot", "Iskander-M", "Iskander", "Shahed", "HIMARS", "Katyusha",
             "Iron Dome", "Telegram"}
    assert not words & persons
    assert not words & set(orgs)
    assert not words & set(locs)
    assert "Odesa" in locs and "Hamas" in orgs


# -- outlets and metonyms ---------------------------------------------------------------------

def test_media_outlets_are_organizations_not_persons(ents):
    persons, orgs, _ = ents(
        "Al-Manar said the drone struck a car near Tyre. TASS and RIA Novosti quoted the "
        "governor, and Interfax said the bridge was closed. Ukrinform reported sirens in Sumy.")
    assert {"Al-Manar", "TASS", "RIA Novosti", "Interfax", "Ukrinform"} <= set(orgs)
    assert not {"Al-Manar", "TASS", "Interfax", "Ukrinform"} & persons
    assert orgs["Al-Manar"].country == "LB"


def test_the_kremlin_is_an_organization(ents):
    _, orgs, locs = ents("Kremlin spokesman Dmitry Peskov said the talks had stalled. "
                         "Later the Kremlin denied any contact with the envoy.")
    assert "Kremlin" in orgs and len(orgs["Kremlin"].mentions) == 2
    assert "Kremlin" not in locs


# -- state bodies -----------------------------------------------------------------------------

def test_a_country_s_ministry_takes_the_canonical_name(ents):
    _, orgs, locs = ents("Russia's defence ministry said its units had advanced. "
                         "Lebanon's health ministry said three people were killed.")
    mod = orgs["Russian Ministry of Defence"]
    assert "Russia's defence ministry" in mod.aliases and mod.country == "RU"
    assert "Lebanese Health Ministry" in orgs
    assert "Russia" in locs                    # the place is still a place


def test_an_institution_used_as_an_adjective_is_not_named(ents):
    _, orgs, _ = ents("Drones hit a Ukrainian army command post near the river. "
                      "Two former British army personnel were detained.")
    assert not any("Ukrainian" in name for name in orgs)
    assert any(name.lower() == "british army" for name in orgs)


def test_institution_name_canonical_forms():
    assert institution_name("Russia's defence ministry") == "Russian Ministry of Defence"
    assert institution_name("Lebanon's health ministry") == "Lebanese Health Ministry"
    assert institution_name("Russian military") is None       # stays as written
    assert institution_name("the village of Aitaroun") is None


def test_capitalised_state_bodies_without_an_owner_are_named_whole(ents):
    _, orgs, _ = ents("The General Staff of the Armed Forces said two posts were lost. "
                      "Later the Ministry of Water Resources and the Ministry of the Interior "
                      "issued a joint statement.")
    assert {"General Staff of the Armed Forces", "Ministry of Water Resources",
            "Ministry of the Interior"} <= set(orgs)
    assert "Armed Forces" not in orgs


def test_a_generic_body_word_at_a_sentence_start_names_nothing(ents):
    _, orgs, _ = ents("Army spokesman Ali Hassan said the road was open. "
                      "Military analysts doubted it. The Kachin Independence Army denied it.")
    assert "Army" not in orgs and "Military" not in orgs
    assert "Kachin Independence Army" in orgs


def test_dateline_and_media_nouns_mark_outlets(ents):
    persons, orgs, _ = ents("ADEN, March 3 (Gulf Wire) - Fighters seized a port, the rebels' "
                            "television channel Saba Vision said, citing the outlet Nabaa.")
    assert "Gulf Wire" in orgs
    assert "Nabaa" in orgs and "Nabaa" not in persons


def test_an_acronym_spells_out_its_organization(ents):
    _, orgs, locs = ents("Fighters of the Islamic State West Africa Province (ISWAP) attacked "
                         "the camp. The Borno Emergency Relief Agency (BERA) counted the dead.")
    assert "ISWAP" in orgs["Islamic State West Africa Province"].aliases
    assert "BERA" in orgs["Borno Emergency Relief Agency"].aliases
    assert "Africa" not in locs and "Islamic State" not in orgs


def test_a_dateline_outlet_named_like_a_place_is_no_place(ents):
    _, orgs, locs = ents("MAIDUGURI, June 30 (Lake Chad Dispatch) - Bombers struck a wedding "
                         "in Gwoza, officials said.")
    assert "Lake Chad Dispatch" in orgs
    assert not any(loc.country == "TD" for loc in locs.values())


def test_quoted_unit_names_are_organizations_whole(ents):
    _, orgs, locs = ents('Fighters of the so-called "Siberian Volunteer Battalion" and the '
                         '"Freedom of Ingria Legion" said they had crossed the border.')
    assert {"Siberian Volunteer Battalion", "Freedom of Ingria Legion"} <= set(orgs)


def test_a_ministry_of_a_named_country_takes_the_canonical_name(ents):
    _, orgs, _ = ents("The Ministry of Defense of the Russian Federation said units repelled "
                      "attacks. The APU did not comment.")
    assert "Ministry of Defense of the Russian Federation" in \
        orgs["Russian Ministry of Defence"].aliases
    assert "APU" in orgs["Armed Forces of Ukraine"].aliases


def test_places_with_particles_and_state_nouns(ents):
    persons, _, locs = ents("Fighters looted homes in the village of Wad al-Bakri in eastern "
                            "Gezira state, activists said.")
    assert "Wad al-Bakri" in locs and "Wad al-Bakri" not in persons
    assert "Gezira" in locs and "Gezira" not in persons


def test_an_untagged_name_before_a_media_noun_is_an_outlet(ents):
    _, orgs, _ = ents("The group claimed the attack in a statement carried by its Andalus "
                      "radio station. State television did not report it.")
    assert "Andalus" in orgs and "State" not in orgs


# -- named groups -----------------------------------------------------------------------------

def test_named_armed_groups_and_movements_are_organizations(ents):
    persons, orgs, _ = ents(
        "A spokesman for the Dnipro group of forces said the attack failed. Hezbollah said a "
        "commander of its Nasr force was killed. The 47th brigade held the line, and the "
        "march was called by the M62 movement. Russian forces advanced near Bakhmut.")
    assert {"Dnipro group of forces", "Nasr force", "47th brigade", "M62 movement"} <= set(orgs)
    assert "Nasr" not in persons
    assert not any(name.startswith("Russian") for name in orgs)


# -- places the model calls persons -----------------------------------------------------------

def test_places_after_place_words_are_locations_not_persons(ents):
    persons, orgs, locs = ents(
        "Shelling hit the village of Velykoselka and the town of Zarichnivka overnight. "
        "Residents of Velykoselka said two houses burned. Troops were sent from Kamiansko.")
    for name in ("Velykoselka", "Zarichnivka", "Kamiansko"):
        assert name in locs, sorted(locs)
        assert name not in persons and name not in orgs


def test_the_object_of_shelling_or_capture_is_a_place(ents):
    persons, orgs, locs = ents("Russian forces shelled Prymorske overnight and later captured "
                               "Novoselivka, the regional governor said.")
    for name in ("Prymorske", "Novoselivka"):
        assert name in locs and name not in persons and name not in orgs


def test_a_named_square_is_a_place_not_an_organization(ents):
    _, orgs, locs = ents("Protesters gathered on Place de la Nation and marched to the "
                         "parliament, organisers said.")
    assert "Place de la Nation" in locs and "Place de la Nation" not in orgs


def test_a_camp_named_before_its_noun_is_a_place(ents):
    persons, _, locs = ents("Fighters shelled the Zamzam displacement camp near El Fasher "
                            "on Sunday, killing nine people.")
    assert "Zamzam" in locs and "Zamzam" not in persons


def test_an_unknown_capitalised_word_opening_a_sentence_is_no_place(ents):
    _, _, locs = ents("Jihadists kill soldiers in Mali\n\nGunmen attacked an army post in the "
                      "Timbuktu region on Wednesday, military sources said.")
    assert "Gunmen" not in locs and "Jihadists" not in locs
    assert "Timbuktu" in locs


def test_a_transliteration_finds_the_gazetteer_place(ents):
    persons, _, locs = ents("Hezbollah fired rockets at Kiryat Shmona and Qiryat Gat in Israel "
                            "on Sunday, the army said.")
    shmona = next(loc for loc in locs.values() if "Kiryat Shmona" in (loc.name, *loc.aliases))
    assert shmona.country == "IL" and abs(shmona.lat - 33.2) < 0.3
    gat = next(loc for loc in locs.values() if "Qiryat Gat" in (loc.name, *loc.aliases))
    assert gat.name == "Kiryat Gat" and abs(gat.lat - 31.6) < 0.3      # geonames spelling
    assert "Kiryat Shmona" not in persons and "Qiryat Gat" not in persons


def test_no_fuzzy_guess_outside_the_article_s_countries(ents):
    _, _, locs = ents("Shelling hit the village of Qiryat Gat overnight.")
    assert all(loc.country in (None, "IL") for loc in locs.values())


def test_a_person_named_like_a_town_stays_a_person(ents):
    persons, _, _ = ents("Senator John Lincoln said the aid package would pass. "
                         "Lincoln told reporters the vote was close.")
    assert "John Lincoln" in persons


def test_a_country_owning_a_place_is_a_place(ents):
    persons, _, locs = ents("Gunmen attacked an army base in Burkina Faso's Djibo on Sunday.")
    assert "Burkina Faso" in locs and "Burkina Faso" not in persons


# -- persons ----------------------------------------------------------------------------------

def test_wire_credit_line_names_no_persons(ents):
    persons, _, _ = ents("Ukraine's president Volodymyr Zelensky thanked the allies.\n\n"
                         "(Reporting by Anna Petrenko in Kyiv; Editing by Mark Hollis)")
    assert "Volodymyr Zelensky" in persons
    assert not {"Anna Petrenko", "Mark Hollis"} & persons


def test_a_given_name_the_model_called_a_place_joins_the_person(ents):
    persons, _, locs = ents("The head of the regional administration Oleksandr Prokudin said "
                            "two people were wounded in Kherson.")
    assert "Oleksandr Prokudin" in persons and "Oleksandr" not in locs


def test_a_titled_name_the_model_called_an_organization_is_a_person(ents):
    persons, orgs, _ = ents("The offensive was led by General Sylvain Ekenge, the army said.")
    assert "Sylvain Ekenge" in persons
    assert not any("Ekenge" in name for name in orgs)


def test_a_name_split_at_a_particle_is_one_person(ents):
    persons, _, _ = ents("Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani spoke "
                         "by phone with the envoy on Friday.")
    assert "Mohammed bin Abdulrahman Al Thani" in persons
    assert "Al Thani" not in persons


def test_known_as_gives_an_alias_not_a_new_entity(ents):
    persons, orgs, _ = ents("The convoy was stopped by men loyal to Jimmy Cherizier, better "
                            "known as Barbecue. The Syrian Civil Defence, known as the White "
                            "Helmets, said. The head of the White Helmets spoke later.")
    assert "Barbecue" not in persons and "Barbecue" not in orgs
    assert "White Helmets" not in orgs
    assert "White Helmets" in orgs["Syrian Civil Defence"].aliases
    assert len(orgs["Syrian Civil Defence"].mentions) >= 2


def test_a_name_in_apposition_to_a_group_noun_is_an_organization(ents):
    persons, orgs, _ = ents("Viv Ansanm, a coalition of gangs, controls most of the capital. "
                            "Gunmen from the Gran Grif gang attacked the town.")
    assert "Viv Ansanm" in orgs and "Viv Ansanm" not in persons
    assert "Gran Grif" in orgs["Gran Grif gang"].aliases


def test_a_mission_in_a_country_keeps_the_country_in_its_name(ents):
    _, orgs, locs = ents("The African Union Transition Mission in Somalia said its troops "
                         "were not involved. The United States Africa Command (AFRICOM) "
                         "reported an airstrike near Jilib.")
    assert "African Union Transition Mission in Somalia" in orgs
    assert "AFRICOM" in orgs["United States Africa Command"].aliases
    assert "Africa" not in locs


def test_organization_table_lookups():
    assert organization("Al Manar").name == "Al-Manar"
    assert organization("RFI").name == "Radio France Internationale"
    assert organization("Dawn").ner_only


# -- held-out articles ------------------------------------------------------------------------

def test_heldout_entity_articles_stay_above_their_floor():
    """Five articles written before the mechanisms they measure (see the folder's README)."""
    from sitrep import evaluate as ev
    from sitrep.run.local import extract_many
    from sitrep.readers import read_inputs

    pred = ev.records_from(extract_many(read_inputs([HELDOUT / "articles"])))
    result = ev.score(ev.load_dir(HELDOUT / "gold"), pred)
    for field, floor in (("persons", 0.85), ("organizations", 0.75), ("locations", 0.85)):
        f1 = result["fields"][field]["f1"]
        assert f1 >= floor, f"held-out {field} F1 {f1:.3f} < {floor}"


# -- robustness -------------------------------------------------------------------------------

PIECES = ["(", ")", "-", ",", ".", "'s", "known as", "better known as the", "village of",
          "Russia's", "defence ministry", "Ministry of", "the", "General Staff", "brigade", "56th",
          "Patriots", "Mission in Somalia", "Al Thani", "bin", "Reporting by", "Kyiv", "near",
          "Oleksandr", "Prokudin", "gang", "outlet", "Az-Zallaqa", "Army", "of", "in", "Gran Grif",
          "said", "KYIV, May 21 (DWS) -", "Qiryat Gat", "Israel", "a coalition of", "\n\n"]


@given(st.lists(st.sampled_from(PIECES), max_size=25))
@settings(max_examples=60, deadline=None)
def test_entity_stages_survive_any_arrangement_of_their_cues(nlp, pieces):
    text = " ".join(pieces)
    article = Article(id="t", text=text)
    cleaned = clean(text)
    an = Analysis(article=article, clean=cleaned, doc=nlp(cleaned.text), dates=None)
    an.locations = find_places(an)
    persons, orgs = find_entities(an)
    for ent in [*persons, *orgs, *an.locations]:
        assert ent.name.strip()
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text

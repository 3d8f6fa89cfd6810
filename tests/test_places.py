"""Places: gazetteer recognition, spellings, context resolution, evidence offsets."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep import gazetteer
from sitrep.places import find_places


@pytest.fixture
def places(parsed):
    """places(text) -> (locations, analysis): only the places stage, on a fresh parse."""
    def run(text):
        an = parsed(text)
        return find_places(an), an
    return run


def by_name(locations):
    return {loc.name: loc for loc in locations}


def test_places_the_small_model_mislabels_are_recovered(places):
    locs, _ = places("Shelling hit Kherson and Mariupol overnight, while talks went on in Yerevan.")
    found = by_name(locs)
    assert {"Kherson", "Mariupol", "Yerevan"} <= set(found)
    assert found["Yerevan"].country == "AM"
    assert found["Kherson"].country == "UA"


def test_spellings_merge_into_one_canonical_place(places):
    locs, _ = places("Missiles struck Kiev on Monday. Residents of Kyiv and kyiv suburbs hid. "
                     "Zaporizhia and Lugansk were also hit.")
    found = by_name(locs)
    assert [loc.name for loc in locs].count("Kyiv") == 1
    assert {"Kiev", "kyiv"} <= set(found["Kyiv"].aliases)
    assert len(found["Kyiv"].mentions) == 3
    assert "Zaporizhzhia" in found and "Luhansk" in found
    assert abs(found["Zaporizhzhia"].lat - 47.84) < 0.5 and abs(found["Zaporizhzhia"].lon - 35.14) < 0.5


def test_ambiguous_name_follows_the_article_context(places):
    ua, _ = places("Ukrainian forces said Donetsk was shelled again, near Kramatorsk.")
    assert by_name(ua)["Donetsk"].country == "UA"
    tx, _ = places("A tornado hit Paris, Texas, on Sunday; Dallas sent crews.")
    assert by_name(tx)["Paris"].country == "US"
    fr, _ = places("The summit in Paris ended; the US delegation flew home.")
    assert by_name(fr)["Paris"].country == "FR"


def test_region_form_joins_the_city_of_the_same_name(places):
    locs, an = places("Fighting raged in the Donetsk region. Later Donetsk itself was hit.")
    donetsk = [loc for loc in locs if loc.name == "Donetsk"]
    assert len(donetsk) == 1
    assert "Donetsk region" in donetsk[0].aliases
    assert donetsk[0].admin1 == "Donetsk Oblast"


def test_demonyms_and_the_west_are_not_places(places):
    locs, _ = places("Ukrainian and Russian officials accused the West of escalation.")
    assert locs == []
    assert gazetteer.demonym_country("Ukrainians") == "UA"
    assert gazetteer.demonym_country("Russian") == "RU"


def test_place_inside_an_organization_name_is_not_a_place(places):
    locs, _ = places("The Donetsk People's Republic said its troops advanced; the Kyiv Independent "
                     "reported losses.")
    assert "Donetsk" not in by_name(locs) and "Kyiv" not in by_name(locs)


def test_common_words_that_are_city_names_stay_words(places):
    locs, _ = places("It was a nice day and reading the mobile news was easy.")
    assert locs == []


def test_every_token_of_a_mention_points_to_its_location(places):
    text = "Troops left the Azovstal steelworks in Mariupol."
    locs, an = places(text)
    azovstal = by_name(locs)["Azovstal"]
    tokens = [i for i, loc in an.token_place.items() if loc is azovstal]
    assert [an.doc[i].text for i in sorted(tokens)] == ["Azovstal", "steelworks"]


def test_evidence_offsets_point_into_the_original_text(places):
    text = "Kiev  said Kharkov was calm.\n\nLater Odessa's port reopened, and Kharkiv too."
    locs, an = places(text)
    assert {"Kyiv", "Kharkiv", "Odesa"} <= set(by_name(locs))
    for loc in locs:
        for m in loc.mentions:
            assert text[m.start:m.end] == m.text
            assert m.text in m.sentence and text[m.sent_start:m.sent_end] == m.sentence


def test_geocode_and_lookup_api():
    loc = gazetteer.geocode("Zaporozhye")
    assert (loc.name, loc.country) == ("Zaporizhzhia", "UA")
    assert gazetteer.geocode("Donetsk", ["RU"]).country == "UA"   # the table's Donetsk outweighs
    assert gazetteer.geocode("no such place xyz") is None
    assert gazetteer.lookup_alias("US").name == "United States"
    assert gazetteer.country_name("UA") == "Ukraine"
    assert gazetteer.country_code("Ukraine's") == "UA"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(places, text):
    locs, an = places(text)
    for loc in locs:
        for m in loc.mentions:
            assert text[m.start:m.end] == m.text


def test_names_used_as_compound_modifiers_are_not_places(places):
    locs, _ = places("Moscow-backed separatists and US-led forces clashed near Kharkiv.")
    assert [loc.name for loc in locs] == ["Kharkiv"]


def test_conflict_table_rows_are_well_formed():
    gaz = gazetteer.get_gazetteer()
    assert len(gaz.table) > 200
    for place in gaz.table:
        assert place.kind in ("country", "admin1", "city", "region", "facility"), place
        assert place.country is None or place.country in gaz.country_names, place
        assert place.lat is not None and -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place
        # the table's own spellings resolve back to the row
        for form in gaz.table_names[place.name]:
            assert place in gaz.candidates(form), (form, place.name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_lookups_accept_any_string(text):
    gazetteer.geocode(text, ["UA"])
    gazetteer.lookup_alias(text)
    gazetteer.demonym_country(text)
    gazetteer.country_code(text)
    gazetteer.organization(text)

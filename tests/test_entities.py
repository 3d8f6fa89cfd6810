"""Entities: canonical names, aliases, titles into roles, transliterations, organizations."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.entities import canonical_spelling, same_given_name, same_surname


@pytest.fixture
def ents(named):
    """ents(text) -> (persons, organizations, locations, analysis): places then entities only."""
    def run(text):
        an = named(text)
        return an.persons, an.organizations, an.locations, an
    return run


def person(persons, name):
    matches = [p for p in persons if p.name == name]
    assert len(matches) == 1, [p.name for p in persons]
    return matches[0]


def test_short_forms_link_to_the_full_name(ents):
    persons, *_ = ents("Russian Defence Minister Sergei Shoigu said the troops were ready. "
                       "Mr Shoigu added that more would come. Shoigu did not say when.")
    shoigu = person(persons, "Sergei Shoigu")
    assert {"Shoigu", "Mr Shoigu"} <= set(shoigu.aliases)
    assert len(shoigu.mentions) == 3
    assert [p.name for p in persons] == ["Sergei Shoigu"]


def test_title_is_stripped_into_role_and_demonym_gives_country(ents):
    persons, *_ = ents("Ukrainian Foreign Minister Dmytro Kuleba met the press. "
                       "President Vladimir Putin spoke later.")
    kuleba = person(persons, "Dmytro Kuleba")
    assert kuleba.role == "Foreign Minister" and kuleba.country == "UA"
    putin = person(persons, "Vladimir Putin")
    assert putin.role == "President"


def test_transliteration_variants_merge_but_different_people_do_not(ents):
    persons, *_ = ents("Dmitri Medvedev wrote on Telegram. Later Dmitry Medvedev repeated it. "
                       "Vladimir Putin and Volodymyr Zelensky did not comment.")
    names = [p.name for p in persons]
    assert sum(n.endswith("Medvedev") for n in names) == 1
    assert "Vladimir Putin" in names and "Volodymyr Zelensky" in names
    assert not same_given_name("Vladimir", "Volodymyr")
    assert same_given_name("Sergey", "Sergei") and same_surname("Zelenskyy", "Zelensky")


def test_possessives_are_stripped(ents):
    persons, *_ = ents("Vladimir Putin's decree surprised many. Putin's aides were silent.")
    putin = person(persons, "Vladimir Putin")
    assert all("'s" not in a for a in putin.aliases)
    assert "Putin" in putin.aliases


def test_mislabelled_places_are_not_persons(ents):
    persons, orgs, locs, _ = ents("Shelling hit Kherson and Mariupol while Yerevan hosted talks.")
    names = {p.name for p in persons} | {o.name for o in orgs}
    assert not names & {"Kherson", "Mariupol", "Yerevan"}
    assert {"Kherson", "Mariupol", "Yerevan"} <= {loc.name for loc in locs}


def test_organization_acronyms_merge_with_their_full_names(ents):
    _, orgs, *_ = ents("The International Atomic Energy Agency (IAEA) sent inspectors. The IAEA "
                       "said NATO and the Donetsk People's Republic were told. The DPR refused.")
    names = {o.name: o for o in orgs}
    assert "IAEA" in names["International Atomic Energy Agency"].aliases
    assert "DPR" in names["Donetsk People's Republic"].aliases
    assert names["Donetsk People's Republic"].country == "UA"
    assert "NATO" in names
    assert "IAEA" not in names and "DPR" not in names


def test_article_defined_acronym_merges(ents):
    _, orgs, *_ = ents("The Committee for Coastal Defence Works (CCDW) met on Friday. "
                       "CCDW members voted.")
    merged = [o for o in orgs if "CCDW" in o.aliases]
    assert len(merged) == 1 and merged[0].name == "Committee for Coastal Defence Works"


def test_every_name_token_maps_to_its_entity_and_offsets_are_original(ents):
    text = "Officials said  Antony Blinken arrived.\n\nMr Blinken's visit was short."
    persons, _, _, an = ents(text)
    blinken = person(persons, "Antony Blinken")
    tokens = sorted(i for i, e in an.token_entity.items() if e is blinken)
    assert [an.doc[i].text for i in tokens] == ["Antony", "Blinken", "Blinken"]
    for m in blinken.mentions:
        assert text[m.start:m.end] == m.text and text[m.sent_start:m.sent_end] == m.sentence


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(ents, text):
    persons, orgs, _, _ = ents(text)
    for e in persons + orgs:
        assert e.name.strip()
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_hyphenated_titles_and_names_the_model_cuts_short(ents):
    persons, orgs, *_ = ents("UN Secretary-General Antonio Guterres called for a ceasefire. "
                             "Defence Minister Rustem Umerov flew to Brussels.")
    guterres = person(persons, "Antonio Guterres")
    assert guterres.role == "Secretary-General"
    assert person(persons, "Rustem Umerov").role == "Defence Minister"
    assert not any(p.name in ("Prime Minister", "General", "Secretary") for p in persons)


def test_known_organizations_are_found_and_carry_their_country(ents):
    _, orgs, *_ = ents("The Verkhovna Rada voted on Tuesday, TASS and Newsweek reported.")
    names = {o.name: o for o in orgs}
    assert names["Verkhovna Rada"].country == "UA"
    assert {"TASS", "Newsweek"} <= set(names)


def test_persons_named_after_surnames_only_stay_separate_from_given_names(ents):
    persons, *_ = ents("Dmitri, a 45-year-old engineer, fled. Dmitry Medvedev praised the decree.")
    names = [p.name for p in persons]
    assert "Dmitry Medvedev" in names
    assert not any("Dmitri" in p.aliases for p in persons if p.name == "Dmitry Medvedev")


def test_country_comes_from_a_demonym_a_word_or_two_before_the_title(ents):
    persons, *_ = ents("Russian opposition leader Alexei Navalny was jailed. "
                       "US President Joe Biden condemned it.")
    assert person(persons, "Alexei Navalny").country == "RU"
    assert person(persons, "Joe Biden").country == "US"


def test_demonym_plus_state_institution_is_an_organization(ents):
    _, orgs, *_ = ents("Former British army personnel joined. The British Army denied it. "
                       "Russian forces advanced, the Russian military said.")
    names = {o.name: o for o in orgs}
    assert names["British Army"].country == "GB" and "British army" in names["British Army"].aliases
    assert "Russian military" not in names     # "the military" describes, it names no body
    assert not any("forces" in n for n in names)      # a group of people, not an organization


def test_a_name_keeps_the_spelling_the_article_introduces(ents):
    persons, _, _, _ = ents("Former president Dmitri Medvedev wrote on Telegram. Medvedev added "
                            "that talks were over.")
    p = person(persons, "Dmitri Medvedev")
    assert "Medvedev" in p.aliases
    assert canonical_spelling(p.name) == "Dmitry Medvedev"       # the store's linking key

"""Counts: numbers with qualifiers, categorised by noun and verb; ages, years, dates are not counts."""
import pytest

from sitrep.counts import find_counts
from sitrep.numbers import parse_digits
from sitrep.record import COUNT_CATEGORIES


@pytest.fixture
def counts(parsed):
    """counts(text, cleaned=True) -> (counts, analysis) from the stage alone."""
    def run(text, cleaned=True):
        an = parsed(text, cleaned)
        return find_counts(an), an
    return run


def pairs(found):
    return [(c.value, c.category) for c in found]


def test_wire_report_numbers(counts):
    found, _ = counts("Nine missiles fell on the city, killing six people. At least 1,332 "
                      "people were arrested at the protests.")
    assert pairs(found) == [(9, "weapons"), (6, "killed"), (1332, "arrested")]
    arrested = found[2]
    assert arrested.approximate and arrested.qualifier == "at least"
    assert "people" in arrested.what and "arrest" in arrested.what
    assert not found[0].approximate and found[0].qualifier is None


def test_death_words(counts):
    found, _ = counts("One person was reported dead in air strikes on Dnipro. The strike "
                      "caused at least one death. The death toll rose to 12.")
    assert pairs(found) == [(1, "killed"), (1, "killed"), (12, "killed")]


def test_verb_decides_for_generic_nouns(counts):
    found, _ = counts("Nearly 10,000 people had volunteered. About 200 civilians were "
                      "evacuated from the city. Two of the soldiers were wounded. 2 million people fled.")
    assert pairs(found) == [(10000, "volunteers"), (200, "displaced"), (2, "wounded"),
                            (2000000, "displaced")]
    assert found[0].approximate and found[0].qualifier == "nearly"


def test_active_subject_of_killing_is_not_killed(counts):
    found, _ = counts("Five soldiers killed two civilians near the village.")
    assert pairs(found) == [(5, "troops"), (2, "killed")]


def test_nouns_decide_their_category(counts):
    found, _ = counts("Moscow confirmed 55 prisoners of war were exchanged for the release "
                      "of 215 Ukrainians. More than 300,000 reservists will be called up. Kyiv "
                      "counted 16,000 volunteers and 2.5 million refugees.")
    assert pairs(found) == [(55, "prisoners"), (215, "prisoners"), (300000, "troops"),
                            (16000, "volunteers"), (2500000, "displaced")]


def test_european_number_forms_cleaned_or_not(counts):
    text = "Shoigu spoke of 16 000 volunteers, and refugees now totalling 2,5 million."
    for cleaned in (True, False):
        found, _ = counts(text, cleaned=cleaned)
        assert pairs(found) == [(16000, "volunteers"), (2500000, "displaced")], cleaned


def test_ages_years_dates_times_money_are_not_counts(counts):
    found, _ = counts("The man, aged 45, was 45 years old in 2022. A 45-year-old woman "
                      "left on September 27 at 10:05. Prices rose 20 percent to $5 million. "
                      "They cited Articles 3 and 4 of Resolution 2231. One of the soldiers left. "
                      "The talks lasted 24 hours.")
    assert found == []


def test_vague_amounts_are_skipped(counts):
    found, _ = counts("Thousands of reservists and hundreds of soldiers left. Dozens of "
                      "people were hurt.")
    assert found == []


def test_other_counted_nouns(counts):
    found, _ = counts("Russia will hold votes in four Ukrainian regions.")
    assert pairs(found) == [(4, "other")]


def test_token_count_and_evidence_point_into_the_original(counts):
    text = "Rockets killed 16 000 people, officials said."
    found, an = counts(text)
    assert pairs(found) == [(16000, "killed")]
    c = found[0]
    assert text[c.start:c.end] == c.evidence and "16 000" in c.evidence
    counted = [an.doc[i].text for i, v in an.token_count.items() if v is c]
    assert counted and all(any(ch.isdigit() for ch in t) for t in counted)


def test_categories_are_the_contract_categories(counts):
    found, _ = counts("Two drones, three tanks, 40 bodies, 12 detainees, 7 civilians and "
                      "5 volunteers were counted, and 30 people were detained.")
    assert found and all(c.category in COUNT_CATEGORIES for c in found)
    assert (12, "detained") in pairs(found) and (30, "detained") in pairs(found)
    assert (40, "killed") in pairs(found) and (3, "weapons") in pairs(found)


@pytest.mark.parametrize("text,value", [("1,332", 1332), ("2,5", 2.5), ("16.000", 16000),
                                        ("2.5", 2.5), ("16\u00a0000", 16000), ("x", None)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


def test_category_carries_into_including_lists_and_misparsed_clauses(counts):
    found, _ = counts("The strike killed 20 people, including five children.")
    assert pairs(found) == [(20, "killed"), (5, "killed")]
    found, _ = counts("Gunmen attacked the camp on Sunday, killing at least 40 soldiers and "
                      "civilians, security sources and residents told reporters.")
    assert (40, "killed") in pairs(found)


def test_losing_people_is_losing_lives_but_losing_towns_is_not(counts):
    found, _ = counts("The brigade lost 19 soldiers in the strike. The junta lost 35 towns.")
    assert pairs(found) == [(19, "killed"), (35, "other")]


def test_a_dozen_is_twelve_but_several_dozen_is_vague(counts):
    found, _ = counts("A dozen drones were shot down. Air strikes hit several dozen fighters.")
    assert pairs(found) == [(12, "weapons")]
    assert found[0].approximate


def test_hyphenated_and_british_word_numbers_are_one_count(counts):
    found, _ = counts("The strike killed twenty-one civilians. Two hundred and fifty troops "
                      "arrived on Monday.")
    assert pairs(found) == [(21, "killed"), (250, "troops")]


def test_vague_quantities_never_become_fatalities(analyse):
    an = analyse("Title\n\nThe army said its strike killed dozens of fighters near Djibo.",
                 published="2024-06-12")
    assert all(e.fatalities is None for e in an.events)

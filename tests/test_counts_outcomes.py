"""What happened to the counted people decides the category: fallen soldiers are killed, people
"shot dead" are killed (the outcome, not the weapon), detained staff are detained; numbers of
delegations, sides and positions count nothing of the schema. Sentences written for these
tests, from different wars."""
import pytest

from sitrep.counts import find_counts


@pytest.fixture
def counts(parsed):
    def run(text):
        return [(c.value, c.category) for c in find_counts(parsed(text))]
    return run


@pytest.mark.parametrize("text,expected", [
    ("Seven soldiers have fallen with weapons in hand near Pokrovsk, the brigade said.", [(7, "killed")]),
    ("Three Malian soldiers fell in the ambush near Gao on Sunday.", [(3, "killed")]),
    ("Twelve fighters of the movement fell in the battle for Lashio.", [(12, "killed")]),
    ("Four Somali troops fell defending the base at El Baraf.", [(4, "killed")]),
    ("Nine Sudanese soldiers fell during the defence of the El Obeid garrison.", [(9, "killed")]),
    ("Two men were shot dead at a checkpoint near Jenin.", [(2, "killed")]),
    ("Four farmers were shot dead by gunmen in Zamfara state.", [(4, "killed")]),
    ("Gunmen shot dead five worshippers outside a church in Ituri.", [(5, "killed")]),
    ("Militants shot dead three teachers in the Lower Shabelle region.", [(3, "killed")]),
    ("Six protesters were shot dead by security forces in Mandalay.", [(6, "killed")]),
    ("Three civilians were shot dead in Deir ez-Zor on Friday.", [(3, "killed")]),
    ("Two policemen were shot and wounded in Kaduna.", [(2, "wounded")]),
])
def test_the_outcome_decides_killed(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Houthi rebels detained 23 UN staff in Sanaa.", [(23, "detained")]),
    ("The junta detained 14 staff of a local aid group in Sittwe.", [(14, "detained")]),
    ("Eleven staff of the hospital were detained by RSF fighters in Omdurman.", [(11, "detained")]),
    ("Security forces in Tigray detained nine staffers of the relief agency.", [(9, "detained")]),
    ("Police arrested 40 staff of the opposition newspaper in Addis Ababa.", [(40, "arrested")]),
    ("Fighters abducted six contractors working on the road near Beni.", [(6, "detained")]),
    ("Gunmen kidnapped 15 pupils from a school in Katsina.", [(15, "detained")]),
    ("Al-Shabaab seized two peacekeepers near Baidoa.", [(2, "detained")]),
    ("Twenty herders were abducted by bandits in Niger state.", [(20, "detained")]),
    ("Israeli forces detained five humanitarians at the Kerem Shalom crossing.", [(5, "detained")]),
])
def test_detained_people_of_any_calling_are_detained(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "Two delegations met in Jeddah on Sunday to discuss a truce in Sudan.",
    "The army captured five hilltop positions near Kidal.",
    "The two sides exchanged fire along the Blue Line overnight.",
    "Both delegations left Doha without an agreement on Gaza.",
    "Rebels overran three army positions in North Kivu.",
    "The three sides signed the document in Addis Ababa.",
    "Houthi fighters shelled four government positions near Taiz.",
    "Three delegations from Kyiv arrived in Istanbul.",
    "The two sides agreed to a ceasefire in Tigray.",
    "Troops abandoned six positions on the Mogadishu road.",
])
def test_delegations_sides_and_positions_are_no_counts(counts, text):
    assert counts(text) == []

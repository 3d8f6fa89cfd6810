"""What happened to the counted people decides the category: fallen soldiers are killed, people
"shot dead" are killed (the outcome, not the weapon), detained staff are detained; numbers of
delegations, sides and positions count nothing of the schema. Sentences written for these
tests, from different wars."""
import pytest


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
def test_the_outcome_decides_killed(counted, text, expected):
    assert counted(text) == expected


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
def test_detained_people_of_any_calling_are_detained(counted, text, expected):
    assert counted(text) == expected


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
def test_delegations_sides_and_positions_are_no_counts(counted, text):
    assert counted(text) == []


@pytest.mark.parametrize("text", [
    "The 22 crew were evacuated from the burning tanker off Hodeidah.",
    "Navy boats evacuated 18 crew members from the cargo ship near Aden.",
    "Rescuers evacuated 40 passengers from the stranded ferry on Lake Kivu.",
    "The embassy evacuated 30 staff from Khartoum by road.",
    "Fourteen aid workers were evacuated from El Geneina after the looting.",
    "The UN evacuated 120 employees from Port Sudan.",
    "The 25 sailors were evacuated by helicopter from the damaged frigate.",
    "Twelve diplomats were evacuated from the embassy in Niamey.",
    "The company evacuated 60 workers from the gold mine near Bamako.",
    "Troops evacuated nine staffers of the radio station in Mogadishu.",
])
def test_an_evacuated_crew_or_staff_is_no_displacement(counted, text):
    assert [c for c in counted(text) if c[1] == "displaced"] == []


@pytest.mark.parametrize("text,expected", [
    ("Authorities evacuated 234 families from the front-line villages near Kupiansk.", [(234, "displaced")]),
    ("More than 3,000 residents were evacuated from Rafah.", [(3000, "displaced")]),
])
def test_evacuated_residents_are_still_displaced(counted, text, expected):
    assert counted(text) == expected

"""Reporting phrases and participles: "X pointed out / made clear / went on to say that …", "X is
reported to have said …" (data/reporting_verbs.yaml `phrasal`, `raising`), and a participle that
reports a second statement ("X said A, adding that B": two statements of X). Sentences written for
these tests, from different wars."""
import pytest

from support import check


# -- class 1: a reporting phrase or a verb before "to say" ---------------------------------------

PHRASES = [
    ("Sudanese army chief Abdel Fattah al-Burhan pointed out that the militia had lost most of Khartoum.",
     [["Abdel Fattah al-Burhan", "militia had lost"]]),
    ("Hezbollah leader Naim Qassem made clear that the group would not disarm south of the Litani.",
     [["Naim Qassem", "would not disarm"]]),
    ("Ukrainian President Volodymyr Zelensky went on to say that Russia was preparing a new offensive.",
     [["Volodymyr Zelensky", "preparing a new offensive"]]),
    ("Antonio Guterres is reported to have said that the attack on the UN base was a war crime.",
     [["Antonio Guterres", "attack on the UN base"]]),
    ("Nigerian army spokesman Onyema Nwachukwu pointed out that 30 bandits had surrendered in Zamfara.",
     [["Onyema Nwachukwu", "30 bandits had surrendered"]]),
    ("Kenyan President William Ruto made it clear that Kenyan police would stay in Haiti.",
     [["William Ruto", "police would stay in Haiti"]]),
    ("Syrian President Ahmed al-Sharaa spelled out that foreign fighters would not join the new army.",
     [["Ahmed al-Sharaa", "foreign fighters would not join"]]),
    ("Burkina Faso's leader Ibrahim Traore continued to say that the jihadists were being pushed back.",
     [["Ibrahim Traore", "jihadists were being pushed back"]]),
    ("Colombian President Gustavo Petro went on to say the ELN had betrayed the peace process.",
     [["Gustavo Petro", "ELN had betrayed"]]),
    ("UN envoy Volker Perthes pointed out that both sides had broken the truce in Khartoum.",
     [["Volker Perthes", "both sides had broken"]]),
    ("Israeli Defence Minister Israel Katz made clear that the troops would remain in southern Lebanon.",
     [["Israel Katz", "troops would remain"]]),
]


@pytest.mark.parametrize("body,expected", PHRASES)
def test_a_reporting_phrase_attributes_indirect_speech(quotes_of, body, expected):
    check(quotes_of(body), expected)


@pytest.mark.parametrize("body", [
    # the same verbs without speech: no quote
    "Sudanese army chief Abdel Fattah al-Burhan pointed out the positions on a map.",
    "Volodymyr Zelensky went on to visit the front near Pokrovsk.",
    "Naim Qassem made clear progress in rebuilding the group's command.",
])
def test_the_phrase_verbs_without_a_reported_clause_report_nothing(quotes_of, body):
    assert quotes_of(body) == []


# -- class 2: "…, adding that …": a second statement of the same speaker ------------------------

PARTICIPLES = [
    ("UN envoy Hans Grundberg said the truce in Yemen was holding, adding that prisoner exchanges would resume.",
     [["Hans Grundberg", "truce in Yemen was holding"], ["Hans Grundberg", "prisoner exchanges would resume"]]),
    ("Abiy Ahmed insisted Ethiopia had no plans to invade Eritrea, noting that access to the sea would be sought peacefully.",
     [["Abiy Ahmed", "no plans to invade"], ["Abiy Ahmed", "access to the sea"]]),
    ("Volodymyr Zelensky said Russian troops had been halted near Pokrovsk, stressing that more air defence was needed.",
     [["Volodymyr Zelensky", "halted near Pokrovsk"], ["Volodymyr Zelensky", "more air defence was needed"]]),
    ("Colombian Defence Minister Pedro Sanchez told reporters that 80 soldiers had been sent to Catatumbo, adding that the ELN was recruiting children.",
     [["Pedro Sanchez", "80 soldiers had been sent"], ["Pedro Sanchez", "ELN was recruiting children"]]),
    ("Lebanese Prime Minister Najib Mikati said the army was ready to deploy, warning that Israel must withdraw first.",
     [["Najib Mikati", "army was ready to deploy"], ["Najib Mikati", "Israel must withdraw first"]]),
    ("Kyaw Zaw, a spokesman for the National Unity Government, said the junta had bombed a school, adding that 12 children were killed.",
     [["Kyaw Zaw", "junta had bombed a school"], ["Kyaw Zaw", "12 children were killed"]]),
    ("Sudanese army spokesman Nabil Abdallah said the army had repelled an attack on El Fasher, claiming that the militia had lost 200 fighters.",
     [["Nabil Abdallah", "repelled an attack"], ["Nabil Abdallah", "militia had lost 200 fighters"]]),
    ("DR Congo's foreign minister Therese Kayikwamba Wagner said Rwanda had sent troops to Goma, noting that the M23 could not act alone.",
     [["Therese Kayikwamba Wagner", "Rwanda had sent troops"], ["Therese Kayikwamba Wagner", "M23 could not act alone"]]),
    ("Yemen's Houthi spokesman Yahya Saree said the group had fired two missiles at Eilat, adding that the attacks would continue.",
     [["Yahya Saree", "fired two missiles"], ["Yahya Saree", "attacks would continue"]]),
    ("Ethiopian army spokesman Getnet Adane said the Fano militia had been driven from Gondar, "
     "adding that roads to Bahir Dar were open.",
     [["Getnet Adane", "driven from Gondar"], ["Getnet Adane", "roads to Bahir Dar were open"]]),
    ("Myanmar junta spokesman Zaw Min Tun said the army had retaken Lashio, noting that "
     "ceasefire talks with the rebels would continue.",
     [["Zaw Min Tun", "army had retaken Lashio"], ["Zaw Min Tun", "ceasefire talks"]]),
]


@pytest.mark.parametrize("body,expected", PARTICIPLES)
def test_a_reporting_participle_is_a_second_statement(quotes_of, body, expected):
    check(quotes_of(body), expected)

"""A reported clause that is mostly the speaker's own quoted words, then "and (that) …": the quoted
words are a direct quote and the clause after them the indirect statement (two statements); a
clause with only a few quoted words stays one statement. Sentences written for these tests, from
different wars."""
import pytest


@pytest.fixture
def quotes_of(analyse):
    def run(body):
        an = analyse("Report\n\n" + body, published="2024-05-02")
        return [(q.speaker, q.text, q.direct) for q in an.quotes]
    return run


@pytest.mark.parametrize("body,expected", [
    ("Sudanese army spokesman Nabil Abdallah told a news conference there had been “heavy losses among the rebels” and that 40 fighters had been captured near Sennar.",
     [["Nabil Abdallah", "heavy losses"], ["Nabil Abdallah", "40 fighters had been captured"]]),
    ("Volodymyr Zelensky said Russia had launched “a massive attack on our energy system” and that two power plants in Kharkiv were damaged.",
     [["Volodymyr Zelensky", "massive attack on our energy"], ["Volodymyr Zelensky", "two power plants in Kharkiv"]]),
    ("Gustavo Petro said it was “a crime against the peace process” and that the army would pursue the ELN in Catatumbo.",
     [["Gustavo Petro", "crime against the peace process"], ["Gustavo Petro", "army would pursue the ELN"]]),
    ("Lebanese Health Minister Firass Abiad said there were “dozens of wounded in every hospital of the south” and 12 paramedics had been killed.",
     [["Firass Abiad", "dozens of wounded"], ["Firass Abiad", "12 paramedics had been killed"]]),
    ("Abiy Ahmed told parliament there would be “no war with Eritrea over the sea” and that Ethiopia would seek access through talks.",
     [["Abiy Ahmed", "no war with Eritrea"], ["Abiy Ahmed", "Ethiopia would seek access"]]),
    ("Hemedti said his fighters had taken “full control of the city of Wad Madani” and that the army had fled south.",
     [["Hemedti", "full control of the city"], ["Hemedti", "army had fled south"]]),
    ("Felix Tshisekedi said it was “an open aggression by Rwanda” and that Kinshasa would not negotiate with the M23.",
     [["Felix Tshisekedi", "open aggression by Rwanda"], ["Felix Tshisekedi", "would not negotiate"]]),
    ("Myanmar junta spokesman Zaw Min Tun said there had been “heavy fighting around Lashio all week” and that the army had lost two outposts.",
     [["Zaw Min Tun", "heavy fighting around Lashio"], ["Zaw Min Tun", "army had lost two outposts"]]),
    ("Israeli Defence Minister Israel Katz said it was “the beginning of the end for Hamas” and that troops would enter Rafah.",
     [["Israel Katz", "beginning of the end"], ["Israel Katz", "troops would enter Rafah"]]),
    ("Nigerian army spokesman Onyema Nwachukwu said there had been “a major breakthrough in Sambisa forest” and 30 hostages were freed.",
     [["Onyema Nwachukwu", "major breakthrough"], ["Onyema Nwachukwu", "30 hostages were freed"]]),
]
)
def test_quoted_words_then_and_that_are_two_statements(quotes_of, body, expected):
    found = quotes_of(body)
    assert len(found) == 2, found
    (s1, t1, d1), (s2, t2, d2) = found
    assert (s1, s2) == (expected[0][0], expected[1][0]) and d1 and not d2, found
    assert expected[0][1] in t1 and expected[1][1] in t2 and expected[1][1] not in t1, found


@pytest.mark.parametrize("body,expected", [
    ("Ethiopian Prime Minister Abiy Ahmed said the talks in Pretoria had been “very constructive” and that a deal with the TPLF was close.",
     [["Abiy Ahmed", "deal with the TPLF was close"]]),
    ("Naim Qassem said the group had suffered “painful blows” in the south but that it would rebuild its forces.",
     [["Naim Qassem", "would rebuild its forces"]]),
])
def test_a_clause_with_a_few_quoted_words_stays_one_statement(quotes_of, body, expected):
    found = quotes_of(body)
    assert len(found) == 1 and found[0][0] == expected[0][0] and expected[0][1] in found[0][1], found

"""A quote reopened after its attribution and left open to the paragraph's end runs on into the
next paragraph (`"…," X wrote. "Each of them …` ¶ `"…"`), and a capitalised office with its
holder named after the place ("the UN Resident Coordinator in Mozambique, Catherine Sozi") is the
holder. Paragraphs written for these tests, from different wars."""
import pytest

from support import check


@pytest.mark.parametrize("title,name,verb", [
    ("President", "Volodymyr Zelensky", "wrote on X"),
    ("Sudan's army chief", "Abdel Fattah al-Burhan", "told troops in Omdurman"),
    ("Lebanese Prime Minister", "Nawaf Salam", "said in Beirut"),
    ("Somali President", "Hassan Sheikh Mohamud", "told parliament"),
    ("Congolese President", "Felix Tshisekedi", "said in Kinshasa"),
    ("Nigerian President", "Bola Tinubu", "said in Abuja"),
    ("Yemen's Prime Minister", "Salem bin Breik", "said in Aden"),
    ("Ethiopian Prime Minister", "Abiy Ahmed", "told lawmakers"),
    ("Syrian President", "Ahmed al-Sharaa", "said in Damascus"),
    ("Malian junta leader", "Assimi Goita", "said on state television"),
])
def test_a_quote_reopened_after_its_attribution_runs_to_the_paragraphs_end(quotes_of, title, name, verb):
    body = (f"\"We are bringing our people home,\" {title} {name} {verb}. \"Each of them went through things "
            "no one should ever go through.\n\n\"We will not stop until every one of them is free.\"")
    check(quotes_of(body), [(name, "bringing our people home"), (name, "Each of them went through"),
                            (name, "We will not stop")])


@pytest.mark.parametrize("title,name", [
    ("the UN Resident and Humanitarian Coordinator in Mozambique", "Catherine Sozi"),
    ("the UN Special Envoy for Yemen", "Hans Grundberg"),
    ("the UN Humanitarian Coordinator in Sudan", "Clementine Nkweta-Salami"),
    ("the UN Special Representative in Libya", "Hanna Tetteh"),
    ("the EU Special Representative in the Sahel", "Joao Cravinho"),
    ("the UN Humanitarian Coordinator in Haiti", "Ulrika Richardson"),
    ("the UN Resident Coordinator in Myanmar", "Marcoluigi Corsi"),
    ("the UN Special Coordinator in Lebanon", "Jeanine Hennis-Plasschaert"),
    ("the UN Humanitarian Coordinator in Somalia", "George Conway"),
    ("the UN Deputy Special Coordinator in Gaza", "Jorge Moreira da Silva"),
])
def test_an_office_named_with_its_place_is_its_holder(quotes_of, title, name):
    body = (f"\"Families are fleeing for the second or third time and each time they lose everything,\" "
            f"said {title}, {name}.")
    found = quotes_of(body)
    assert len(found) == 1 and found[0][0] == name, found


# -- a pronoun standing for a person named in the possessive speaks by the name, not "X's" ------

@pytest.mark.parametrize("owner,name", [
    ("President Bola Tinubu's visit to Maiduguri", "Bola Tinubu"),
    ("President Salva Kiir's tour of Malakal", "Salva Kiir"),
    ("Prime Minister Abiy Ahmed's speech in Bahir Dar", "Abiy Ahmed"),
    ("President Felix Tshisekedi's trip to Goma", "Felix Tshisekedi"),
    ("President Volodymyr Zelensky's visit to Kharkiv", "Volodymyr Zelensky"),
    ("General Abdel Fattah al-Burhan's tour of Omdurman", "Abdel Fattah al-Burhan"),
    ("Prime Minister Nawaf Salam's visit to Tyre", "Nawaf Salam"),
    ("President Hassan Sheikh Mohamud's visit to Baidoa", "Hassan Sheikh Mohamud"),
    ("Colonel Assimi Goita's trip to Gao", "Assimi Goita"),
    ("President Ahmed al-Sharaa's visit to Homs", "Ahmed al-Sharaa"),
])
def test_a_pronoun_speaks_by_the_name_not_its_possessive(quotes_of, owner, name):
    body = f"{owner} ended on Monday. “We will rebuild every school and every clinic,” he said."
    found = quotes_of(body)
    assert found and all("'" not in s and "’" not in s for s, _ in found), found
    assert found[0][0] == name, found

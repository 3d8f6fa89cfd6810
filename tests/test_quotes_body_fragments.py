"""A named body's words inside its speech act are its partial quote (the record lists partial
quotes of persons and of named organisations alike), also when the verb is a verdict ("rejected
… as", "blamed … for", "welcomed … as", "accused … of"), and a body noun named by apposition
("the militant group X") speaks as X. Sentences written for these tests, from different wars."""
import pytest


@pytest.mark.parametrize("body,speaker,words", [
    ("The Eritrean information ministry rejected the report as “a fabrication from start to end”.",
     "ministry", "fabrication"),
    ("NATO welcomed the prisoner swap as “a small step toward calm” in the Donbas.", "NATO", "small step"),
    ("The Kachin Independence Army accused the junta of “burning villages one by one” near Bhamo.",
     "Kachin Independence Army", "burning villages"),
    ("Hezbollah dismissed the Israeli statement as “pure fiction”.", "Hezbollah", "pure fiction"),
    ("The Houthis condemned “the criminal aggression” on the port of Hodeidah.", "Houthi", "criminal aggression"),
    ("The militant group Jama'at Nusrat al-Islam wal-Muslimin claimed the raid on Djibo, saying it had "
     "“punished the collaborators of the junta”.", "JNIM", "punished the collaborators"),
    ("Kenya's foreign ministry decried “an unprovoked incursion” by Somali militiamen near Mandera.",
     "ministry", "unprovoked incursion"),
    ("The ELN rebel group, in a statement, called the army's offensive in Catatumbo “a declaration of war”.",
     "ELN", "declaration of war"),
])
def test_a_named_bodys_words_in_its_speech_act_are_its_quote(quotes_of, body, speaker, words):
    found = quotes_of(body)
    assert any(speaker.lower() in (s or "").lower() and words in t for s, t in found), found


@pytest.mark.parametrize("body", [
    "The so-called “Islamic State Sahel Province” attacked the convoy near Menaka.",
    "Fighters, whom the government calls “khawarij”, stormed the base at Bal'ad.",
    "A resident said the militia had “taken everything” from the market in Bunia.",
])
def test_a_scare_quoted_name_or_an_anonymous_speaker_gives_no_quote(quotes_of, body):
    assert quotes_of(body) == []

"""Partial quotes by naming: a speaker's own words for something ("condemned what he called a
“barbaric” attack", "described the strike as “a war crime”") are quoted; a body's label a named body's words count the same way ("Hamas called the proposal “a trap”"); a name given by a scare marker ("a militia dubbed “…”")
are not. Sentences written for these tests, from different wars."""
import pytest


@pytest.mark.parametrize("body,speaker,words", [
    ("Foreign Minister Ahmed Attaf condemned what he called a “barbaric and cowardly” attack on the camp in Jenin.",
     "Ahmed Attaf", "barbaric and cowardly"),
    ("Volodymyr Zelensky called the strike on the hospital in Kyiv “pure terror”.",
     "Volodymyr Zelensky", "pure terror"),
    ("Gustavo Petro described the ELN attack in Catatumbo as “a war crime”.",
     "Gustavo Petro", "war crime"),
    ("Lebanese Prime Minister Najib Mikati denounced what he termed “a new massacre” in Nabatieh.",
     "Najib Mikati", "new massacre"),
    ("UN chief Antonio Guterres called the situation in El Fasher “absolutely horrific”.",
     "Antonio Guterres", "absolutely horrific"),
    ("Ethiopian Prime Minister Abiy Ahmed labelled the Fano militia “bandits and extremists”.",
     "Abiy Ahmed", "bandits and extremists"),
    ("Felix Tshisekedi called the fall of Goma “a declaration of war” by Rwanda.",
     "Felix Tshisekedi", "declaration of war"),
    ("Myanmar's shadow foreign minister Zin Mar Aung called the air strike “a crime against humanity”.",
     "Zin Mar Aung", "crime against humanity"),
    ("Nigerian President Bola Tinubu described the killings in Plateau as “senseless and barbaric”.",
     "Bola Tinubu", "senseless and barbaric"),
    ("Ukrainian Foreign Minister Andrii Sybiha called the Russian offer “a cynical trap”.",
     "Andrii Sybiha", "cynical trap"),
    ("Kenyan President William Ruto described the attack on the Haiti mission as “an act of "
     "cowardice”.", "William Ruto", "act of cowardice"),
])
def test_a_persons_naming_words_are_a_partial_quote(quotes_of, body, speaker, words):
    found = quotes_of(body)
    assert len(found) == 1 and found[0][0] == speaker and words in found[0][1], found


@pytest.mark.parametrize("body", [
    "A militia dubbed “the Sons of the Desert” attacked the convoy near Kufra.",
    "Fighters of the so-called “Southern Front” shelled the town of Daraa.",
    "The operation, code-named “Iron Wall”, began in Jenin on Tuesday.",
])
def test_a_bodys_label_or_a_scare_quoted_name_is_no_quote(quotes_of, body):
    assert quotes_of(body) == []


@pytest.mark.parametrize("body,speaker,words", [
    ("The Rapid Support Forces called the capture of the town “a great victory”.", "Rapid Support Forces", "great victory"),
    ("The Kremlin described the sanctions as “illegal”.", "Kremlin", "illegal"),
    ("Hamas called the proposal “a trap”.", "Hamas", "trap"),
])
def test_a_named_bodys_naming_words_are_its_partial_quote(quotes_of, body, speaker, words):
    found = quotes_of(body)
    assert len(found) == 1 and speaker in found[0][0] and words in found[0][1], found

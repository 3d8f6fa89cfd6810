"""Who speaks, when the name is unusual for the tagger or passed on by an outlet: "X was quoted as
saying" (data/reporting_verbs.yaml `citing`), personal names the tagger missed (often names from
outside Europe and America) told apart by a title or an apposition, and people referred to by their
given name. Sentences written for these tests, from different wars."""
import pytest


# -- class 1: an outlet quotes a person: the person speaks, not the outlet ------------------------

@pytest.mark.parametrize("body,speaker,words", [
    ("State television quoted army chief Abdel Fattah al-Burhan as saying the war would end only "
     "with the defeat of the militia.", "Abdel Fattah al-Burhan", "war would end"),
    ("Reuters quoted Kyaw Zaw as saying: “The junta bombed the camp twice.”", "Kyaw Zaw",
     "junta bombed the camp"),
    ("Ahmed Madobe was quoted as saying that Jubaland would not recognise the new electoral law.",
     "Ahmed Madobe", "Jubaland would not recognise"),
    ("The Anadolu agency quoted Turkish Foreign Minister Hakan Fidan as saying, “Israel must be "
     "stopped.”", "Hakan Fidan", "Israel must be stopped"),
    ("Interfax quoted Dmitry Peskov as saying that the Kremlin saw no basis for talks with Kyiv.",
     "Dmitry Peskov", "no basis for talks"),
    ("Al Arabiya cited Hezbollah official Mahmoud Qmati as saying the group would respond to any "
     "attack on Beirut.", "Mahmoud Qmati", "respond to any attack"),
    ("Colombian President Gustavo Petro was quoted by El Tiempo as saying that the ELN had broken "
     "the ceasefire in Catatumbo.", "Gustavo Petro", "ELN had broken"),
    ("The Sahel news site quoted Colonel Abdoulaye Maiga as saying: “The terrorists lost their "
     "bases near Menaka.”", "Abdoulaye Maiga", "terrorists lost their bases"),
    ("Ethiopian state media quoted Redwan Hussien as saying the talks with the Fano militia had "
     "failed.", "Redwan Hussien", "talks with the Fano militia"),
    ("Radio Dalsan quoted Somali army commander Ibrahim Mohamed Mohamud as saying that 40 "
     "al-Shabaab fighters were killed near Bulo Burde.", "Ibrahim Mohamed Mohamud",
     "al-Shabaab fighters were killed"),
    ("Yemen's Saba news agency quoted Houthi spokesman Mohammed Abdulsalam as saying, “Our "
     "operations in the Red Sea will continue.”", "Mohammed Abdulsalam", "operations in the Red Sea"),
])
def test_a_quoted_person_speaks_not_the_outlet_that_quotes_them(quotes_of, body, speaker, words):
    found = quotes_of(body)
    assert found and found[0][0] == speaker and words in found[0][1], found
    assert all(s == speaker for s, _ in found), found


# -- class 2: a person's name the tagger missed still makes a person speaker ----------------------

@pytest.mark.parametrize("body,speaker,words", [
    ("Kyaw Zaw, a spokesman for the National Unity Government, said the junta had bombed a "
     "school in Sagaing.", "Kyaw Zaw", "junta had bombed a school"),
    ("Amina Yusuf, a nurse in Maiduguri, said the clinic had run out of blood for transfusions.",
     "Amina Yusuf", "run out of blood"),
    ("Ahmed Madobe, the Jubaland leader, said that Kismayo would hold its own vote in November.",
     "Ahmed Madobe", "Kismayo would hold"),
    ("Sudanese army spokesman Nabil Abdallah said the army had repelled an attack on El Obeid.",
     "Nabil Abdallah", "repelled an attack"),
    ("Colonel Souleymane Dembele told reporters that the convoy had been ambushed near Boni.",
     "Souleymane Dembele", "convoy had been ambushed"),
    ("Halima Abdikadir, 41, said the floods had swept away the camp near Beledweyne.",
     "Halima Abdikadir", "floods had swept away"),
    ("Gatluak Deng, a commissioner in Upper Nile, said that cattle raiders had killed 14 people.",
     "Gatluak Deng", "cattle raiders had killed"),
    ("Khun Bedu, a spokesman for the Karenni Nationalities Defence Force, said the army had "
     "shelled two villages near Loikaw.", "Khun Bedu", "army had shelled two villages"),
    ("Lieutenant Tchoumbou Ngassa said the separatists had burned the school in Bamenda.",
     "Tchoumbou Ngassa", "separatists had burned"),
    ("Muhammad Sanusi, a farmer from Zamfara, told the BBC that bandits had taken his sons.",
     "Muhammad Sanusi", "bandits had taken his sons"),
])
def test_indirect_speech_of_a_name_the_tagger_missed_is_kept(quotes_of, body, speaker, words):
    found = quotes_of(body)
    assert [s for s, _ in found] == [speaker], found
    assert words in found[0][1]


@pytest.mark.parametrize("body", [
    # capitalised names of bodies and places are not persons: their indirect speech is not kept
    "Hayat Tahrir al-Sham said that its fighters had entered the outskirts of Hama.",
    "The Allied Democratic Forces said that its fighters had captured the base at Oicha.",
    "Ansar Allah said that it had targeted a tanker in the Gulf of Aden.",
])
def test_a_body_with_a_capitalised_name_is_not_taken_for_a_person(quotes_of, body):
    assert quotes_of(body) == []


def test_a_pronoun_stands_for_the_speaker_the_tagger_missed(quotes_of):
    found = quotes_of("Kyaw Zaw, a spokesman for the National Unity Government, said the junta had "
                      "bombed a school. His colleague, Su Su Lwin, was not available. “Children were "
                      "in the classrooms,” he said.")
    assert [s for s, _ in found] == ["Kyaw Zaw", "Kyaw Zaw"], found


# -- class 3: a person named again by the given name ---------------------------------------------

@pytest.mark.parametrize("body,speaker", [
    ("Tigrayan leader Getachew Reda met Prime Minister Abiy Ahmed on Friday. “The Pretoria "
     "agreement must be respected,” Getachew said after the meeting.", "Getachew Reda"),
    ("Ethiopian Prime Minister Abiy Ahmed spoke in parliament. “We do not want war with "
     "Eritrea,” Abiy said.", "Abiy Ahmed"),
    ("Eritrean information minister Yemane Gebremeskel posted a long reply. “The accusations "
     "are baseless,” Yemane wrote on X.", "Yemane Gebremeskel"),
    ("Sudan's army chief Abdel Fattah al-Burhan toured Omdurman. Later, Abdel told soldiers that "
     "the city would be freed.", "Abdel Fattah al-Burhan"),
    ("Jubaland leader Ahmed Madobe returned to Kismayo. “We will not accept this election,” "
     "Ahmed told supporters.", "Ahmed Madobe"),
    ("Myanmar's junta chief Min Aung Hlaing spoke in Naypyitaw. Later, Min said that elections "
     "would be held in December.", "Min Aung Hlaing"),
    ("Burkina Faso's junta leader Ibrahim Traore addressed the troops in Ouagadougou. “The "
     "fighting is not over,” Ibrahim said.", "Ibrahim Traore"),
    ("Sudanese general Yasser al-Atta visited Port Sudan. “The militia is losing ground,” "
     "Yasser said.", "Yasser al-Atta"),
    ("TPLF chairman Debretsion Gebremichael addressed a rally in Mekelle. Debretsion said that "
     "the interim administration had failed.", "Debretsion Gebremichael"),
    ("Eritrean President Isaias Afwerki gave a rare interview. “Nobody will dictate to us,” "
     "Isaias said.", "Isaias Afwerki"),
])
def test_a_given_name_alone_is_the_one_person_with_that_given_name(quotes_of, body, speaker):
    found = quotes_of(body)
    assert found and all(s == speaker for s, _ in found), found


def test_a_given_name_shared_by_two_people_is_not_guessed(quotes_of):
    found = quotes_of("Tigrayan leader Getachew Reda met Getachew Assefa in Mekelle on Monday. “We "
                      "will not accept this,” Getachew said.")
    assert found and all(s not in ("Getachew Reda", "Getachew Assefa") for s, _ in found), found

"""A person's verdict in quotes: a short fragment under the verb whose clause holds it ("condemned
the “cowardly act” and said …", "accused X of “…”", "dismissed X as “…”"), a one-word verdict of a
naming verb ("called the vote “illegitimate”", "described the raid as “precise”", "what he called
“blackmail”"), the pronoun of such a clause bound to the person whose clause holds it, and the
holder of an office named in apposition even when the tagger read the name as a body. Sentences
written for these tests, from different wars."""
import pytest

from support import check


# -- a fragment belongs to the verb whose clause holds it, not to the nearest verb -------------

@pytest.mark.parametrize("body,speaker,words", [
    ("Governor Babagana Zulum condemned the “barbaric killing” and said the army would pursue the attackers.",
     "Babagana Zulum", "barbaric killing"),
    ("Iranian Foreign Minister Abbas Araghchi accused Israel of “naked aggression” against Iran's sovereignty.",
     "Abbas Araghchi", "naked aggression"),
    ("Lebanese Prime Minister Nawaf Salam accused Israel of “deliberate escalation” in the south.",
     "Nawaf Salam", "deliberate escalation"),
    ("Sudan's army chief Abdel Fattah al-Burhan denounced the “treacherous attack” and said the war would go on.",
     "Abdel Fattah al-Burhan", "treacherous attack"),
    ("Kremlin spokesman Dmitry Peskov dismissed the Ukrainian plan as “a fantasy” and said Moscow would fight on.",
     "Dmitry Peskov", "fantasy"),
    ("Somali President Hassan Sheikh Mohamud condemned the “cowardly bombing” and said Al-Shabaab would be crushed.",
     "Hassan Sheikh Mohamud", "cowardly bombing"),
    ("Congolese President Felix Tshisekedi accused Kigali of “open aggression” in North Kivu.",
     "Felix Tshisekedi", "open aggression"),
    ("Gustavo Petro accused the ELN of “betraying the peace” and said talks would not resume.",
     "Gustavo Petro", "betraying the peace"),
    ("Yemen's Prime Minister Salem bin Breik condemned the “terrorist assault” and said the Houthis would pay.",
     "Salem bin Breik", "terrorist assault"),
    ("Myanmar opposition leader Duwa Lashi La dismissed the junta's election as “a sham” and said the resistance "
     "would boycott it.", "Duwa Lashi La", "sham"),
    ("Ethiopian Prime Minister Abiy Ahmed condemned the “senseless massacre” and said the army would restore order.",
     "Abiy Ahmed", "senseless massacre"),
])
def test_a_fragment_belongs_to_the_verb_whose_clause_holds_it(quotes_of, body, speaker, words):
    found = [q for q in quotes_of(body) if words in q[1]]
    assert len(found) == 1 and found[0][0] == speaker, quotes_of(body)


# -- a one-word verdict of a naming verb is a person's quote ------------------------------------

@pytest.mark.parametrize("body,speaker,word", [
    ("Russian Foreign Ministry spokeswoman Maria Zakharova called the new sanctions “illegitimate”.",
     "Maria Zakharova", "illegitimate"),
    ("Army spokesman Brigadier General Nabil Abdallah described the strikes on Nyala as “precise”.",
     "Nabil Abdallah", "precise"),
    ("Hamas official Basem Naim rejected what he called “blackmail” by the Israeli government.",
     "Basem Naim", "blackmail"),
    ("Ukrainian President Volodymyr Zelensky called the Russian proposal “worthless”.",
     "Volodymyr Zelensky", "worthless"),
    ("Nigerian President Bola Tinubu described the attack in Benue as “barbaric”.",
     "Bola Tinubu", "barbaric"),
    ("UN envoy Hans Grundberg called the detention of aid workers in Sanaa “unacceptable”.",
     "Hans Grundberg", "unacceptable"),
    ("Syrian President Ahmed al-Sharaa called the Israeli strikes on Damascus “reckless”.",
     "Ahmed al-Sharaa", "reckless"),
    ("Sudanese Prime Minister Kamil Idris described the siege of El Fasher as “genocidal”.",
     "Kamil Idris", "genocidal"),
    ("Lebanese President Joseph Aoun condemned what he termed “provocations” along the border.",
     "Joseph Aoun", "provocations"),
    ("Malian junta leader Assimi Goita called the sanctions of the regional bloc “illegal”.",
     "Assimi Goita", "illegal"),
    ("Somali Prime Minister Hamza Abdi Barre described the raid on the base as “heroic”.",
     "Hamza Abdi Barre", "heroic"),
])
def test_a_persons_one_word_verdict_is_a_quote(quotes_of, body, speaker, word):
    check(quotes_of(body), [(speaker, word)])


@pytest.mark.parametrize("body", [
    "Ukraine's military called the Russian claim “propaganda”.",
    "The Rapid Support Forces said their fighters had “liberated” the town of Bara.",
    "A medic near Pokrovsk described the soldiers as “exhausted” after weeks of fighting.",
    "The junta said it had “cleared” the area around Sagaing of resistance fighters.",
    "Residents of Goma described the night as “terrifying”.",
    "Abdel Fattah al-Burhan visited the troops who had “liberated” the palace in Khartoum.",
    "Somali officials said the militants had been “neutralised” near Baidoa.",
    "Al-Shabaab called the government offensive a “failure”.",
])
def test_a_one_word_label_or_a_word_without_a_verdict_is_no_quote(quotes_of, body):
    assert quotes_of(body) == []


# -- a pronoun in a clause held by a named person's clause is that person ------------------------

@pytest.mark.parametrize("body,speaker,words", [
    ("Israeli Defence Minister Israel Katz said the strikes would go on. Hamas official Basem Naim rejected "
     "what he called “blackmail” by Israel.", "Basem Naim", "blackmail"),
    ("President William Ruto spoke in Nairobi. Haitian Prime Minister Alix Didier Fils-Aime welcomed what he "
     "called “a decisive step” for the mission.", "Alix Didier Fils-Aime", "decisive step"),
    ("Defence Minister Yoav Gallant spoke first. Lebanese Prime Minister Najib Mikati condemned what he termed "
     "“a new massacre” in Nabatieh.", "Najib Mikati", "new massacre"),
    ("Abiy Ahmed addressed parliament on Monday. Fano commander Zemene Kassie rejected what he called "
     "“a surrender deal” offered by Addis Ababa.", "Zemene Kassie", "surrender deal"),
    ("Sergei Lavrov spoke in Moscow. Ukrainian Foreign Minister Andrii Sybiha rejected what he called "
     "“an ultimatum” from the Kremlin.", "Andrii Sybiha", "ultimatum"),
    ("Hemedti addressed his troops. Sudan's army chief Abdel Fattah al-Burhan denounced what he called "
     "“mercenary crimes” in Darfur.", "Abdel Fattah al-Burhan", "mercenary crimes"),
    ("Paul Kagame spoke in Kigali. Congolese Foreign Minister Therese Kayikwamba Wagner condemned what she "
     "called “a blatant invasion” of Goma.", "Therese Kayikwamba Wagner", "blatant invasion"),
    ("Bashar al-Assad left Damascus. Syrian opposition leader Ahmed al-Sharaa hailed what he called "
     "“a new dawn” for Syria.", "Ahmed al-Sharaa", "new dawn"),
    ("Min Aung Hlaing spoke in Naypyitaw. Opposition spokesman Kyaw Zaw rejected what he called "
     "“a staged election” by the junta.", "Kyaw Zaw", "staged election"),
    ("Bola Tinubu visited Benue. Governor Hyacinth Alia condemned what he called “a coordinated "
     "massacre” of farmers.", "Hyacinth Alia", "coordinated massacre"),
])
def test_a_pronoun_in_a_named_persons_clause_is_that_person(quotes_of, body, speaker, words):
    found = [q for q in quotes_of(body) if words in q[1]]
    assert len(found) == 1 and found[0][0] == speaker, quotes_of(body)


# -- the holder named after an office speaks, also when the tagger read the name as a body -------

@pytest.mark.parametrize("body,speaker", [
    ("Gang leader Jimmy Cherizier threatened the capital. The council's president, Fritz Alphonse Jean, said "
     "the government had declared a state of emergency in the Centre department.", "Fritz Alphonse Jean"),
    ("Hemedti spoke on Sunday. The council's chairman, Abdel Fattah al-Burhan, said the army would retake "
     "the whole of Darfur.", "Abdel Fattah al-Burhan"),
    ("Ibrahim Traore visited Djibo. The region's governor, Rimtalba Jean Emmanuel Ouedraogo, said the "
     "convoy had reached the town.", "Rimtalba Jean Emmanuel Ouedraogo"),
    ("Vladimir Putin met his generals. The region's governor, Vyacheslav Gladkov, said two drones had hit "
     "the town of Shebekino.", "Vyacheslav Gladkov"),
    ("Tshisekedi addressed the nation. The province's governor, Peter Cirimwami, said the rebels had "
     "entered the outskirts of Goma.", "Peter Cirimwami"),
    ("Abiy Ahmed spoke in Addis Ababa. The region's president, Arega Kebede, said the roads to Gondar "
     "had reopened.", "Arega Kebede"),
    ("Netanyahu spoke in Jerusalem. The agency's commissioner-general, Philippe Lazzarini, said the fuel "
     "in Gaza would run out within days.", "Philippe Lazzarini"),
    ("Hassan Sheikh Mohamud spoke in Mogadishu. The state's president, Abdiaziz Laftagareen, said the "
     "militants had withdrawn from Baidoa.", "Abdiaziz Laftagareen"),
    ("Min Aung Hlaing spoke on television. The party's spokesman, Zaw Min Tun, said the junta would hold "
     "the vote in December.", "Zaw Min Tun"),
    ("Bola Tinubu visited Maiduguri. The state's governor, Babagana Zulum, said the insurgents had burned "
     "the village of Mafa.", "Babagana Zulum"),
])
def test_the_holder_named_after_an_office_speaks(quotes_of, body, speaker):
    found = [q for q in quotes_of(body)]
    assert [q[0] for q in found][-1:] == [speaker], found

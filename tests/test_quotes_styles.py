"""Attribution styles: quotes in single marks (British style, ‘…’ and '…'), an attribution the parse
hung on the quoted clause (`'…,' the mayor of X, Y, told the BBC`), and a speaker referred to by
age ("the 58-year-old said"). Passages written for these tests, from different wars."""
import pytest

from support import check


# -- class 1: single quotation marks as the outlet's quotes ---------------------------------------

SINGLE = [
    ("‘We buried nine people yesterday,’ said Ibrahim Bakri, a gravedigger in Deir al-Balah. ‘Tomorrow there will be more.’",
     [["Ibrahim Bakri", "buried nine people"], ["Ibrahim Bakri", "Tomorrow there will be more"]]),
    ("Ukraine’s foreign minister Andrii Sybiha said: ‘Russia must be forced into peace.’",
     [["Andrii Sybiha", "forced into peace"]]),
    ("‘The checkpoints have doubled since March,’ Ko Min Thu told the BBC from Mandalay. ‘Nobody travels at night.’",
     [["Ko Min Thu", "checkpoints have doubled"], ["Ko Min Thu", "Nobody travels at night"]]),
    ("'They shelled the market twice,' said Ismail Haroun, a trader in El Obeid. 'Then they came back with drones.'",
     [["Ismail Haroun", "shelled the market"], ["Ismail Haroun", "came back with drones"]]),
    ("Lebanon’s caretaker prime minister Najib Mikati said: ‘Israel’s attacks on the soldiers’ posts must stop.’",
     [["Najib Mikati", "attacks on the soldiers"]]),
    ("Sir Keir Starmer told MPs: 'The hostages must be released and aid must flow into Gaza.'",
     [["Keir Starmer", "hostages must be released"]]),
    ("‘We have no medicine for the children,’ said Dr Amina Bello, who runs a clinic in Maiduguri.",
     [["Amina Bello", "no medicine"]]),
    ("Gustavo Petro wrote on X: ‘The ELN has chosen war and the talks are over.’",
     [["Gustavo Petro", "ELN has chosen war"]]),
    ("'The rebels have taken the airport at Bukavu,' the governor of South Kivu, Jean-Jacques Purusi, told Reuters.",
     [["Jean-Jacques Purusi", "taken the airport"]]),
    ("Hamas official Basem Naim said: 'The occupation’s conditions are unacceptable to us.'",
     [["Basem Naim", "conditions are unacceptable"]]),
    ("‘Our people will not leave Kharkiv,’ Ihor Terekhov said on Monday. ‘The city will be rebuilt.’",
     [["Ihor Terekhov", "not leave Kharkiv"], ["Ihor Terekhov", "city will be rebuilt"]]),
]


@pytest.mark.parametrize("body,expected", SINGLE)
def test_quotes_in_single_marks_are_quotes(quotes_of, body, expected):
    check(quotes_of(body), expected)


@pytest.mark.parametrize("body", [
    "Al-Shabaab fighters, whom the government calls ‘khawarij’, attacked the base at Bal’ad.",
    "The soldiers’ families gathered outside the ministry in Kyiv on Monday.",
    "Residents of Ma’arat al-Numan fled north as the army’s shells fell on the town.",
    "The so-called ‘humanitarian corridor’ was closed within hours.",
    "The fighters’ commanders met in the town of Bal’ad on Sunday.",
    "Residents of Ma’arat al-Numan said nothing.",
])
def test_apostrophes_possessives_and_scare_marks_are_not_quotes(quotes_of, body):
    assert quotes_of(body) == []


def test_single_marks_inside_a_double_quote_stay_inside_it(quotes_of):
    found = quotes_of("“They call us ‘traitors’ at every checkpoint,” said Ma Thida, a teacher from "
                      "Sagaing.")
    check(found, [["Ma Thida", "call us 'traitors' at every checkpoint"]])


# -- class 2: an attribution the parse hung on the quoted clause; an office with its holder's name -

HUNG = [
    ("“The rebels have surrounded the town,” the mayor of Bunia, Fimbo Lebelu, told the BBC.",
     [["Fimbo Lebelu", "rebels have surrounded"]]),
    ("'The rebels have taken the airport at Bukavu,' the governor of South Kivu, Jean-Jacques Purusi, told Reuters.",
     [["Jean-Jacques Purusi", "taken the airport"]]),
    ("“Forty houses were burned,” the chief of Kalehe, Delphin Birimbi, told AFP.",
     [["Delphin Birimbi", "Forty houses were burned"]]),
    ("‘We counted 23 bodies,’ the administrator of Djugu territory, Ruphin Mapela, told Radio Okapi.",
     [["Ruphin Mapela", "counted 23 bodies"]]),
    ("“The bridge at Wad Madani was blown up at night,” the governor of Gezira, Ismail Awadallah, told Al Jazeera.",
     [["Ismail Awadallah", "bridge at Wad Madani"]]),
    ("'Three drones hit the power station,' the head of the Sumy military administration, Volodymyr Artiukh, told Suspilne.",
     [["Volodymyr Artiukh", "Three drones hit"]]),
    ("“The army abandoned the base without a fight,” the mayor of Tessalit, Mohamed Ag Intalla, told RFI.",
     [["Mohamed Ag Intalla", "army abandoned the base"]]),
    ("‘There is no water in the camps,’ the commissioner of Upper Nile, Gatwech Bipal, told Radio Tamazuj.",
     [["Gatwech Bipal", "no water in the camps"]]),
    ("“Eleven fishermen are missing,” the governor of Hodeidah, Mohammed Qahim, told Saba.",
     [["Mohammed Qahim", "Eleven fishermen"]]),
    ("'The junta's jets bombed the market at noon,' the spokesman of the Arakan Army, Khaing Thu Kha, told The Irrawaddy.",
     [["Khaing Thu Kha", "bombed the market"]]),
    ("“The militants came on motorbikes,” the chairman of Gwoza local government, Usman Sani, told Premium Times.",
     [["Usman Sani", "came on motorbikes"]]),
]


@pytest.mark.parametrize("body,expected", HUNG)
def test_the_office_holder_named_after_the_quote_speaks(quotes_of, body, expected):
    check(quotes_of(body), expected)


# -- class 3: a speaker referred to by age --------------------------------------------------------

AGED = [
    ("Fatima Hassan lost her home in the strike on Khan Younis. “We have nowhere to go,” the 42-year-old said.",
     [["Fatima Hassan", "nowhere to go"]]),
    ("Olena Kovalenko was hanging washing when the drone hit. “I heard a whistle and then glass everywhere,” said the 67-year-old.",
     [["Olena Kovalenko", "heard a whistle"]]),
    ("John Garang Deng walked for a week to reach Renk. The 35-year-old said that militiamen had burned his village.",
     [["John Garang Deng", "militiamen had burned"]]),
    ("Maria Lopez sells fruit in Tibu. “The armed groups take a share of everything,” the 51-year-old vendor said.",
     [["Maria Lopez", "armed groups take"]]),
    ("Ahmed Hassan fled Aleppo in 2016. Now the 60-year-old said he wants to go home.",
     [["Ahmed Hassan", "wants to go home"]]),
    ("Grace Mbeki survived the attack on the camp near Goma. “They shot at the tents,” the 29-year-old mother of three told reporters.",
     [["Grace Mbeki", "shot at the tents"]]),
    ("Viktor Petrenko was wounded in Kherson. “Shells fall every hour,” the 73-year-old pensioner said from his hospital bed.",
     [["Viktor Petrenko", "Shells fall every hour"]]),
    ("Mohammed Saleh lost two sons in Taiz. The 55-year-old farmer said that the sniper fire never stopped.",
     [["Mohammed Saleh", "sniper fire never stopped"]]),
    ("Daniel Ortega Ruiz, a teacher in Cauca, was threatened twice. “They want the children for their war,” the 38-year-old said.",
     [["Daniel Ortega Ruiz", "children for their war"]]),
    ("Hanna Shevchenko and her son hid in the basement. “We counted the explosions,” the 45-year-old said.",
     [["Hanna Shevchenko", "counted the explosions"]]),
    ("Thet Naing, a shopkeeper in Mandalay, lost his stock in the fire. “The soldiers take what "
     "they want,” the 47-year-old said.", [["Thet Naing", "soldiers take what they want"]]),
    ("Sarah Cohen was at the festival near Re'im. “We ran into the fields,” the 24-year-old said.",
     [["Sarah Cohen", "ran into the fields"]]),
]


@pytest.mark.parametrize("body,expected", AGED)
def test_a_speaker_named_by_age_is_the_person_the_passage_is_about(quotes_of, body, expected):
    check(quotes_of(body), expected)


def test_an_age_with_nobody_named_is_no_speaker(quotes_of):
    # nobody named: the description is anonymous, its indirect speech is not kept
    assert quotes_of("A woman walked for a week to reach the camp. The 35-year-old said that "
                     "militiamen had burned her village.") == []


# -- class 4: a crosshead "Name: “…”" whose name the tagger took for a common noun -------------

CROSSHEADS = [
    ("Sudan's army chief Abdel Fattah al-Burhan addressed troops in Omdurman on Sunday.\n\nBurhan: “We will not negotiate with the militia”\n\nThe speech came after the fall of Wad Madani.",
     [["Abdel Fattah al-Burhan", "not negotiate with the militia"]]),
    ("US President Donald Trump announced new sanctions on Wednesday.\n\nTrump: “We waited a long time”\n\nThe measures target two oil companies.",
     [["Donald Trump", "We waited a long time"]]),
    ("Hezbollah leader Naim Qassem gave a televised address on Friday.\n\nQassem: “The resistance will not hand over its weapons”\n\nIsrael struck the south hours later.",
     [["Naim Qassem", "will not hand over"]]),
    ("Colombian President Gustavo Petro suspended the talks with the ELN.\n\nPetro: “The ELN has chosen war”\n\nThe army sent 5,000 soldiers to Catatumbo.",
     [["Gustavo Petro", "chosen war"]]),
    ("Ethiopian Prime Minister Abiy Ahmed spoke to parliament on Tuesday.\n\nAbiy: “We have no intention to invade anyone”\n\nEritrea did not comment.",
     [["Abiy Ahmed", "no intention to invade"]]),
    ("Kenyan President William Ruto visited the police contingent in Port-au-Prince.\n\nRuto: “Haiti will be safe again”\n\nGangs control most of the capital.",
     [["William Ruto", "Haiti will be safe"]]),
    ("DR Congo's President Felix Tshisekedi addressed the nation after the fall of Goma.\n\nTshisekedi: “Rwanda will pay for this aggression”\n\nThe M23 denied Rwandan support.",
     [["Felix Tshisekedi", "Rwanda will pay"]]),
    ("Ukrainian President Volodymyr Zelensky met European leaders in London.\n\nZelensky: “We need security guarantees, not promises”\n\nThe summit ended without a deal.",
     [["Volodymyr Zelensky", "security guarantees"]]),
    ("Israeli Prime Minister Benjamin Netanyahu spoke after the cabinet meeting.\n\nNetanyahu: “The war will continue until all the hostages are home”\n\nHamas rejected the remarks.",
     [["Benjamin Netanyahu", "war will continue"]]),
    ("Somali President Hassan Sheikh Mohamud visited the front near Baidoa.\n\nMohamud: “Al-Shabaab is losing its last strongholds”\n\nThe group claimed an attack the same day.",
     [["Hassan Sheikh Mohamud", "losing its last strongholds"]]),
    ("Burkina Faso's junta leader Ibrahim Traore spoke in Ouagadougou.\n\nTraore: “No foreign army will protect us”\n\nThe speech was broadcast on state television.",
     [["Ibrahim Traore", "No foreign army"]]),
]


@pytest.mark.parametrize("body,expected", CROSSHEADS)
def test_a_surname_before_a_colon_speaks_the_quote_after_it(quotes_of, body, expected):
    found = quotes_of(body)
    assert [(s, w in t) for (s, t), (_, w) in zip(found, expected)] == [(expected[0][0], True)], found

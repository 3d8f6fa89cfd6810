"""Credit lines name journalists, photographers and press contacts, not the story's people: a
byline ("By X and Y", also run into a date line), a picture's credit ("(AP Photo/X)", "Photo:
X/AFP"), a contributor line ("X reported from Y.") and a contact line holding an e-mail address.
The people the story tells of stay persons."""
import pytest


CREDITS = [
    # (article, the credited name, a person of the story who must stay)
    ("Drones strike Kharkiv\nby Olena Hrytsenko and Marek Dvorak May 7, 2026 6:48 PM 5 min read\n\n"
     "Russian drones hit Kharkiv overnight, Mayor Ihor Terekhov said.", "Marek Dvorak", "Ihor Terekhov"),
    ("Talks stall in Jeddah\nBy Amal Osman and Peter Lado\n\n"
     "Army chief Abdel Fattah al-Burhan rejected the proposal on Sunday.", "Peter Lado", "Abdel Fattah al-Burhan"),
    ("Strike hits Gaza school\nSmoke rises after an Israeli strike in Gaza City on Monday. "
     "(AP Photo/Abdel Kareem Hana)\n\nCivil defence spokesman Mahmoud Basal said 12 people were killed.",
     "Abdel Kareem Hana", "Mahmoud Basal"),
    ("Airstrike on Sagaing village\nResidents search the rubble in Sagaing region. (AP Photo/Thein Zaw)\n\n"
     "NUG spokesman Kyaw Zaw said the junta bombed the village twice.", "Thein Zaw", "Kyaw Zaw"),
    ("Gangs storm Mirebalais\nGangs stormed Mirebalais before dawn, Prime Minister Garry Conille said.\n"
     "Coto reported from San Juan, Puerto Rico.", "Coto", "Garry Conille"),
    ("Shelling in Kherson\nRussian shelling wounded three people, Governor Oleksandr Prokudin said.\n"
     "Novikov reported from Kyiv.", "Novikov", "Oleksandr Prokudin"),
    ("Houthis claim ship attack\nThe Houthis said they fired missiles at a tanker, "
     "spokesman Yahya Saree said.\nMagdy reported from Cairo and Gambrell from Dubai.",
     "Magdy", "Yahya Saree"),
    ("Displacement rises in Cabo Delgado\nMilitants burned houses in Chiure, "
     "Governor Valige Tauabo said.\n"
     "For further information: Maria Lopes, Public Information Officer, OCHA Mozambique, lopes@un.org",
     "Maria Lopes", "Valige Tauabo"),
    ("Flooding worsens in Borno camps\nAid agencies warned of cholera, Governor Babagana Zulum said.\n"
     "Media contact: Ibrahim Musa, Communications Officer, ibrahim.musa@example.org, +234 800 000",
     "Ibrahim Musa", "Babagana Zulum"),
    ("Protest in Bogota\nPresident Gustavo Petro addressed the crowd on Friday.\n"
     "Photo: Juan Barreto/AFP", "Juan Barreto", "Gustavo Petro"),
    ("Clashes in Sweida\nSyrian interior minister Anas Khattab said troops entered the city.\n"
     "(AP Photo/Omar Sanadiki)", "Omar Sanadiki", "Anas Khattab"),
    ("Rebels take Uvira outskirts\nBy Justin Kabumba and Ruth Alonga\n\n"
     "M23 spokesman Lawrence Kanyuka said the rebels had entered the town.", "Ruth Alonga", "Lawrence Kanyuka"),
]


@pytest.mark.parametrize("text,credited,story_person", CREDITS)
def test_credited_names_are_no_persons_but_the_story_people_stay(ents, text, credited, story_person):
    persons, orgs, _ = ents(text)
    names = [x.name for x in persons + orgs] + [a for x in persons + orgs for a in x.aliases]
    assert not [n for n in names if credited in n], names
    assert story_person in [p.name for p in persons], names


LEADS = [
    "By Tuesday afternoon Jimmy Cherizier said the gangs controlled most of the town.",
    "By nightfall Governor Babagana Zulum said the camp was safe.",
    "Yahya Saree reported from Sanaa that two missiles had hit the ship.",
]


@pytest.mark.parametrize("text", LEADS)
def test_words_that_only_look_like_credits_keep_their_person(ents, text):
    persons, _, _ = ents("Fighting report\n" + text)
    assert persons, text

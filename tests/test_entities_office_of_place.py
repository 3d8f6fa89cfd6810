"""An office of a place followed by its holder ("the mayor of Kharkiv Ihor Terekhov"), which the
model often tags as one span, is the place and the person: the person is named (and speaks), the
place is a place."""
import pytest


HOLDERS = [
    ("The mayor of Kharkiv Ihor Terekhov said a bomb fell near a kindergarten. "
     "Terekhov said no children were hurt.", "Ihor Terekhov", "Kharkiv"),
    ("The mayor of Mykolaiv Oleksandr Senkevych said the city was hit. "
     "Senkevych urged people to stay inside.", "Oleksandr Senkevych", "Mykolaiv"),
    ("The governor of Belgorod Vyacheslav Gladkov said a drone hit a car. "
     "Gladkov said two women were injured.", "Vyacheslav Gladkov", "Belgorod"),
    ("The mayor of Odesa Gennadiy Trukhanov said the port was struck. "
     "Trukhanov gave no toll.", "Gennadiy Trukhanov", "Odesa"),
    ("The mayor of Kramatorsk Oleksandr Honcharenko said a missile hit the centre. "
     "Honcharenko said four people were wounded.", "Oleksandr Honcharenko", "Kramatorsk"),
    ("The governor of Kursk Alexander Khinshtein said a drone hit a bus. "
     "Khinshtein said the driver was killed.", "Alexander Khinshtein", "Kursk"),
    ("The mayor of Mogadishu Mohamed Ahmed Amir said the blast hit a hotel. "
     "Amir said the area was sealed off.", "Mohamed Ahmed Amir", "Mogadishu"),
    ("The governor of Darfur Minni Minnawi called for a truce. "
     "Minnawi said El Fasher was starving.", "Minni Minnawi", "Darfur"),
    ("The mayor of Goma Faustin Napenda said the rebels had entered the city. "
     "Napenda fled to Bukavu.", "Faustin Napenda", "Goma"),
    ("The governor of Zaporizhzhia Ivan Fedorov said the city was shelled. "
     "Fedorov said three people were killed.", "Ivan Fedorov", "Zaporizhzhia"),
]


@pytest.mark.parametrize("text,person,place", HOLDERS)
def test_the_office_of_a_place_and_its_holder_are_a_place_and_a_person(ents, text, person, place):
    persons, orgs, locs = ents(text)
    assert person in [p.name for p in persons], [p.name for p in persons]
    assert not [o.name for o in orgs if person.split()[-1] in o.name], [o.name for o in orgs]
    assert not [x.name for x in locs if person.split()[-1] in x.name], [x.name for x in locs]

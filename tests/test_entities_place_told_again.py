"""A place the article names as a place is that place when told again in a form the model reads
as a person or a body ("the Tillaberi attack", "Nasir has seen fighting", "south of the Litani"):
a name every form of which is one of the article's places, with no title or role, is no entity."""
import pytest


SNIPPETS = [
    ("Jihadists attacked an army post in Diapaga on Sunday, killing 12 soldiers. "
     "The junta later suspended a radio station over its coverage of the Diapaga attack.", "Diapaga"),
    ("Government troops were pushed out of Nasir in March. "
     "Nasir has seen repeated fighting since then, aid workers said.", "Nasir"),
    ("Rebels shelled Kadugli overnight, residents said. "
     "Kadugli remains cut off from the road to El Obeid.", "Kadugli"),
    ("Israeli jets struck a house in Nabatieh on Monday. "
     "Nabatieh was hit twice more later in the week, the health ministry said.", "Nabatieh"),
    ("The army retook Kupiansk after weeks of fighting. "
     "Kupiansk lies on the Oskil river.", "Kupiansk"),
    ("Gangs stormed Mirebalais before dawn, residents said. "
     "Mirebalais had been the last town in the department under police control.", "Mirebalais"),
    ("Militants raided a village near Macomia in the early hours. "
     "Macomia has been attacked repeatedly since 2020, according to local officials.", "Macomia"),
    ("Fighters of the ELN attacked positions near Tibu on Tuesday. "
     "Tibu was placed under curfew by the mayor's office.", "Tibu"),
    ("Airstrikes hit a market in Kyaukme, killing at least nine people. "
     "Kyaukme residents said the jets returned twice.", "Kyaukme"),
    ("Shelling damaged a school in Sumy on Friday. "
     "Sumy authorities urged residents to stay in shelters.", "Sumy"),
    ("Houthi drones struck an oil facility near Marib on Saturday. "
     "Marib has been contested since 2021.", "Marib"),
    ("Al-Shabaab fighters stormed a base in Jowhar at dawn. "
     "Jowhar was quiet by the afternoon, a resident said.", "Jowhar"),
    ("Gunmen killed 14 villagers in Bokkos on Sunday night. "
     "The Bokkos killings drew condemnation from church leaders.", "Bokkos"),
    ("Drones hit a fuel depot in Kramatorsk overnight. "
     "The Kramatorsk strike was the third this month.", "Kramatorsk"),
    ("Paramilitary fighters shelled Tawila on Monday. "
     "Tawila camp leaders said water was running out.", "Tawila"),
    ("An airstrike hit a clinic in Hajjah on Thursday. "
     "The Hajjah clinic had been treating cholera patients.", "Hajjah"),
]


@pytest.mark.parametrize("text,place", SNIPPETS)
def test_a_place_told_again_is_no_person_or_organization(ents, text, place):
    persons, orgs, locs = ents(text)
    assert not [x.name for x in persons + orgs if place in x.name], \
        [x.name for x in persons + orgs]
    assert [x for x in locs if place in x.name or place in x.aliases], [x.name for x in locs]


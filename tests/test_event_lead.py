"""The article's main incident comes first, and it is placed (issue 9, who/where/when of the
first event): the lead tells the headline's incident, so

- a reaction or a background event told before it in the lead ("X condemned the strike that
  killed ...", "The UN condemned the violence. Fighters stormed a village ...") does not take
  first place from the incident the headline tells;
- the lead's event with no place of its own happens where the headline places it, else (no
  attack: a dateline is where the reporter files from) where the article is filed from.

Articles written for these tests, from several wars.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, kind, place", [
    ("Russian missile strike kills 14 in Dnipro\n\nPresident Volodymyr Zelensky condemned on Sunday "
     "a Russian missile strike that killed 14 people in an apartment block in Dnipro.", "ASSAULT", "Dnipro"),
    ("RSF fighters attack village in North Darfur\n\nThe United Nations condemned the violence on Friday. "
     "Rapid Support Forces fighters stormed a village near Mellit on Thursday, killing 23 people, "
     "residents said.", "ASSAULT", "Mellit"),
    ("Israeli air strike kills eight in Rafah\n\nHamas accused Israel of a massacre on Tuesday. An "
     "Israeli air strike hit a house in Rafah, killing eight members of one family, medics said.",
     "ASSAULT", "Rafah"),
    ("Army arrests opposition leader in Niamey\n\nThe opposition denounced the move as illegal. Soldiers "
     "arrested the opposition leader at his home in Niamey on Monday, his party said.", "COERCE", "Niamey"),
    ("Junta jets bomb Kachin village\n\nA rebel spokesman accused the military of war crimes. Military "
     "jets bombed a village in Kachin state on Monday, killing 28 people, the rebels said.", "ASSAULT", "Kachin"),
    ("Bandits abduct 40 pupils in Kaduna\n\nThe governor vowed to rescue the children. Gunmen abducted "
     "40 pupils from a school in Kaduna state on Thursday, police said.", None, "Kaduna"),
    ("Drone attack hits Aden airport\n\nThe government blamed the Houthis. A drone struck the airport in "
     "Aden on Saturday, wounding four workers, officials said.", "ASSAULT", "Aden"),
    ("Ethiopian troops seize town in Amhara\n\nFano militia leaders rejected the government's account. "
     "Federal troops captured the town of Lalibela on Sunday, residents said.", "COERCE", "Lalibela"),
    ("Shelling kills five in Bukavu\n\nThe governor appealed for calm. Mortar shells hit a market in "
     "Bukavu on Wednesday, killing five people, a local official said.", "ASSAULT", "Bukavu"),
    ("Gunmen kill 20 in Syrian coastal village\n\nThe interior ministry denied the reports. Gunmen "
     "killed 20 civilians in a village near Baniyas on Friday, a monitor said.", "ASSAULT", None),
])
def test_the_headlines_incident_comes_before_the_reaction_told_first(events, text, kind, place):
    evs = events(text)
    assert len(evs) >= 2                        # the reaction is kept, after the incident
    first = evs[0]
    assert first.type == (kind or first.type) and first.type in ("ASSAULT", "COERCE")
    if place:
        assert first.location == place
    assert any(e.type in ("ACCUSE", "REJECT", "REQUEST", "AGREE", "THREATEN") for e in evs[1:])


def test_the_lead_that_tells_two_acts_keeps_its_own_order(events):
    evs = events("Police arrest dozens as crowds march in Harare\n\nThousands of people marched through "
                 "Harare on Saturday against price rises, and police later arrested 40 people after "
                 "clashes near parliament, a rights group said.")
    types = [e.type for e in evs]
    assert "PROTEST" in types and "COERCE" in types
    assert types.index("PROTEST") < types.index("COERCE")


@pytest.mark.parametrize("text, place", [
    ("Thousands protest in Khartoum against army rule\n\nCrowds marched on Thursday to demand civilian "
     "government, activists said.", "Khartoum"),
    ("Police detain dozens in Bamako\n\nSecurity forces arrested 30 people on Friday after a banned "
     "opposition meeting, lawyers said.", "Bamako"),
    ("Aid convoy reaches Khan Younis\n\nForty trucks carrying food and medicine arrived on Tuesday, "
     "the UN said.", "Khan Younis"),
    ("Junta imposes curfew in Mandalay\n\nThe military authorities banned gatherings of more than five "
     "people on Saturday, state media said.", "Mandalay"),
    ("Students march in Kano over fuel prices\n\nHundreds of students took to the streets on Monday, "
     "blocking a highway, police said.", "Kano"),
    ("Prisoners freed in Sanaa swap\n\nThe Houthis released 40 detainees on Sunday in exchange for "
     "captured fighters, the Red Cross said.", "Sanaa"),
    ("Hundreds rally in Beirut over blast probe\n\nRelatives of the victims demonstrated outside the "
     "justice ministry on Wednesday, witnesses said.", "Beirut"),
    ("Police raid opposition offices in Addis Ababa\n\nOfficers searched the party's headquarters and "
     "seized computers on Friday, a party official said.", "Addis Ababa"),
    ("Soldiers arrest journalists in Goma\n\nMilitary police detained four reporters on Tuesday, their "
     "union said.", "Goma"),
    ("Women protest in Kabul over school ban\n\nDozens of women chanted slogans on Sunday, demanding the "
     "reopening of girls' schools, witnesses said.", "Kabul"),
    ("Government delivers food aid in Mekelle\n\nThe authorities distributed wheat to 20,000 residents "
     "on Thursday, officials said.", "Mekelle"),
])
def test_the_leads_event_with_no_place_is_where_the_headline_places_it(events, text, place):
    first = events(text)[0]
    assert first.location == place
    assert first.location_scope == "headline"
    assert first.lat is not None and first.country


def test_the_leads_own_place_wins_over_the_headlines(events):
    first = events("Police arrest dozens in Lagos\n\nOfficers arrested 25 people in Abuja on Monday "
                   "after a protest, police said.")[0]
    assert first.location == "Abuja"


def test_a_statement_told_after_the_headlines_incident_is_not_placed_by_the_headline(events):
    evs = events("Clashes erupt in Tripoli\n\nThe UN mission called on Tuesday for an immediate ceasefire.")
    asked = [e for e in evs if e.type == "REQUEST"]
    assert asked and asked[0].location is None


@pytest.mark.parametrize("text, place", [
    ("Ministers adopt new sanctions\n\nBRUSSELS (Reuters) - European Union ministers on Monday adopted "
     "new sanctions against Belarus.", "Brussels"),
    ("Opposition figure detained\n\nNAIROBI (Reuters) - Police arrested an opposition senator on "
     "Friday, his lawyer said.", "Nairobi"),
])
def test_the_leads_event_with_no_place_is_filed_from_the_dateline(events, text, place):
    first = events(text)[0]
    assert first.location == place and first.location_scope == "dateline"


def test_an_attack_in_the_lead_is_not_placed_by_the_dateline(events):
    evs = events("Drones hit power plant\n\nKYIV (Reuters) - Russian drones struck a power plant "
                 "overnight, cutting electricity to thousands, officials said.")
    assert evs and evs[0].type == "ASSAULT" and evs[0].location != "Kyiv"


def test_an_attack_told_first_is_not_displaced_by_another_act_of_the_headline(events):
    evs = events("Rebels claim drone attack on Goma airport; passengers evacuated\n\nM23 rebels said on "
                 "Friday they had struck Goma airport with two drones, damaging a cargo plane.\n\nAirport "
                 "staff evacuated hundreds of passengers from the terminal, a local official said.")
    assert evs and evs[0].type == "ASSAULT"

"""Dates of events (issue 9, class 8): the day of the same occasion told in a neighbouring
sentence, "the same day", the day of the clause the event is told in (not another clause's),
the statement's day when the text gives no other, and no day at all for background events.

Sentences written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Sunday 04-28, Saturday 04-27, Friday 04-26, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from sitrep.dates import DateResolver

PUBLISHED = "2024-05-02"
DAY = {"Monday": "2024-04-29", "Tuesday": "2024-04-30", "Wednesday": "2024-05-01",
       "Friday": "2024-04-26", "Saturday": "2024-04-27", "Sunday": "2024-04-28"}


@pytest.fixture
def events(analyse):
    def run(text):
        return analyse(text, PUBLISHED).events
    return run


def _of(evs, *types, starting=None):
    found = [e for e in evs if e.type in types and (starting is None or e.evidence.startswith(starting))]
    assert found, [(e.type, e.trigger, e.date, e.evidence[:30]) for e in evs]
    return found[0]


# ---- a later sentence about the same occasion gives the day -------------------------------

@pytest.mark.parametrize("text, day", [
    ("Soldiers killed 19 gunmen in a shootout, the ministry said. The confrontation occurred "
     "Monday on the outskirts of Culiacan.", "Monday"),
    ("Fierce clashes erupted in Tripoli between two militias, killing 27. The clashes took place "
     "in several districts on Sunday night.", "Sunday"),
    ("A drone strike killed five fighters near Marib, officials said. The strike happened on "
     "Saturday.", "Saturday"),
    ("Gunmen killed 12 villagers in Zamfara state, police said. The attack occurred on Friday "
     "evening.", "Friday"),
    ("Paramilitary shelling killed nine people in El Fasher, medics said. The shelling began on "
     "Tuesday.", "Tuesday"),
    ("An air strike killed seven civilians in Idlib, rescuers said. The raid took place on "
     "Monday morning.", "Monday"),
    ("Militants ambushed a convoy in Borno, killing ten soldiers. The ambush happened on "
     "Sunday.", "Sunday"),
    ("Jihadists attacked an army post near Djibo, killing 14 troops. The assault was carried out "
     "on Saturday.", "Saturday"),
    ("Rebels shelled a camp near Goma, killing six. The bombardment occurred on Wednesday.",
     "Wednesday"),
    ("A suicide bombing killed 11 people at a market in Mogadishu. The blast happened on "
     "Friday.", "Friday"),
])
def test_an_incident_takes_the_day_a_later_sentence_gives_it(events, text, day):
    e = _of(events(text), "ASSAULT", starting=text[:15])
    assert e.date == DAY[day], (e.trigger, e.date)


@pytest.mark.parametrize("text", [
    "Soldiers killed 19 gunmen in a shootout, the ministry said. Before the shootout, troops had "
    "searched the village on Monday.",
    "A drone strike killed five fighters near Marib. Since the strike, residents have fled, a "
    "local official said on Saturday.",
    "Gunmen killed 12 villagers in Zamfara state. After the attack, police arrested two men on "
    "Friday.",
    "Paramilitary shelling killed nine people in El Fasher. Militias attacked a convoy on "
    "Tuesday.",
    "An air strike killed seven civilians in Idlib. A second raid hit a bakery on Monday.",
    "Militants ambushed a convoy in Borno, killing ten soldiers. Troops repelled another attack "
    "on Sunday.",
    "Jihadists attacked an army post near Djibo. Before the assault, the army had sent "
    "reinforcements on Saturday.",
    "Rebels shelled a camp near Goma, killing six. Aid agencies resumed work on Wednesday.",
    "A car bomb killed 11 people in Mogadishu. Gunmen stormed a hotel in Kismayo on Friday.",
    "An explosion killed four soldiers near Tal Afar. Another bomb exploded in Mosul on Monday.",
])
def test_a_day_of_another_incident_or_time_is_not_taken(events, text):
    e = _of(events(text), "ASSAULT", starting=text[:15])
    assert e.date is None, (e.trigger, e.date)


# ---- "in the second incident", "at the scene": the day of the incident told before -------

@pytest.mark.parametrize("text, day, etype", [
    ("Militants attacked two checkpoints in Bannu on Friday, the army said. In the second "
     "incident, a roadside bomb exploded near a convoy in Lakki Marwat, killing two soldiers.",
     "Friday", "ASSAULT"),
    ("Troops clashed with gunmen near Culiacan on Monday, killing 19. Rifles and grenades were "
     "seized at the scene.", "Monday", "COERCE"),
    ("A drone hit a fuel depot in Bryansk on Sunday, the governor said. In the second "
     "incident, a drone exploded over a substation in Kursk.", "Sunday", "ASSAULT"),
    ("Police clashed with protesters in Dakar on Saturday. Dozens of people were arrested at the "
     "scene.", "Saturday", "COERCE"),
    ("Gunmen attacked a church in Kaduna state on Sunday, killing four worshippers. Two suspects "
     "were detained at the scene.", "Sunday", "COERCE"),
    ("Al-Shabaab attacked two army bases in Lower Shabelle on Tuesday. In the second incident, "
     "fighters stormed a base near Afgoye, killing six soldiers.", "Tuesday", "ASSAULT"),
    ("Soldiers fought rebels near Rutshuru on Wednesday, killing eight. Weapons were seized at "
     "the scene.", "Wednesday", "COERCE"),
    ("Israeli jets struck two houses in Rafah on Friday, medics said. In the first incident, a "
     "missile killed five members of one family in Tel al-Sultan.", "Friday", "ASSAULT"),
    ("Jihadists attacked two villages near Mopti on Saturday. In the second incident, gunmen "
     "burned homes and killed nine people in Bankass.", "Saturday", "ASSAULT"),
    ("Security forces raided a militant hideout in Quetta on Monday, killing three. Explosives "
     "were recovered from the scene.", "Monday", "COERCE"),
])
def test_an_event_told_at_an_incident_takes_its_day(events, text, day, etype):
    second = text.split(". ", 1)[1][:15]
    e = _of(events(text), etype, starting=second)
    assert e.date == DAY[day], (e.trigger, e.date)


# ---- "on the same day" --------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("On May 9, drones hit two oil depots in Krasnodar. On the same day, a drone struck a "
     "refinery in Bashkortostan.", "2024-05-09"),
    ("Rebels shelled Goma on April 20. The same day, a bomb exploded in Bukavu.", "2024-04-20"),
    ("Jets struck Rafah on Monday. On the same day, tanks shelled Khan Younis.", DAY["Monday"]),
    ("Gunmen attacked Bannu on Friday. That same night, militants raided a post in Lakki "
     "Marwat.", DAY["Friday"]),
    ("The army bombed Kutkai on April 25. On that very day, rebels seized a base in Lashio.",
     "2024-04-25"),
    ("Houthis fired missiles at a ship on Sunday. On the same day, US jets struck Hodeidah.",
     DAY["Sunday"]),
    ("Militias clashed in Tripoli on April 14.\n\nThey fired rockets.\n\nOn the same day, "
     "gunmen attacked a checkpoint in Zawiya.", "2024-04-14"),
    ("Al-Shabaab attacked Mahaday on Tuesday. That same day, a bomb killed three in "
     "Mogadishu.", DAY["Tuesday"]),
    ("Drones struck Kharkiv on April 27. The same night, missiles hit Odesa.", "2024-04-27"),
    ("Boko Haram raided Monguno on Saturday. On the same day, the army bombed a camp near "
     "Lake Chad.", DAY["Saturday"]),
])
def test_the_same_day_is_the_day_told_before(events, text, value):
    r = DateResolver(PUBLISHED)
    from sitrep.nlp import get_nlp

    mentions = r.mentions(get_nlp()(text))
    same = [m for m in mentions if "same" in m.text.lower() or "that" in m.text.lower()]
    assert same and same[0].value == value, [(m.text, m.value) for m in mentions]
    later = [e for e in events(text) if e.type == "ASSAULT" and e.evidence.startswith(("On the same",
             "The same", "That same", "On that", "On the"))]
    assert all(e.date == value for e in later), [(e.trigger, e.date) for e in later]


def test_the_same_day_with_no_day_told_before_is_no_day():
    from sitrep.nlp import get_nlp

    mentions = DateResolver(PUBLISHED).mentions(get_nlp()("On the same day, a drone struck a depot."))
    assert [m.value for m in mentions] == [None]


# ---- the day of the event's own clause, not another clause's ------------------------------

@pytest.mark.parametrize("text, day", [
    ("The group on Tuesday claimed responsibility for an attack on soldiers in Kirkuk late on "
     "Sunday.", "Sunday"),
    ("JNIM on Wednesday claimed responsibility for an ambush on a convoy near Gao on Monday.",
     "Monday"),
    ("Hamas on Friday claimed responsibility for a rocket attack on Ashkelon on Wednesday.",
     "Wednesday"),
    ("The Arakan Army on Monday claimed responsibility for an assault on a base in Buthidaung on "
     "Saturday.", "Saturday"),
    ("Al-Shabaab on Tuesday claimed responsibility for the bombing of a hotel in Mogadishu on "
     "Sunday.", "Sunday"),
    ("Islamic State on Wednesday claimed responsibility for a raid on a checkpoint in Diyala late "
     "on Monday.", "Monday"),
    ("The Houthis on Sunday claimed responsibility for a drone attack on a tanker on Friday.",
     "Friday"),
    ("ISWAP on Tuesday claimed responsibility for an ambush on troops in Borno on Saturday.",
     "Saturday"),
    ("The TTP on Wednesday claimed responsibility for a suicide attack on a police station on "
     "Monday.", "Monday"),
    ("M23 on Friday claimed responsibility for an attack on army positions near Sake on "
     "Tuesday.", "Tuesday"),
])
def test_a_claimed_attack_takes_its_own_day_not_the_claims(events, text, day):
    e = _of(events(text), "ASSAULT")
    assert e.date == DAY[day], (e.trigger, e.date)


@pytest.mark.parametrize("text", [
    "Russia launched an offensive on February 24, after the separatists appealed for help.",
    "The army began an operation on Monday, after village elders asked for protection.",
    "Israel opened a crossing on Sunday, after the UN demanded access for aid convoys.",
    "Troops entered the town on Friday, after residents called for help against the gunmen.",
    "The government declared a curfew on Saturday, after protesters demanded the president's "
    "resignation.",
    "Kenya deployed police to Haiti on Tuesday, after the council requested more officers.",
    "The junta expelled the envoy on Wednesday, after France urged a return to civilian rule.",
    "Sudan's army resumed talks on Monday, after mediators appealed for a truce.",
    "Nigeria sent troops on Friday, after the governor asked for reinforcements.",
    "Ethiopia sealed the border on Sunday, after Eritrea demanded the withdrawal of its troops.",
])
def test_an_act_in_an_after_clause_is_not_dated_by_the_main_clause(events, text):
    for e in events(text):
        if e.type in ("REQUEST",):
            assert e.date is None, (e.trigger, e.date)


@pytest.mark.parametrize("text", [
    "According to local sources cited in Monday's issue of a weekly, the rebels occupied the "
    "roads to Macomia.",
    "According to Sunday's edition of the paper, militants seized two villages near Palma.",
    "As Tuesday's bulletin of the agency reported, gunmen abducted 20 pupils in Kaduna.",
    "Citing Friday's report of the monitor, residents said troops detained 30 men in Sagaing.",
    "According to Saturday's statement of the group, fighters seized a base near Kidal.",
    "As Wednesday's issue of the daily put it, the army arrested 12 protesters in Khartoum.",
    "According to Monday's edition of the newspaper, Houthis seized a ship off Hodeidah.",
    "Citing Sunday's briefing of the mission, officials said rebels captured a town near Goma.",
    "According to Tuesday's bulletin of the ministry, police detained 40 people in Dakar.",
    "As Friday's edition of the weekly reported, militants occupied a school in Borno.",
])
def test_a_day_that_belongs_to_another_noun_does_not_date_the_event(events, text):
    evs = [e for e in events(text) if e.type in ("COERCE", "ASSAULT")]
    assert evs and all(e.date is None for e in evs), [(e.type, e.trigger, e.date) for e in evs]


# ---- the statement's day dates the event when nothing else does ---------------------------

@pytest.mark.parametrize("text, day", [
    ("Two soldiers were killed when militants attacked a checkpoint, the army said on Friday.",
     "Friday"),
    ("Rebels shelled a camp near Goma, killing six, the UN said on Tuesday.", "Tuesday"),
    ("A drone strike killed three fighters near Marib, officials said on Sunday.", "Sunday"),
    ("Gunmen abducted 15 pupils from a school in Kaduna, police said on Monday.", "Monday"),
    ("Israeli jets struck a house in Rafah, killing five, medics said on Saturday.", "Saturday"),
    ("Paramilitaries shelled a hospital in El Fasher, doctors said on Wednesday.", "Wednesday"),
    ("Soldiers arrested 20 protesters in Niamey, rights groups said on Friday.", "Friday"),
    ("Al-Shabaab fighters attacked a base near Afgoye, the ministry said on Monday.", "Monday"),
    ("Militants bombed a railway line in Balochistan, officials said on Sunday.", "Sunday"),
    ("The army shelled villages in Sagaing, residents said on Tuesday.", "Tuesday"),
])
def test_the_statements_day_dates_the_event_when_the_text_gives_no_other(events, text, day):
    e = _of(events(text), "ASSAULT", "COERCE")
    assert e.date == DAY[day], (e.trigger, e.date)


# ---- undated events stay undated ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Over 60 people died last month in twin suicide bombings that targeted a mosque.",
    "The rebels, who disarmed in 2017, still hold parts of the south.",
    "Hundreds of people were killed in recent weeks in air strikes on villages.",
    "The town was abandoned by government forces late last year.",
    "Militants have attacked dozens of schools since early September.",
    "Forty people were killed earlier this month in an ambush on a convoy.",
    "Gunmen kidnapped 300 pupils in Kaduna in March.",
    "The army withdrew from the border region last year.",
    "Twelve soldiers were killed in recent days in attacks on outposts.",
    "Jihadists seized the town in 2012 before French troops drove them out.",
])
def test_a_background_event_takes_no_neighbouring_day(events, text):
    story = "Gunmen attacked a police station in Bannu on Friday, killing three officers. "
    later = [e for e in events(story + text) if e.evidence.startswith(text[:15])]
    assert all(e.date is None for e in later), [(e.type, e.trigger, e.date) for e in later]


# ---- "hours before the army was targeted": the day of the incident told before -----------

@pytest.mark.parametrize("text, day", [
    ("Militants attacked an army post in Kirkuk on Tuesday, killing two soldiers. Hours before "
     "the post was targeted, rockets hit a Peshmerga base near Makhmour.", "Tuesday"),
    ("Israeli jets struck a house in Rafah on Sunday, killing six. Hours later, tanks shelled "
     "a school in Khan Younis.", "Sunday"),
    ("Gunmen stormed a hotel in Mogadishu on Friday. Minutes after the assault began, a car "
     "bomb exploded outside the gate.", "Friday"),
    ("Russian missiles hit Kharkiv on Saturday, killing four. Hours later, drones struck a "
     "substation in Sumy.", "Saturday"),
    ("The RSF shelled El Fasher on Monday, killing 12. Hours after the shelling, drones hit a "
     "market in Kabkabiya.", "Monday"),
    ("Houthi forces fired missiles at a tanker on Wednesday. Hours later, US jets struck radar "
     "sites near Hodeidah.", "Wednesday"),
    ("Jihadists ambushed a convoy near Djibo on Sunday, killing 14. Hours before the ambush, "
     "gunmen attacked a village near Arbinda.", "Sunday"),
    ("M23 rebels shelled Sake on Tuesday, killing three. Hours later, the army bombed rebel "
     "positions near Kitshanga.", "Tuesday"),
    ("Militants bombed a police station in Bannu on Friday. Minutes later, gunmen opened fire "
     "on a checkpoint in Lakki Marwat.", "Friday"),
    ("Al-Shabaab attacked a base near Afgoye on Saturday. Hours later, a roadside bomb killed "
     "four soldiers near Wanlaweyn.", "Saturday"),
])
def test_hours_before_or_after_an_incident_is_its_day(events, text, day):
    second = text.split(". ", 1)[1][:12]
    e = _of(events(text), "ASSAULT", starting=second)
    assert e.date == DAY[day], (e.trigger, e.date)


# ---- an act of the same raid told in the next sentence, at the same place -----------------

@pytest.mark.parametrize("text, day", [
    ("Insurgents killed ten people during an attack on the town of Macomia on Friday. The "
     "insurgents occupied the main roads to Macomia.", "Friday"),
    ("Gunmen killed 12 villagers in an attack on Kadisau on Sunday. The gunmen looted 30 "
     "shops in Kadisau.", "Sunday"),
    ("Fighters killed four soldiers in a raid on the town of Mahaday on Tuesday. The fighters seized "
     "weapons in Mahaday.", "Tuesday"),
    ("Jihadists killed nine civilians in an assault on the village of Seytenga on Saturday. The jihadists "
     "looted shops in Seytenga.", "Saturday"),
    ("Rebels shelled Kamanyola on Monday, killing five. The rebels captured a hill near "
     "Kamanyola.", "Monday"),
    ("Militiamen killed six people in a raid on the town of Kuriga on Wednesday. The militiamen seized "
     "the school in Kuriga.", "Wednesday"),
    ("Paramilitaries shelled Sennar on Friday, killing eight. The paramilitaries looted the "
     "market in Sennar.", "Friday"),
    ("Bandits killed 15 farmers in an attack on Bakura on Sunday. The bandits stole cattle "
     "in Bakura.", "Sunday"),
    ("Soldiers killed 11 fighters in a raid on the town of Mindat on Tuesday. The soldiers detained 20 "
     "men in Mindat.", "Tuesday"),
    ("Al-Shabaab killed seven soldiers in an attack on the town of Mahaas on Saturday. The fighters "
     "seized two trucks in Mahaas.", "Saturday"),
])
def test_an_act_of_the_same_raid_in_the_next_sentence_takes_its_day(events, text, day):
    second = text.split(". ", 1)[1][:12]
    e = _of(events(text), "COERCE", "ASSAULT", starting=second)
    assert e.date == DAY[day], (e.type, e.trigger, e.date)


# ---- a statement of the meeting's people right after it ------------------------------------

@pytest.mark.parametrize("text, day", [
    ("Prime Minister Dbeibah met with elders of Zawiya on Wednesday. Dbeibah and the elders "
     "agreed that the fighting must end.", "Wednesday"),
    ("President Tshisekedi held talks with Rwandan officials in Luanda on Monday. Tshisekedi "
     "rejected any deal that left M23 in Goma.", "Monday"),
    ("General Burhan met UN envoy Lamamra in Port Sudan on Sunday. Burhan agreed to open the "
     "Adre crossing.", "Sunday"),
    ("President Ruto met opposition leaders in Nairobi on Tuesday. Ruto and the leaders agreed "
     "to form a joint committee.", "Tuesday"),
    ("Foreign Minister Sybiha held talks with Turkish officials in Ankara on Friday. Sybiha "
     "asked Ankara for more air defence.", "Friday"),
    ("President Zelensky met Polish leaders in Warsaw on Saturday. Zelensky and the leaders "
     "agreed on a new aid package.", "Saturday"),
    ("Premier Hamdok met rebel commanders in Juba on Monday. Hamdok urged the commanders to "
     "sign the deal.", "Monday"),
    ("President Faye met religious leaders in Dakar on Wednesday. Faye and the leaders agreed "
     "to hold a national dialogue.", "Wednesday"),
    ("Minister Lavrov held talks with Chinese officials in Beijing on Tuesday. Lavrov rejected "
     "calls for a ceasefire.", "Tuesday"),
    ("Emir Tamim met Hamas negotiators in Doha on Sunday. Tamim urged the negotiators to "
     "accept the proposal.", "Sunday"),
])
def test_a_statement_of_the_meetings_people_right_after_it_takes_its_day(events, text, day):
    second = text.split(". ", 1)[1][:12]
    e = _of(events(text), "AGREE", "REJECT", "REQUEST", starting=second)
    assert e.date == DAY[day], (e.type, e.trigger, e.date)


def test_explain_says_where_a_borrowed_day_came_from(analyse):
    an = analyse("Soldiers killed 19 gunmen in a shootout, the ministry said. The confrontation "
                 "occurred Monday on the outskirts of Culiacan.", PUBLISHED)
    coded = [t for t in an.trace if t.event is not None and t.event.type == "ASSAULT"
             and t.outcome == "coded"]
    assert coded and coded[0].event.date == DAY["Monday"]
    assert "date: a later sentence about the same incident" in coded[0].reason


# ---- the deciding side's statement about "the measures" just decided -----------------------

@pytest.mark.parametrize("text, day", [
    ("The US Treasury imposed sanctions on two oil firms on Tuesday. Treasury Secretary Yellen "
     "said the measures aimed to cut Moscow's revenue and urged a ceasefire.", "Tuesday"),
    ("The EU imposed sanctions on RSF commanders on Monday. EU foreign policy chief Borrell said "
     "the sanctions targeted the sieges, and urged talks.", "Monday"),
    ("Britain sanctioned three Israeli settlers on Friday. British Foreign Secretary Cameron said "
     "the measures were overdue and urged Israel to act.", "Friday"),
    ("Canada imposed sanctions on Haitian gang leaders on Wednesday. Canadian Foreign Minister "
     "Joly said the sanctions target the violence and called for elections.", "Wednesday"),
    ("The US Treasury sanctioned Houthi shipping firms on Sunday. Treasury official Nelson said "
     "the designations disrupt the group's funding and called on Iran to stop.", "Sunday"),
    ("The EU imposed sanctions on Wagner leaders on Saturday. EU envoy Kallas said the measures "
     "were a warning and urged Mali to cut its ties.", "Saturday"),
    ("Japan imposed sanctions on Russian banks on Tuesday. Japanese Prime Minister Kishida said "
     "the sanctions targeted war funding and urged Moscow to withdraw.", "Tuesday"),
    ("The US sanctioned two Sudanese generals on Monday. US envoy Perriello said the measures "
     "were a first step and called for talks in Jeddah.", "Monday"),
    ("Britain imposed sanctions on Myanmar's air force suppliers on Friday. British minister "
     "Mitchell said the sanctions target the air strikes and urged an end to them.", "Friday"),
    ("The US Treasury sanctioned Hamas financiers on Wednesday. Treasury official Adeyemo said "
     "the designations cut the group's funding and urged allies to act.", "Wednesday"),
])
def test_the_deciding_sides_statement_about_the_measures_takes_its_day(events, text, day):
    second = text.split(". ", 1)[1][:12]
    e = _of(events(text), "REQUEST", starting=second)
    assert e.date == DAY[day], (e.type, e.trigger, e.actor, e.date)


def test_another_sides_reaction_to_the_measures_is_not_dated_by_them(events):
    evs = events("The US Treasury imposed sanctions on two oil firms on Tuesday. Russia said the "
                 "measures were illegal and demanded their withdrawal.")
    later = [e for e in evs if e.evidence.startswith("Russia said")]
    assert all(e.date is None for e in later), [(e.type, e.date) for e in later]

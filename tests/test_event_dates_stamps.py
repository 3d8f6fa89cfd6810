"""Live blogs and feeds of short items (issue 9, class 8): the day told by a stamp line ("Tuesday,
30 April", "30 Apr 2024 16:50", "These are the updates for Tuesday, April 30:") is the day of
the entries under it, up to the next stamp that tells a day; their relative days ("earlier
today", "overnight", "yesterday") count from it. A blog stamped with times only, a single date
line under a byline, and a background event ("in 2014", "last month") get no stamp day.

Texts written for these tests, from several wars. Published on Thursday 2 May 2024:
Monday is 2024-04-29, Tuesday 04-30, Wednesday 05-01.
"""
from __future__ import annotations

import pytest

from support import starting_with as _starting


def _blog(*entries: str) -> str:
    return "Live: the latest on the fighting\n\n" + "\n\n".join(entries)


# (a live blog or feed, the start of an entry's sentence, the day of its stamp)
STAMPED = [
    (_blog("Tuesday, 30 April", "09:10 GMT - Drones hit Kherson\nRussian drones hit a bus depot in "
           "Kherson, the regional governor said.", "Wednesday, 1 May", "10:20 GMT - Strike in "
           "Sumy\nA glide bomb struck a school in Sumy.", "11:00 GMT - Arrests\nPolice arrested "
           "two saboteurs in Odesa."), "Russian drones hit", "2024-04-30"),
    (_blog("Tuesday, 30 April", "08:00 GMT - Camp shelled\nRSF fighters shelled the Abu Shouk camp "
           "near El Fasher, medics said.", "Wednesday, 1 May", "09:30 GMT - Market hit\nArmy "
           "aircraft bombed a market in Nyala.", "12:15 GMT - Talks\nThe two sides met in Jeddah."),
     "Army aircraft bombed", "2024-05-01"),
    (_blog("30 Apr 2024 16:50\nIsraeli aircraft struck a house in Deir al-Balah, killing four people.",
           "30 Apr 2024 12:05\nHamas fighters fired mortars at troops near the Netzarim corridor.",
           "29 Apr 2024 22:40\nIsraeli troops arrested eight men in Tulkarm."),
     "Israeli troops arrested", "2024-04-29"),
    (_blog("These are the updates for Tuesday, April 30:\nHezbollah fires rockets at an army post in "
           "the Galilee, the Israeli military says.", "17:40 GMT - Strike on Nabatieh\nAn Israeli "
           "drone struck a car near Nabatieh.", "15:05 GMT - Army deploys\nThe Lebanese army sent "
           "extra troops to the border.", "11:30 GMT - Talks\nThe French envoy met the speaker in "
           "Beirut."), "An Israeli drone struck", "2024-04-30"),
    (_blog("Monday 29 April 2024 07:45\nJunta aircraft bombed a village in Sagaing region, residents "
           "said.", "Monday 29 April 2024 11:20\nResistance fighters ambushed an army convoy near "
           "Myingyan.", "Tuesday 30 April 2024 09:00\nThe junta arrested a monk in Mandalay."),
     "Resistance fighters ambushed", "2024-04-29"),
    (_blog("Apr 30, 2024 06:10\nAl-Shabaab militants attacked a base near Beledweyne, officials said.",
           "Apr 30, 2024 09:35\nSomali troops repelled the assault.", "May 1, 2024 08:00\nA drone "
           "strike hit militants near Jilib."), "A drone strike hit", "2024-05-01"),
    (_blog("Tuesday, 30 April", "UPDATE 1 - 07:30: Gunmen killed 12 farmers in Zurak village, "
           "Plateau state, police said.", "UPDATE 2 - 10:05: Soldiers arrested four suspects.",
           "UPDATE 3 - 13:40: The governor imposed a curfew on the area."),
     "UPDATE 1 - 07:30: Gunmen killed", "2024-04-30"),
    (_blog("29 April: M23 rebels seized the town of Rubaya.\nThe army shelled rebel positions in "
           "Masisi.", "30 April: Rebels entered Nyabibwe.\nAid groups evacuated their staff.",
           "1 May: Talks opened in Doha."), "The army shelled", "2024-04-29"),
    (_blog("Wednesday, 1 May", "21:15 - Strike near Hodeidah\nUS and British aircraft struck a "
           "radar site near Hodeidah.", "18:20 - Ship hit\nHouthi forces fired a missile at a "
           "cargo ship in the Red Sea.", "Tuesday, 30 April", "22:00 - Protest\nThousands marched "
           "in Sanaa."), "Houthi forces fired", "2024-05-01"),
    (_blog("Tuesday, 30 April", "08:05 GMT - Gang attack\nGang members set fire to a police "
           "station in Port-au-Prince.", "10:40 GMT - Kenyan police\nKenyan officers patrolled the "
           "airport road.", "Wednesday, 1 May", "09:00 GMT - Curfew\nThe council extended the curfew."),
     "Gang members set fire", "2024-04-30"),
    (_blog("Monday, 29 April", "07:50 GMT - Pipeline blown up\nELN guerrillas blew up an oil "
           "pipeline in Arauca.", "09:15 GMT - Soldiers killed\nTwo soldiers were killed in an "
           "ambush in Cauca.", "Tuesday, 30 April", "08:00 GMT - Talks\nThe government suspended "
           "the talks."), "ELN guerrillas blew up", "2024-04-29"),
]


@pytest.mark.parametrize("text, start, day", STAMPED)
def test_an_entry_is_told_on_its_stamps_day(events, text, start, day):
    assert _starting(events(text), start).date == day


# relative days inside an entry count from the stamp's day, not from publication
RELATIVE = [
    (_blog("Tuesday, 30 April", "09:00 GMT - Overnight shelling\nRussian forces shelled Nikopol "
           "overnight, the governor said.", "11:00 GMT - Drone\nA drone hit a car in Kherson.",
           "Wednesday, 1 May", "08:00 GMT - Quiet night\nNo attacks were reported."),
     "Russian forces shelled", "2024-04-30"),
    (_blog("Tuesday, 30 April", "14:00 GMT - Toll rises\nIsraeli aircraft struck a school in "
           "Nuseirat earlier today, killing nine people.", "15:00 GMT - Aid\nTrucks entered at "
           "Kerem Shalom.", "Wednesday, 1 May", "08:00 GMT - Rafah\nTanks shelled eastern Rafah."),
     "Israeli aircraft struck", "2024-04-30"),
    (_blog("Wednesday, 1 May", "10:00 GMT - Raid\nJihadists attacked an army post near Djibo "
           "yesterday, killing 12 soldiers, the army said.", "12:00 GMT - Curfew\nThe junta "
           "imposed a curfew.", "Thursday, 2 May", "09:00 GMT - Funerals\nFamilies buried the dead."),
     "Jihadists attacked", "2024-04-30"),
]


@pytest.mark.parametrize("text, start, day", RELATIVE)
def test_relative_days_count_from_the_stamp(events, text, start, day):
    assert _starting(events(text), start).date == day


def test_a_blog_stamped_with_times_only_tells_no_day(events):
    """Times of day tell no day: an entry with no day of its own stays undated."""
    evs = events(_blog("09:12 GMT\nAn Israeli air strike hit a school in Gaza City, killing 14 "
                       "people, the civil defence agency said.", "10:05 GMT\nHamas fighters fired "
                       "an anti-tank missile at a tank in Khan Younis.", "11:40 GMT\nPolice "
                       "arrested 12 protesters in Jerusalem."))
    assert _starting(evs, "An Israeli air strike").date is None
    assert _starting(evs, "Police arrested").date is None


def test_a_single_date_line_under_a_byline_is_no_stamp(events):
    evs = events("ISWAP fighters attack army base in Borno\nBy a staff reporter\nMay 2, 2024\n\n"
                 "Islamic State fighters attacked a military base in Damboa on Tuesday, killing "
                 "five soldiers.\n\nThe governor condemned the attack and accused the federal "
                 "government of neglect.")
    assert _starting(evs, "Islamic State fighters").date == "2024-04-30"
    accused = [e for e in evs if e.type == "ACCUSE"]
    assert accused and all(e.date is None for e in accused)


def test_a_background_event_under_a_stamp_stays_undated(events):
    """"seized the town in 2014", "last month's strike": told of another time."""
    evs = events(_blog("Tuesday, 30 April", "09:00 GMT - Mosul\nIslamic State fighters seized "
                       "the town of Sinjar in 2014.", "10:00 GMT - Strike\nLast month's strike on "
                       "the hospital killed four nurses.", "Wednesday, 1 May", "08:00 GMT - "
                       "Talks\nThe envoys met in Baghdad."))
    assert _starting(evs, "Islamic State fighters").date is None
    assert all(e.date is None for e in evs if e.evidence.startswith("Last month"))


def test_explain_says_the_day_came_from_the_stamp(analyse):
    from sitrep.cli.explain import explain_article

    an = analyse(STAMPED[0][0], "2024-05-02")
    assert _starting(an.events, "Russian drones hit").date == "2024-04-30"
    assert "the day of the live-blog stamp above it" in "\n".join(explain_article(an))


def test_the_stamps_are_read_on_lines_the_cleaner_blanked():
    """A date-and-time line alone ("30 Apr 2024 16:50") may be judged boilerplate and blanked;
    the resolver reads it in the article's own text through the offset map."""
    from sitrep.clean import clean
    from sitrep.dates import DateResolver
    from sitrep.nlp import parse

    text = STAMPED[2][0]
    cl = clean(text)
    r = DateResolver("2024-05-02", text, cl.offsets)
    r.mentions(parse(cl.text))
    at = cl.text.find("Israeli troops arrested")
    assert r.stamp_day(at) == "2024-04-29"
    assert r.stamp_day(cl.text.find("Israeli aircraft struck")) == "2024-04-30"

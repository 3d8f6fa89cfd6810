"""A week or a month without a day ("last week", "in October"): the event's `date` stays null,
its `date_period` names the period (ISO 8601), and the ACLED CSV gives it time_precision 2 or 3
with event_date at the period's first day. Own sentences, several wars."""
from __future__ import annotations

import csv

import pytest

from sitrep.dates import DateResolver, period_of, period_start
from sitrep.pipeline import extract
from sitrep.record import Article
from sitrep.store import open_db
from sitrep.store.export import export

PUB = "2024-11-06"            # a Wednesday of ISO week 45 (Monday 2024-11-04)

WEEK = [  # (sentence, ISO week)
    ("Sudanese army jets bombed a market in El Fasher last week, killing 12 people.", "2024-W44"),
    ("Israeli strikes hit a school in Gaza City earlier this week, health officials said.", "2024-W45"),
    ("Gunmen killed nine villagers in Zamfara state last week, police said.", "2024-W44"),
    ("Houthi fighters fired missiles at a tanker off Hodeidah this week.", "2024-W45"),
    ("Al-Shabaab militants attacked a military base near Mogadishu last weekend, killing five soldiers.", "2024-W44"),
    ("Myanmar junta aircraft bombed a village in Sagaing region last week, killing 20 civilians.", "2024-W44"),
    ("Protesters rallied in Beirut earlier this week against the power cuts.", "2024-W45"),
    ("M23 rebels shelled the outskirts of Goma last week, local officials said.", "2024-W44"),
    ("Jihadists ambushed a convoy of soldiers in Burkina Faso last week, killing 30.", "2024-W44"),
    ("Russian drones struck energy facilities in Odesa earlier this week.", "2024-W45"),
    ("Tigrayan forces clashed with Amhara militias in Raya last week.", "2024-W44"),
    ("Syrian government aircraft bombed Idlib last week, killing four people.", "2024-W44"),
]
MONTH = [  # (sentence, ISO month)
    ("Rebels attacked an army base near Gao in October, the army said.", "2024-10"),
    ("Russian missiles hit a power plant in Kharkiv in September, killing two workers.", "2024-09"),
    ("Gunmen abducted 40 students in Kaduna in early October.", "2024-10"),
    ("Israeli warplanes struck the southern suburbs of Beirut last month, killing 14 people.", "2024-10"),
    ("RSF fighters stormed the town of Wad Madani in late September.", "2024-09"),
    ("Thousands of protesters marched in Khartoum in October against military rule.", "2024-10"),
    ("Al-Shabaab fighters killed seven soldiers in Lower Shabelle in September.", "2024-09"),
    ("Myanmar's military shelled a camp for displaced people in Kachin state in October 2023, killing 29.",
     "2023-10"),
    ("Turkish drones struck Kurdish fighters near Kobani last month.", "2024-10"),
    ("ADF militants killed 25 villagers in North Kivu province in July.", "2024-07"),
    ("Ethiopian federal troops clashed with Fano militiamen in Gondar earlier this month.", "2024-11"),
]
NO_PERIOD = [  # a day, a stretch of time, or another time than the event's: no period
    ("Gunmen killed six people in Kaduna on Sunday, police said.", "2024-11-03"),
    ("Over the past few weeks, drones have struck Khartoum repeatedly.", None),
    ("Soldiers shelled the village in Sagaing after last week's ambush.", None),
]


def _events(text: str):
    return extract(Article(id="x", text=text, published=PUB, title=None)).events


@pytest.mark.parametrize("text,week", WEEK)
def test_a_week_without_a_day_is_kept_as_the_week(text, week):
    [ev] = _events(text)
    assert ev.date is None                       # the extraction's date slot is unchanged
    assert ev.date_period == week


@pytest.mark.parametrize("text,month", MONTH)
def test_a_month_without_a_day_is_kept_as_the_month(text, month):
    [ev] = _events(text)
    assert ev.date is None
    assert ev.date_period == month


@pytest.mark.parametrize("text,day", NO_PERIOD)
def test_a_day_a_stretch_or_another_time_is_no_period(text, day):
    evs = _events(text)
    assert evs
    assert all(e.date_period is None for e in evs)
    assert evs[0].date == day


def test_periods_count_from_the_publication_date_and_never_invent_a_year():
    def period(text, published):
        r = DateResolver(published)
        [m] = r._scan(text, lambda s, e: False)
        return period_of(m, r.published)
    assert period("in January", "2025-01-03") == "2025-01"
    assert period("in December", "2025-01-03") == "2024-12"     # the most recent December
    assert period("last month", "2025-01-03") == "2024-12"
    assert period("last week", "2025-01-01") == "2024-W52"      # ISO weeks cross the year
    assert period("in December", None) is None                  # no year invented
    assert period("in December 2021", None) == "2021-12"        # its own year is enough
    assert period("since December", "2025-01-03") is None
    assert period_start("2024-W44") == ("2024-10-28", "week")
    assert period_start("2024-02") == ("2024-02-01", "month")
    assert period_start("2024-13") is None and period_start(None) is None


def test_acled_csv_codes_a_month_as_precision_3_and_a_week_as_2(tmp_path):
    records = [extract(Article(id=f"a{i}", text=t, published=PUB, title=None, source="Wire",
                               url=f"https://wire.example/{i}"))
               for i, t in enumerate([MONTH[1][0], WEEK[0][0], NO_PERIOD[0][0], NO_PERIOD[1][0]])]
    st = open_db(tmp_path / "p.db")
    st.ingest_records(records)
    out = tmp_path / "acled.csv"
    export(st, "acled-csv", out)
    rows = {r["location"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    st.close()
    kharkiv, fasher, kaduna, khartoum = rows["Kharkiv"], rows["El Fasher"], rows["Kaduna"], rows["Khartoum"]
    assert (kharkiv["event_date"], kharkiv["time_precision"], kharkiv["date_basis"]) == ("2024-09-01", "3", "text-month")
    assert kharkiv["year"] == "2024"
    assert (fasher["event_date"], fasher["time_precision"], fasher["date_basis"]) == ("2024-10-28", "2", "text-week")
    assert (kaduna["event_date"], kaduna["time_precision"], kaduna["date_basis"]) == ("2024-11-03", "1", "text")
    assert (khartoum["event_date"], khartoum["time_precision"], khartoum["date_basis"]) == (PUB, "2", "publication")

"""The daily situation report: content, self-containment, escaping, and the `sitrep report` command."""
from __future__ import annotations

import re

import pytest

from _webcorpus import build_db
from sitrep.report import build_report, render_html, render_markdown
from sitrep.store import open_db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("report") / "corpus.db")


@pytest.fixture(scope="module")
def three_days(db):
    return build_report(open_db(str(db)), "2022-09-23", 3)


def test_events_are_grouped_by_region_with_every_source(three_days):
    regions = dict(three_days["regions"])
    assert set(regions) == {"Ukraine — Zaporizhzhia Oblast", "Russia — Moscow", "Ukraine — Kharkiv Oblast"}
    strike = regions["Ukraine — Zaporizhzhia Oblast"][0]
    assert {s["source"] for s in strike["sources"]} == {"Kyiv Daily", "Wire Service"}
    assert strike["attributions"] == ["local authorities", "regional governor"]


def test_disagreeing_casualty_figures_are_a_range_never_an_average(three_days):
    html = render_html(three_days)
    md = render_markdown(three_days)
    for text in (html, md):
        assert "3–5 (sources differ)" in text
        assert "4 (" not in text and "fatalities: 4" not in text


def test_one_day_report_only_covers_that_day(db):
    r = build_report(open_db(str(db)), "2022-09-21", 1)
    assert [region for region, _ in r["regions"]] == ["Russia — Moscow"]
    assert "Zaporizhzhia" not in render_markdown(r).split("## Notable quotes")[0]


def test_html_is_self_contained_with_chart_and_map(three_days):
    html = render_html(three_days)
    assert html.count("<svg") == 2 and 'class="land"' in html and 'class="marker"' in html
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "<link" not in html and "<script" not in html.replace("&lt;script", "")
    assert "@media print" in html


def test_hostile_text_is_escaped_in_both_formats(three_days):
    html = render_html(three_days)
    assert "<script>" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    md = render_markdown(three_days)
    assert "<script>" not in md and "<img" not in md


def test_quotes_are_listed_once_and_new_actors_named(db, three_days):
    texts = [q["text"] for q in three_days["quotes"]]
    assert texts.count("We will rebuild every house") == 1
    assert "Oleksandr Starukh" in {a["name"] for a in three_days["new_actors"]}
    # on the next day the governor is no longer new; the day's only new actor is
    next_day = {a["name"] for a in build_report(open_db(str(db)), "2022-09-23", 1)["new_actors"]}
    assert "Oleksandr Starukh" not in next_day and any(n.startswith("Mayor") for n in next_day)


@pytest.mark.slow
def test_report_command_writes_html_and_markdown(db, tmp_path, cli):
    out = tmp_path / "sitrep-2022-09-22.html"
    r = cli("report", "--db", db, "--date", "2022-09-22", "--days", "2", "--format", "html", "--out", out)
    assert r.returncode == 0, r.stderr
    assert out.read_text().startswith("<!doctype html>") and "Situation report" in out.read_text()
    r = cli("report", "--db", db, "--date", "2022-09-22", "--format", "md")
    assert r.returncode == 0 and r.stdout.startswith("# Situation report, 2022-09-22")
    bad = cli("report", "--db", db, "--date", "22/09/2022")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
    missing = cli("report", "--db", tmp_path / "nope.db")
    assert missing.returncode != 0 and "nope.db" in missing.stderr and "Traceback" not in missing.stderr


def test_regions_are_named_and_no_empty_parentheses(three_days):
    html, md = render_html(three_days), render_markdown(three_days)
    for text in (html, md):
        assert not re.search(r"\(\s*,|,\s*\)|\(\s*\)", text), re.findall(r".{30}\(\s*,.{10}|.{30},\s*\).{0}", text)
        assert "Ukraine — Zaporizhzhia Oblast" in text and "(UA)" not in text


def test_parenthesised_drops_missing_parts():
    from sitrep.report import parenthesised
    assert parenthesised(None, "2022-09-22") == "(2022-09-22)"
    assert parenthesised("acting mayor", "") == "(acting mayor)"
    assert parenthesised(None, " ") == ""


def test_chart_is_a_continuous_day_axis_with_gaps(db):
    r = build_report(open_db(str(db)), "2022-09-23", 3)
    days = [d for d, _ in r["chart"]]
    assert len(days) == 14 and days[-1] == "2022-09-23"                    # every day, none skipped
    import datetime as dt
    assert all((dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days == 1 for a, b in zip(days, days[1:]))
    assert any(n == 0 for _, n in r["chart"]) and any(n > 0 for _, n in r["chart"])


def test_report_does_not_import_the_web_app():
    import subprocess
    import sys
    code = "import sys, sitrep.report; print(any(m.startswith('sitrep.web') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_country_level_events_are_not_drawn_on_the_report_map(tmp_path):
    from conftest_pg import make_record, strike
    text = "Officials said drones attacked an airfield somewhere in Russia overnight. Item r."
    rec = make_record("r", "https://tass.example/r", "TASS", text, published="2022-09-22",
                      places=[("Russia", "RU", 61.52, 105.32)],
                      events=[dict(type="ASSAULT", mode="drone", actor="Ukraine", actor_country="UA",
                                   location="Russia", country="RU", date="2022-09-22")])
    rec.locations[0].kind = "country"
    st = open_db(tmp_path / "r.db")
    st.ingest_records([rec, strike("a", "Outlet A", 2)])
    r = build_report(st, "2022-09-22", 1)
    assert len(r["points"]) == 1 and "Zaporizhzhia" in r["points"][0]["label"]
    assert "Russia" in dict(r["regions"])                                   # still reported, by region
    st.close()


def test_a_region_is_named_with_its_country_even_when_the_event_summary_has_none(tmp_path, monkeypatch):
    """A merged event whose summary lost its country still reads "Ukraine — Donetsk Oblast"
    (its reports' country), in the report and in the ACLED export."""
    import csv

    from conftest_pg import make_record
    from sitrep.store import export as export_mod
    text = "Shelling killed two people in Kostiantynivka, officials said. Item k."
    rec = make_record("k", "https://kyiv.example/k", "Kyiv Daily", text, published="2022-09-22",
                      places=[("Kostiantynivka", "UA", 48.53, 37.71, [], "Donetsk Oblast")],
                      events=[dict(type="ASSAULT", mode="shelling", actor="Russia", actor_country="RU",
                                   target="civilians", target_sector="civilian", location="Kostiantynivka",
                                   country="UA", admin1="Donetsk Oblast", date="2022-09-22", fatalities=2)])
    st = open_db(tmp_path / "k.db")
    st.ingest_records([rec])
    with st.engine.begin() as conn:      # a cluster summary without a country
        conn.exec_driver_sql("UPDATE event_clusters SET country = NULL")
    r = build_report(st, "2022-09-22", 1)
    assert [region for region, _ in r["regions"]] == ["Ukraine — Donetsk Oblast"]
    out = tmp_path / "k.csv"
    export_mod.export(st, "acled-csv", out)
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["country"] == "Ukraine" and row["iso"] == "804" and row["actor2"] == "Civilians (Ukraine)"
    st.close()


def test_the_report_map_draws_the_provinces_of_its_countries_with_names(db, tmp_path, monkeypatch):
    import json

    from sitrep import admin1
    from sitrep.knowledge import Knowledge, use_knowledge

    def square(name, cc, lon, lat, r):
        ring = [[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]
        return {"type": "Feature", "properties": {"name": name, "iso_a2": cc, "longitude": lon, "latitude": lat},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}
    src = tmp_path / "ne.json"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        square("Zaporizhzhia", "UA", 35.5, 47.0, 1.6), square("Kharkiv", "UA", 36.5, 50.0, 1.0),
        square("Bavaria", "DE", 11.4, 48.9, 1.5)]}))
    monkeypatch.setenv(admin1.SOURCE_ENV, str(src))
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    with use_knowledge(Knowledge(files={})):
        html = render_html(build_report(open_db(str(db)), "2022-09-23", 3))
    drawn = re.findall(r'<path class="admin1" d="[^"]+"><title>([^<]+)</title>', html)
    assert set(drawn) == {"Zaporizhzhia", "Kharkiv"}                     # no Bavaria: no event in Germany
    assert re.search(r'<text class="admin1-label"[^>]*>Zaporizhzhia</text>', html)

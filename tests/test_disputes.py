"""What counts as sources that differ (`sitrep.store.link.differences`, one definition for the
store, the pages and the report): two tolls for one incident inside one article are a dispute;
two wordings of one party inside one article are not; different articles blaming different
parties still are. Records are built without NLP; the store links and summarises them."""
from __future__ import annotations

import pytest

from conftest_pg import FILLER, make_record
from sitrep.store import open_db
from sitrep.store.link import differences, differing_fields

# (war, place, actor, first toll, second toll, sentence giving the first, sentence giving the second)
TWO_TOLLS = [
    ("Mali", ("Boni", "ML", 15.03, -1.98), "JNIM", 12, 17,
     "Jihadists killed 12 villagers near Boni, the mayor said.", "A local official later put the toll at 17."),
    ("Sudan", ("El Geneina", "SD", 13.45, 22.44), "RSF", 40, 87,
     "The RSF killed at least 40 people in El Geneina.", "Activists said 87 bodies had been counted."),
    ("Gaza", ("Rafah", "PS", 31.28, 34.25), "Israeli forces", 9, 14,
     "An air strike on Rafah killed nine people, medics said.", "The health ministry said 14 had died."),
    ("Lebanon", ("Nabatieh", "LB", 33.38, 35.48), "Israeli forces", 3, 5,
     "A strike on Nabatieh killed three people.", "The state news agency reported five dead."),
    ("Myanmar", ("Sagaing", "MM", 21.88, 95.98), "junta", 21, 30,
     "A junta air strike in Sagaing killed 21 people.", "Residents said more than 30 were killed."),
    ("DR Congo", ("Sake", "CD", -1.57, 29.04), "M23", 6, 11,
     "M23 shelling of Sake killed six civilians.", "A hospital said it had received 11 bodies."),
    ("Yemen", ("Taiz", "YE", 13.58, 44.02), "Houthis", 2, 4,
     "Houthi shelling in Taiz killed two children.", "Local authorities said four people died."),
    ("Syria", ("Idlib", "SY", 35.93, 36.63), "Syrian government forces", 7, 10,
     "Government shelling of Idlib killed seven people.", "Rescuers said ten had been killed."),
    ("Somalia", ("Baidoa", "SO", 3.11, 43.65), "al-Shabaab", 5, 8,
     "An al-Shabaab bombing in Baidoa killed five people.", "Police later said eight were dead."),
    ("Nigeria", ("Maiduguri", "NG", 11.85, 13.16), "Boko Haram", 16, 22,
     "Boko Haram fighters killed 16 farmers near Maiduguri.", "Residents said 22 had been buried."),
    ("Ethiopia", ("Bahir Dar", "ET", 11.59, 37.39), "Fano militia", 4, 9,
     "Clashes in Bahir Dar killed four people, police said.", "Doctors said nine people had died."),
    ("Ukraine", ("Sumy", "UA", 50.91, 34.80), "Russia", 1, 3,
     "A Russian drone strike on Sumy killed one man.", "The regional governor said three people were killed."),
]

# (war, place, target, one party named two ways in one article)
TWO_WORDINGS = [
    ("Mali", ("Boni", "ML", 15.03, -1.98), "villagers", "JNIM", "gunmen"),
    ("Sudan", ("El Fasher", "SD", 13.63, 25.35), "a market", "RSF", "paramilitaries"),
    ("Gaza", ("Khan Younis", "PS", 31.35, 34.31), "a convoy", "Hamas", "militants"),
    ("Lebanon", ("Metula", "IL", 33.28, 35.58), "an army post", "Hezbollah", "the Iran-backed group"),
    ("Myanmar", ("Lashio", "MM", 22.94, 97.75), "a monastery", "Tatmadaw", "junta troops"),
    ("DR Congo", ("Goma", "CD", -1.68, 29.22), "a camp", "M23", "rebels"),
    ("Yemen", ("Marib", "YE", 15.46, 45.32), "a checkpoint", "Houthis", "Ansar Allah"),
    ("Syria", ("Aleppo", "SY", 36.20, 37.13), "a barracks", "HTS", "jihadists"),
    ("Somalia", ("Mogadishu", "SO", 2.04, 45.34), "a hotel", "al-Shabaab", "insurgents"),
    ("Ukraine", ("Kherson", "UA", 46.64, 32.61), "a bus stop", "Russian forces", "the occupiers"),
]


def _text(*sentences: str) -> str:
    return " ".join(sentences) + " " + FILLER


def _event(place, actor, sentence, **kw) -> dict:
    return dict(type="ASSAULT", actor=actor, target=kw.pop("target", place[0]), location=place[0], country=place[1],
                lat=place[2], lon=place[3], date="2023-06-01", evidence=sentence, **kw)


@pytest.mark.parametrize("war, place, actor, first, second, says_first, says_second", TWO_TOLLS)
def test_two_tolls_for_one_incident_in_one_article_are_a_dispute(tmp_path, war, place, actor, first, second,
                                                                 says_first, says_second):
    text = _text(says_first, says_second)
    ev = _event(place, actor, says_first, fatalities=first, toll_disputed=True,
                fatalities_reports=[{"value": first, "evidence": says_first},
                                    {"value": second, "evidence": says_second}])
    store = open_db(tmp_path / "c.db")
    store.ingest_records([make_record("one", "https://wire.example/one", "Wire", text, published="2023-06-01",
                                      places=[place], events=[ev])])
    [cluster] = store.event_clusters()
    assert cluster["disputed"] and cluster["fatalities"] is None, war
    assert (cluster["fatalities_min"], cluster["fatalities_max"]) == (first, second)
    [dispute] = store.disputes()
    assert dispute["field"] == "fatalities"
    evidence = {v["value"]: v["sources"][0]["evidence"] for v in dispute["versions"]}
    assert evidence == {first: says_first, second: says_second}
    store.close()


def test_agreeing_tolls_in_one_article_are_no_dispute(tmp_path):
    says = "Gunmen killed seven herders near Jos, police said."
    again = "A community leader also said seven were killed."
    ev = _event(("Jos", "NG", 9.90, 8.86), "gunmen", says, fatalities=7, toll_disputed=False,
                fatalities_reports=[{"value": 7, "evidence": says}, {"value": 7, "evidence": again}])
    store = open_db(tmp_path / "c.db")
    store.ingest_records([make_record("one", "https://wire.example/j", "Wire", _text(says, again),
                                      published="2023-06-01", events=[ev])])
    [cluster] = store.event_clusters()
    assert not cluster["disputed"] and cluster["fatalities"] == 7
    store.close()


@pytest.mark.parametrize("war, place, target, name, wording", TWO_WORDINGS)
def test_two_wordings_of_one_party_in_one_article_are_no_dispute(tmp_path, war, place, target, name, wording):
    first = f"{name} fighters attacked {target} in {place[0]} on Thursday."
    second = f"Witnesses said {wording} stormed {target} in {place[0]} at dawn."
    text = _text(first, second)
    events = [_event(place, name, first, target=target), _event(place, wording, second, target=target)]
    store = open_db(tmp_path / "c.db")
    store.ingest_records([make_record("one", "https://wire.example/one", "Wire", text, published="2023-06-01",
                                      places=[place], events=events)])
    clusters = store.event_clusters()
    assert len(clusters) == 1, (war, clusters)
    assert not clusters[0]["disputed"] and store.disputes() == [], war
    store.close()


def test_different_articles_blaming_different_parties_is_still_a_dispute(tmp_path):
    place = ("Boni", "ML", 15.03, -1.98)
    a = "JNIM fighters attacked villagers in Boni on Thursday."
    b = "The army said Islamic State Sahel fighters attacked villagers in Boni."
    store = open_db(tmp_path / "c.db")
    store.ingest_records([
        make_record("a", "https://one.example/a", "One", _text(a), published="2023-06-01", places=[place],
                    events=[_event(place, "JNIM", a, target="villagers")]),
        make_record("b", "https://two.example/b", "Two", _text(b), published="2023-06-01", places=[place],
                    events=[_event(place, "Islamic State Sahel", b, target="villagers")]),
    ])
    [cluster] = store.event_clusters()
    assert cluster["disputed"] and [d["field"] for d in store.disputes()] == ["actor"]
    store.close()


def test_the_shared_definition_on_plain_report_dicts():
    def report(article, actor, fatalities=None, status="occurred", **kw):
        return dict(id=hash((article, actor)) % 1000, article_id=article, actor=actor, actor_key=actor.lower(),
                    fatalities=fatalities, status=status, evidence=f"{actor} ...", **kw)
    same_article = [report("a", "JNIM", 3), report("a", "gunmen", 3)]
    assert differences(same_article) == []
    assert differing_fields([report("a", "RSF", 3), report("b", "RSF", 5)]) == {"fatalities"}
    assert differing_fields([report("a", "Russia", status="occurred"), report("b", "Russia", status="denied")]) \
        == {"status"}
    one_with_two_tolls = [report("a", "M23", 6, toll_disputed=True,
                                 fatalities_reports=[{"value": 6, "evidence": "six"}, {"value": 11, "evidence": "11"}])]
    assert differing_fields(one_with_two_tolls) == {"fatalities"}
    copies = [report("a", "Hamas", 2), dict(report("b", "Hamas", 9), counted=False)]
    assert differences(copies) == []            # a syndicated copy does not count

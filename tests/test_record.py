import json

from sitrep.record import Count, Entity, Event, Location, Quote, Record


def test_record_round_trips_through_json_with_contract_field_names():
    rec = Record(id="a", title="T", published="2022-09-22",
                 persons=[Entity("Vladimir Putin", ["Putin"])],
                 locations=[Location("Kyiv", "UA", 50.45, 30.52)],
                 quotes=[Quote("Vladimir Putin", "Please do this", True, "“Please do this,” Mr Putin said.")],
                 counts=[Count(1332, "arrested", "people arrested", True)],
                 events=[Event("ASSAULT", mode="missile", actor="Russia", fatalities=1)])
    d = json.loads(json.dumps(rec.to_json()))
    for key in ("id", "title", "published", "boilerplate", "persons", "organizations", "locations",
                "quotes", "counts", "events"):
        assert key in d
    assert d["persons"][0] == {**d["persons"][0], "name": "Vladimir Putin", "aliases": ["Putin"]}
    assert Record.from_json(d) == rec


def test_from_json_reads_gold_files_with_notes(tmp_path):
    gold = {"id": "g", "title": None, "published": None,
            "events": [{"type": "AID", "note": "judgement call", "evidence": "x"}]}
    assert Record.from_json(gold).events[0].type == "AID"

"""Events through the whole pipeline: entities, places, counts, dates feed the roles."""
from __future__ import annotations

TEXT = """Kyiv under fire

Russian forces shelled Kharkiv on Monday, killing three civilians, local officials said.
Ukrainian Foreign Minister Dmytro Kuleba called on NATO to close the sky over Ukraine.
The United States warned that a new offensive could begin within days.
"""


def test_pipeline_events_have_roles_places_and_evidence(analyse):
    an = analyse(TEXT, published="2023-05-10")
    events = an.events
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1                     # the warned offensive is not an event
    e = assault[0]
    assert e.actor_country == "RU" and e.location == "Kharkiv" and e.country == "UA"
    assert e.fatalities == 3 and e.attributed_to == "local officials" and e.status == "claimed"
    assert TEXT[e.start:e.end] == e.evidence
    req = [e for e in events if e.type == "REQUEST"]
    assert req and req[0].actor == "Dmytro Kuleba" and req[0].target == "NATO"


def test_record_carries_events_as_json(analyse):
    from sitrep.pipeline import to_record
    rec = to_record(analyse(TEXT, published="2023-05-10")).to_json()
    assert {"type", "actor", "target", "location", "date", "fatalities", "attributed_to",
            "evidence", "status", "rule", "trigger"} <= set(rec["events"][0])

"""organizations.yaml and actors.yaml describe one body one way: an organisation's names and
aliases lead the event coder to that organisation (same canonical name, country and sector),
except the seats of power that stand for their state ("the Kremlin" -> Russia)."""
from __future__ import annotations

from sitrep.events.actors import load_actors
from sitrep.gazetteer import organization
from sitrep.knowledge import get_knowledge


def _orgs():
    return get_knowledge().yaml("organizations.yaml")


def test_every_name_of_an_organisation_is_that_party_or_its_state():
    table = load_actors()
    stray = []
    for row in _orgs():
        for form in (row["name"], *(row.get("aliases") or ())):
            party = table.lookup(form)
            if party is None or party.name == row["name"]:
                continue
            if party.sector == "government" and not party.keep_name and party.country == row.get("country"):
                continue                # a seat of power stands for its state
            stray.append((form, row["name"], party.name))
    assert not stray


def test_an_org_entry_of_the_actor_table_keeps_the_organisations_country():
    data = get_knowledge().yaml("actors.yaml")
    for raw in data["actors"]:
        if "org" in raw:
            entry = organization(raw["org"])
            assert entry is not None and entry.name == raw["org"], raw["org"]
            party = load_actors().lookup(raw["org"])
            assert party.country == entry.country, raw["org"]


def test_no_alias_names_two_organisations():
    seen = {}
    for row in _orgs():
        for form in (row["name"], *(row.get("aliases") or ())):
            key = form if form.isupper() else form.lower()
            assert seen.setdefault(key, row["name"]) == row["name"], (form, seen[key], row["name"])

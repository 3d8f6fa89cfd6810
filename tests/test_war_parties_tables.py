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


def _given_names():
    kb = get_knowledge()
    names = {w for words in kb.yaml("person_gender.yaml")["names"].values() for w in words}
    return names | {w.lower() for group in kb.yaml("name_variants.yaml") for w in group}


def test_no_name_searched_in_running_text_is_a_common_word_or_a_given_name():
    """A one-word name searched in running text would turn every "Kan" or "Saba" into the body:
    such names are ner_only (found only when the model tags them) or left out."""
    from spacy.lang.en.stop_words import STOP_WORDS

    given = _given_names()
    clashes = [(form, row["name"]) for row in _orgs() if not row.get("ner_only")
               for form in (row["name"], *(row.get("aliases") or ()))
               if len(form.split()) == 1 and form.lower() in given | STOP_WORDS
               and not form.isupper()]
    assert not clashes


def test_a_mixed_case_acronym_is_not_a_lower_case_word():
    """Names that are not all capitals match case-insensitively: "LeT" would be the verb "let"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    risky = [form for row in _orgs() for form in (row["name"], *(row.get("aliases") or ()))
             if len(form.split()) == 1 and not form.isupper() and not form[:1].isupper()
             and form.lower() in STOP_WORDS | {"let", "errs", "jem", "kan"}]
    assert not risky


def test_no_organisation_name_is_equipment_or_a_person_of_the_actor_table():
    from sitrep.gazetteer import is_equipment

    table = load_actors()
    for row in _orgs():
        for form in (row["name"], *(row.get("aliases") or ())):
            assert form.isupper() or not is_equipment(form), form     # "VKS" is no plural of VK
            party = table.lookup(form)
            assert party is None or not party.keep_name or party.name == row["name"], form


def test_a_known_body_after_a_possessive_country_is_one_organization(analyse):
    """"Haiti's Transitional Presidential Council" names the council, also at a sentence's start,
    where the place does not cut the body's name (one sentence per war)."""
    cases = [
        ("Haiti's Transitional Presidential Council condemned the attack on Monday.",
         "Transitional Presidential Council"),
        ("Iraq's Security Media Cell said two rockets struck the base.", "Security Media Cell"),
        ("Russia's Investigative Committee opened a criminal case on Friday.",
         "Investigative Committee of Russia"),
        ("Ukraine's State Emergency Service said rescuers pulled three bodies from the rubble.",
         "State Emergency Service"),
        ("Sudan's Sovereignty Council rejected the proposal on Sunday.", "Sovereignty Council"),
        ("Lebanon's National News Agency reported two strikes near Tyre.", "National News Agency"),
        ("Iran's Supreme National Security Council said it would respond.",
         "Supreme National Security Council"),
        ("Gaza's Health Ministry said 40 people were killed overnight.", "Gaza Health Ministry"),
        ("Libya's House of Representatives named a new government on Tuesday.",
         "Libyan House of Representatives"),
        ("Russia's Defence Ministry said air defences downed 30 drones over Kursk.",
         "Russian Ministry of Defence"),
        ("Ukraine's Special Operations Forces said they struck a radar near Kherson.",
         "Special Operations Forces of Ukraine"),
    ]
    misses = [(text, [o.name for o in analyse(text, "2025-05-02").organizations])
              for text, name in cases
              if name not in [o.name for o in analyse(text, "2025-05-02").organizations]]
    assert not misses

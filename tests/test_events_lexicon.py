"""The lexicon and actor table are data a user can read, extend and get clear errors about."""
from __future__ import annotations

import pytest

from sitrep.analysis import Analysis
from sitrep.clean import clean
from sitrep.dates import DateResolver
from sitrep.events import LexiconError, code_events, load_lexicon
from sitrep.events.actors import load_actors
from sitrep.record import EVENT_TYPES, Article


def _code(nlp, text, **kw):
    c = clean(text)
    an = Analysis(Article(id="t", text=text), c, nlp(c.text), DateResolver(None))
    return code_events(an, **kw)


def test_shipped_lexicon_covers_every_plover_type_with_unique_ids():
    lex = load_lexicon()
    assert {e.type for e in lex.entries} == set(EVENT_TYPES)
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids))


def test_prepositions_are_not_read_as_yaml_booleans():
    # `on`, `off`, `yes`, `no` are booleans in YAML 1.1; "call on" must stay a preposition
    call_on = [e for e in load_lexicon().entries if e.id == "request.v.call_on"][0]
    assert "on" in call_on.prep


def test_user_lexicon_adds_a_trigger(nlp, tmp_path, monkeypatch):
    text = "Rebels pummelled the garrison overnight."
    assert _code(nlp, text) == []
    extra = tmp_path / "mine.yaml"
    extra.write_text("entries:\n  - {id: my.pummel, lemma: [pummel, pummell], pos: VERB, type: ASSAULT, mode: shelling}\n")
    monkeypatch.setenv("SITREP_LEXICON", str(extra))
    events = _code(nlp, text)
    assert [(e.type, e.rule, e.mode) for e in events] == [("ASSAULT", "my.pummel", "shelling")]


def test_user_actor_table_adds_an_actor(nlp, tmp_path, monkeypatch):
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors:\n  - {name: Freedonia, aliases: [Fredville], country: FD, sector: government}\n")
    monkeypatch.setenv("SITREP_ACTORS", str(extra))
    events = _code(nlp, "Fredville imposed sanctions on Sylvania.")
    assert events and events[0].actor == "Freedonia" and events[0].actor_country == "FD"


@pytest.mark.parametrize("content, needle", [
    ("entries: [{id: x, lemma: hit, type: SMASH}]", "type 'SMASH'"),
    ("entries: [{lemma: hit, type: ASSAULT}]", "lacks id"),
    ("entries: [{id: x, lemma: hit, type: ASSAULT, pos: ADV}]", "pos 'ADV'"),
    ("entries: {id: x}", "must be a list"),
    ("entries: [\n  - {id: x", "not valid YAML"),
    ("settings: {emit_statuses: [happened]}", "emit_statuses"),
])
def test_a_broken_lexicon_is_one_line_naming_the_file(tmp_path, content, needle):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    msg = str(err.value)
    assert str(bad) in msg and needle in msg and "\n" not in msg


def test_actor_table_maps_capitals_people_and_groups():
    actors = load_actors()
    assert actors.lookup("Kyiv").name == "Ukraine"
    assert actors.lookup("the Kremlin").name == "Russia"
    assert (actors.lookup("Shoigu").country, actors.lookup("Shoigu").sector) == ("RU", "military")
    assert actors.lookup("Pushilin").sector == "rebel"
    assert actors.describe("Russian forces", "force", ["Russian"]) == ("RU", "military")


def test_type_properties_are_data_a_user_can_change(nlp, tmp_path, monkeypatch):
    # a protest with no place of its own is placed by its paragraph; a user file can turn that off
    text = "Police stood guard in Khartoum on Friday. Thousands of people marched after prayers."
    before = [e for e in _code(nlp, text) if e.type == "PROTEST"]
    assert before and before[0].location == "Khartoum"
    extra = tmp_path / "types.yaml"
    extra.write_text("types:\n  PROTEST: {paragraph_placed: false}\n")
    monkeypatch.setenv("SITREP_LEXICON", str(extra))
    after = [e for e in _code(nlp, text) if e.type == "PROTEST"]
    assert after and after[0].location is None
    assert load_lexicon().type("ASSAULT").violent is True


@pytest.mark.parametrize("content, needle", [
    ("types: {SMASH: {verbal: true}}", "unknown type 'SMASH'"),
    ("types: {ASSAULT: {loud: true}}", "unknown ['loud']"),
    ("types: [ASSAULT]", "`types` must map"),
])
def test_a_broken_types_section_is_one_line_naming_the_file(tmp_path, content, needle):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    assert str(bad) in str(err.value) and needle in str(err.value)

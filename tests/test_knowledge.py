"""The one Knowledge object: files read once, overlays merged, one-line errors naming the file."""
import pytest

from sitrep.knowledge import Knowledge, KnowledgeError, WordLists, get_knowledge, set_knowledge, use_knowledge


def test_overlay_folder_extends_a_yaml_file_user_entries_first(tmp_path):
    (tmp_path / "titles.yaml").write_text("extra_key: [a]\n", encoding="utf-8")
    kb = Knowledge(env={"SITREP_DATA": str(tmp_path)})
    data = kb.yaml("titles.yaml")
    shipped = Knowledge(env={}).yaml("titles.yaml")
    assert data["extra_key"] == ["a"]
    assert set(shipped) <= set(data)


def test_lists_are_merged_with_the_users_items_first(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "user").mkdir()
    (tmp_path / "pkg" / "w.yaml").write_text("nouns: [report, statement]\n", encoding="utf-8")
    (tmp_path / "user" / "w.yaml").write_text("nouns: [memo]\n", encoding="utf-8")
    kb = Knowledge(data_dir=tmp_path / "pkg", overlays=[tmp_path / "user"])
    assert kb.yaml("w.yaml")["nouns"] == ["memo", "report", "statement"]
    assert kb.words("w.yaml", "nouns") == {"memo", "report", "statement"}


def test_legacy_variable_still_overlays_its_file(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - name: Wagner Group\n    sector: rebels\n", encoding="utf-8")
    kb = Knowledge(env={"SITREP_ACTORS": str(extra)})
    names = [a.get("name") for a in kb.yaml("actors.yaml")["actors"]]
    assert names[0] == "Wagner Group" and len(names) > 1


def test_tsv_overlay_rows_are_appended(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "user").mkdir()
    (tmp_path / "pkg" / "p.tsv").write_text("# comment\nname\tcountry\nKyiv\tUA\n", encoding="utf-8")
    (tmp_path / "user" / "p.tsv").write_text("name\tcountry\nGoma\tCD\n", encoding="utf-8")
    kb = Knowledge(data_dir=tmp_path / "pkg", overlays=[tmp_path / "user"])
    assert [r["name"] for r in kb.tsv("p.tsv")] == ["Kyiv", "Goma"]


def test_broken_overlay_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "titles.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    kb = Knowledge(env={"SITREP_DATA": str(tmp_path)})
    with pytest.raises(KnowledgeError) as err:
        kb.yaml("titles.yaml")
    msg = str(err.value)
    assert str(tmp_path / "titles.yaml") in msg and "\n" not in msg


def test_overlay_dir_that_is_not_a_folder_is_refused(tmp_path):
    with pytest.raises(KnowledgeError, match="not a folder"):
        Knowledge(env={"SITREP_DATA": str(tmp_path / "missing")})


def test_word_list_rejects_non_words(tmp_path):
    kb = Knowledge(files={"w.yaml": {"nouns": ["ok", {"bad": 1}]}})
    with pytest.raises(KnowledgeError, match="not a word"):
        kb.words("w.yaml", "nouns")


def test_derived_is_built_once_per_knowledge_and_injectable():
    calls = []
    kb = Knowledge(files={"w.yaml": {"nouns": ["x"]}})
    build = lambda k: calls.append(1) or k.words("w.yaml", "nouns")
    assert kb.derived("nouns", build) == {"x"}
    assert kb.derived("nouns", build) == {"x"}
    assert calls == [1]
    with use_knowledge(kb):
        assert get_knowledge() is kb
    assert get_knowledge() is not kb


def test_digest_changes_with_an_overlay(tmp_path):
    base = Knowledge(env={}).digest()
    (tmp_path / "titles.yaml").write_text("x: [y]\n", encoding="utf-8")
    assert Knowledge(env={"SITREP_DATA": str(tmp_path)}).digest() != base


def test_group_index_numbers_each_group_by_its_key_and_rejects_a_flat_list():
    kb = Knowledge(files={"g.yaml": [["Dmitri", "Dmitry"], ["Oleksandr", "Alexander"]]})
    groups = kb.group_index("g.yaml", str.lower)
    assert groups["dmitry"] == groups["dmitri"] != groups["alexander"]
    with pytest.raises(KnowledgeError, match="list of lists"):
        Knowledge(files={"g.yaml": ["Dmitri"]}).group_index("g.yaml", str.lower)


def test_word_lists_follow_the_knowledge_in_use_and_refuse_unknown_names():
    def build(kb):
        return {k: frozenset(v) for k, v in kb.yaml("w.yaml").items()}
    lists = WordLists("test_word_lists", build, names=frozenset({"nouns", "verbs"}))
    with use_knowledge(Knowledge(files={"w.yaml": {"nouns": ["shell"]}})):
        assert lists.nouns == {"shell"}
        assert lists.verbs == frozenset()            # a list the data lacks is empty
    with use_knowledge(Knowledge(files={"w.yaml": {"nouns": ["drone"]}})):
        assert lists.nouns == {"drone"}              # another Knowledge, read again
    with pytest.raises(AttributeError):
        lists.adverbs


def test_word_lists_kept_between_look_ups_are_forgotten_when_the_knowledge_changes():
    # a list is kept as a plain attribute after its first look-up (a hot path): every way the
    # process-wide Knowledge changes must make the next look-up read the new one
    def build(kb):
        return {k: frozenset(v) for k, v in kb.yaml("w.yaml").items()}
    lists = WordLists("test_kept_word_lists", build, names=frozenset({"nouns"}))
    first = Knowledge(files={"w.yaml": {"nouns": ["mortar"]}})
    with use_knowledge(first):
        assert lists.nouns == {"mortar"} and lists.nouns == {"mortar"}
        with use_knowledge(Knowledge(files={"w.yaml": {"nouns": ["rocket"]}})):
            assert lists.nouns == {"rocket"}
        assert lists.nouns == {"mortar"}             # the outer one again, after the block
    old = get_knowledge()
    try:
        set_knowledge(Knowledge(files={"w.yaml": {"nouns": ["drone"]}}))
        assert lists.nouns == {"drone"}
        set_knowledge(Knowledge(files={"w.yaml": {"nouns": ["sniper"]}}))
        assert lists.nouns == {"sniper"}
    finally:
        set_knowledge(old)

"""The gazetteer and place matchers are built once and cached on disk, keyed by the package
version and the data files' digest; an unwritable or broken cache only costs a rebuild."""
import pytest

from sitrep import diskcache
from sitrep.knowledge import Knowledge


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_process_loads_what_the_first_built(cache):
    kb = Knowledge(env={})
    calls = []
    assert diskcache.load_or_build("thing", kb, lambda: calls.append(1) or {"a": 1}) == {"a": 1}
    assert diskcache.load_or_build("thing", kb, lambda: calls.append(1) or {"a": 2}) == {"a": 1}
    assert calls == [1]
    assert len(list(cache.glob("thing-*.pickle"))) == 1


def test_changed_data_is_a_new_key_and_stale_files_go(cache, tmp_path):
    import os
    (tmp_path / "overlay").mkdir()
    base = Knowledge(env={})
    diskcache.load_or_build("thing", base, lambda: "old")
    (tmp_path / "overlay" / "places_stop.yaml").write_text("- Nowhere\n", encoding="utf-8")
    changed = Knowledge(env={"SITREP_DATA": str(tmp_path / "overlay")})
    assert diskcache.load_or_build("thing", changed, lambda: "new") == "new"
    assert diskcache.load_or_build("thing", base, lambda: "rebuilt") == "old"   # both kept
    old = diskcache.cache_path("thing", base)
    os.utime(old, (0, 0))                                                      # unused for ages
    diskcache.cache_path("thing", changed).unlink()
    diskcache.load_or_build("thing", changed, lambda: "new")
    assert not old.exists() and len(list(cache.glob("thing-*.pickle"))) == 1


def test_an_unwritable_cache_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SITREP_CACHE", str(blocker / "sub"))
    assert diskcache.load_or_build("thing", Knowledge(env={}), lambda: [1, 2]) == [1, 2]


def test_a_broken_cache_file_is_rebuilt(cache):
    kb = Knowledge(env={})
    path = diskcache.cache_path("thing", kb)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05 truncated")
    assert diskcache.load_or_build("thing", kb, lambda: "rebuilt") == "rebuilt"
    assert diskcache.load_or_build("thing", kb, lambda: "again") == "rebuilt"


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", "off")
    assert diskcache.cache_dir() is None
    assert diskcache.load_or_build("thing", Knowledge(env={}), lambda: 5) == 5


def test_the_gazetteer_comes_back_from_disk_unchanged(cache, monkeypatch):
    from sitrep import gazetteer
    built = gazetteer.get_gazetteer(Knowledge(env={}))
    monkeypatch.setattr(gazetteer.Gazetteer, "__init__",
                        lambda self, kb=None: (_ for _ in ()).throw(AssertionError("rebuilt")))
    loaded = gazetteer.get_gazetteer(Knowledge(env={}))      # a fresh Knowledge: from disk
    assert loaded is not built
    assert loaded.resolve("Kherson").country == built.resolve("Kherson").country == "UA"
    assert set(loaded.by_key) == set(built.by_key)


def test_a_parsed_data_file_is_read_back_and_an_edited_one_parsed_again(cache, tmp_path, monkeypatch):
    """The YAML data files are parsed once; the next process unpickles the same data (same
    values, same key order). An edited file is parsed anew; an invalid one raises every time."""
    import yaml
    calls = []

    def parse(text):
        calls.append(text)
        return yaml.safe_load(text)

    text = "b: [1, 2.5, null]\na: {x: 2024-05-01, y: 'on'}\n"
    first = diskcache.parsed("yaml", text, parse)
    again = diskcache.parsed("yaml", text, parse)
    assert again == first and list(again) == ["b", "a"] and calls == [text]
    assert diskcache.parsed("yaml", text + "c: 3\n", parse)["c"] == 3 and len(calls) == 2
    for _ in range(2):
        with pytest.raises(yaml.YAMLError):
            diskcache.parsed("yaml", "a: [unclosed\n", parse)
    assert len(calls) == 4
    monkeypatch.setenv("SITREP_CACHE", "off")
    diskcache.parsed("yaml", text, parse)
    assert len(calls) == 5


def test_knowledge_and_lexicon_from_the_parse_cache_equal_a_fresh_parse(cache, monkeypatch):
    """Every shipped YAML file and the event lexicon give the same data from the cache as
    parsed without it (a cached parse could otherwise hide an edit or drop a value)."""
    from sitrep.events.lexicon import NAME, safe_load
    kb = Knowledge(env={})
    names = sorted(p.name for p in kb.data_dir.glob("*.yaml"))
    assert NAME in names and len(names) > 10
    warm = {n: Knowledge(env={}).yaml(n) for n in names}          # fills the cache
    cached = {n: Knowledge(env={}).yaml(n) for n in names}        # read back from it
    lexicon = safe_load(kb.text(NAME)), safe_load(kb.text(NAME))
    monkeypatch.setenv("SITREP_CACHE", "off")
    fresh = {n: Knowledge(env={}).yaml(n) for n in names}
    assert cached == warm == fresh
    assert lexicon[0] == lexicon[1] == safe_load(kb.text(NAME))
    assert len(list(cache.glob("yaml-*.pickle"))) == len(names)

"""Small assertion helpers shared by test modules (import: `from support import one_event`)."""
import json
import subprocess
import sys


def one_event(events, etype):
    """The single event of type `etype`; fails with what was found otherwise."""
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, f"expected one {etype}, got {[(e.type, e.trigger, e.actor) for e in events]}"
    return found[0]


def first_event(events, *types):
    """The first event of one of `types`; fails with what was found otherwise."""
    found = [e for e in events if e.type in types]
    assert found, f"no {'/'.join(types)} coded, got {[(e.type, e.trigger, e.location) for e in events]}"
    return found[0]


def check(found, expected):
    """found [(speaker, text)] are the expected [(speaker, words in the text)], in order."""
    assert len(found) == len(expected), found
    for (speaker, text), (want_speaker, words) in zip(found, expected):
        assert speaker == want_speaker and words.lower() in text.lower(), found


def modules_after(argv, tmp_path):
    """(the finished process, the top-level modules it had imported) of `sitrep ARGV` run in a
    fresh interpreter; fails with its stderr when it does not exit 0."""
    code = ("import atexit, json, sys\n"
            f"atexit.register(lambda: open({str(tmp_path / 'mods.json')!r}, 'w').write(json.dumps(sorted(sys.modules))))\n"
            f"sys.argv = ['sitrep', *{list(argv)!r}]\n"
            "from sitrep.cli import main\nmain()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r, {m.split(".")[0] for m in json.loads((tmp_path / "mods.json").read_text())}


def starting_with(events, start):
    """The first event whose evidence sentence starts with `start` (the events listed on failure)."""
    found = [e for e in events if e.evidence.startswith(start)]
    assert found, [(e.type, e.date, e.evidence[:40]) for e in events]
    return found[0]


def party_of(events, name):
    """(country, sector) of the first event slot naming `name`, else the slots found."""
    for e in events:
        if e.actor == name:
            return e.actor_country, e.actor_sector
        if e.target == name:
            return e.target_country, e.target_sector
    return [(e.type, e.actor, e.target) for e in events]

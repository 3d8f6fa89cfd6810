"""`sitrep explain FILE` shows why each event was (or was not) coded."""
from __future__ import annotations

ARTICLE = """Shelling resumes near Kharkiv

Russian forces shelled Kharkiv on Monday, killing three civilians, local officials said.
Russia did not attack the port.
The governor asked Kyiv to send more weapons.
"""


def test_explain_prints_sentences_events_triggers_and_rules(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2023-05-10\n---\n" + ARTICLE, encoding="utf-8")
    res = cli("explain", path)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Russian forces shelled Kharkiv" in out
    assert "+ ASSAULT/shelling" in out and 'trigger "shelled"' in out and "assault.v.shell" in out
    assert "actor=Russia " in out and "attributed_to=local officials" in out     # a state's forces are the state
    # rejected triggers and why
    assert 'trigger "attack"' in out and "negated" in out
    assert "requested, not done" in out


def test_explain_all_lists_sentences_without_triggers(cli, tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Quiet day\n\nThe weather was mild in Lviv.\n", encoding="utf-8")
    res = cli("explain", path, "--all")
    assert res.returncode == 0, res.stderr
    assert "The weather was mild in Lviv." in res.stdout and "(no trigger)" in res.stdout


def test_explain_missing_file_is_one_line_error(cli, tmp_path):
    res = cli("explain", tmp_path / "nope.txt")
    assert res.returncode != 0
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "nope.txt" in lines[0] and "Traceback" not in res.stderr


def test_explain_names_a_broken_user_lexicon(cli, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    bad = tmp_path / "lex.yaml"
    bad.write_text("entries: [{id: x, lemma: hit, type: SMASH}]\n")
    path = tmp_path / "c.txt"
    path.write_text("Title\n\nRussian forces shelled Kharkiv.\n")
    exe = Path(sys.executable).parent / "sitrep"
    res = subprocess.run([str(exe), "explain", str(path)], capture_output=True, text=True,
                         env={**os.environ, "SITREP_LEXICON": str(bad)}, timeout=600)
    assert res.returncode != 0
    assert str(bad) in res.stderr and "SMASH" in res.stderr and "Traceback" not in res.stderr

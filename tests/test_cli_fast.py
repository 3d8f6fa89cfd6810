"""The fast front of the read-only query commands (`sitrep events`, `entities`, `search`,
`disputes`, `errors`, `stats`): on the same database it writes exactly what the Typer command
writes - the same stdout, the same stderr, the same exit code - for well-formed command lines,
and it leaves every other command line (help, bad values, unknown options) to Typer, so a user
sees Typer's help and its one-line errors. A query loads neither Typer nor spaCy."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from _webcorpus import build_db
from support import modules_after
from sitrep.cli import app
from sitrep.cli.fast import dispatch
from sitrep.cli.queries import COMMANDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("fast") / "corpus.db")


def typer_path(argv):
    r = CliRunner().invoke(app, argv)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def fast_path(argv, capsys):
    """(code, stdout, stderr) of the fast front, or None when it leaves `argv` to Typer."""
    capsys.readouterr()
    code = dispatch(argv)
    out, err = capsys.readouterr()
    # CliRunner's Result.stdout turns CSV's \r\n into \n; read the fast front's output alike
    return None if code is None else (code, out.replace("\r\n", "\n"), err.replace("\r\n", "\n"))


def as_user_runs_it(argv, capsys):
    """What `sitrep ARGV` does: the fast front, else Typer."""
    return fast_path(argv, capsys) or typer_path(argv)


WELL_FORMED = [
    ["events"], ["events", "-f", "json"], ["events", "--format=jsonl", "--limit", "1"],
    ["events", "--limit", "2", "--offset", "1", "-f", "csv"], ["events", "--limit", "2"],
    ["events", "--reports"], ["events", "--reports", "-f", "json", "--limit", "2"],
    ["events", "--type", "assault,protest", "--since", "2022-09-22"], ["events", "--until", "2022-09-22"],
    ["events", "--place", "Zaporizhzhia", "-f", "json"], ["events", "--actor", "Russian forces"],
    ["events", "--attributed-to", "governor", "-f", "jsonl"], ["events", "--attributed-to=none"],
    ["events", "--status", "claimed"], ["events", "--disputed"], ["events", "--agreed", "-f", "json"],
    ["events", "--bbox", "30,45,40,52"], ["events", "--limit", "0"], ["events", "--offset", "99"],
    ["events", "--actor", ""], ["events", "--actor", "-", "-f", "json"],
    ["entities"], ["entities", "--kind", "person", "-f", "json"], ["entities", "--top", "1"],
    ["entities", "--name", "kh", "--offset", "0", "-f", "csv"],
    ["search", "shelling"], ["search", "rebuild", "-f", "json"], ["search", "--limit", "1", "Kharkiv"],
    ["search", "--", "--limit"], ["search", '"the mayor"', "-f", "jsonl"],
    ["disputes"], ["disputes", "-f", "json"], ["disputes", "--field", "fatalities", "-f", "csv"],
    ["errors"], ["errors", "-f", "json"], ["errors", "--run", "1", "-f", "jsonl"],
    ["stats"], ["stats", "-f", "json"], ["stats", "--since", "2022-09-01", "--until", "2022-09-30"],
    # values the commands themselves refuse: the same one error line both ways
    ["events", "--type", "BOGUS"], ["events", "--since", "yesterday"], ["events", "--format", "xml"],
    ["events", "--bbox", "a,b,c,d"], ["entities", "--kind", "place"], ["disputes", "--field", "toll"],
    ["stats", "--since", "2022-9-1"], ["stats", "-f", "csv"],
]


@pytest.mark.parametrize("argv", WELL_FORMED, ids=" ".join)
def test_the_fast_front_writes_what_the_typer_command_writes(corpus, capsys, argv, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    argv = [argv[0], "--db", str(corpus), *argv[1:]]
    fast = fast_path(argv, capsys)
    assert fast is not None, "the fast front should answer a well-formed query"
    assert fast == typer_path(argv)


ANSWERED_BY_TYPER = [["events", "--help"], ["stats", "--help"], ["search", "--help"], ["events", "-fjson"]]
LEFT_TO_TYPER = ANSWERED_BY_TYPER + [
    ["events", "--limit", "-1"], ["events", "--limit", "many"],
    ["events", "--limit", "1.5"], ["events", "--limit", "²"], ["events", "--offset", "-5"],
    ["errors", "--run", str(2 ** 64)], ["errors", "--run", "0"], ["events", "--bogus-option"],
    ["events", "-fjson"], ["events", "--lim", "2"], ["events", "--limit"], ["events", "--reports=yes"],
    ["events", "stray"], ["search"], ["search", "a", "b"], ["events", "-h"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_help_and_usage_errors_are_left_to_typer(corpus, capsys, argv):
    argv = argv + ["--db", str(corpus)]
    assert fast_path(argv, capsys) is None
    code, out, err = typer_path(argv)
    assert code == (0 if argv[:-2] in ANSWERED_BY_TYPER else 2), (code, err)
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err


def test_other_commands_and_root_options_are_left_to_typer(capsys):
    for argv in (["--version"], [], ["ingest"], ["extract", "x.txt"], ["export", "-f", "jsonl"], ["report"],
                 ["--db", "x.db", "events"]):
        assert fast_path(argv, capsys) is None, argv


def test_a_missing_database_is_the_same_error_line(tmp_path, capsys):
    for name in COMMANDS:
        argv = [name, *(["x"] if name == "search" else []), "--db", str(tmp_path / "corpsu.db")]
        fast = fast_path(argv, capsys)
        assert fast is not None and fast[0] == 2 and fast == typer_path(argv), name
        assert "corpsu.db" in fast[2] and len(fast[2].strip().splitlines()) == 1
    assert not (tmp_path / "corpsu.db").exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(COMMANDS)),
       words=st.lists(st.sampled_from(["--limit", "--offset", "--top", "-f", "--format", "--since", "--type",
                                       "--disputed", "--agreed", "--reports", "--kind", "--name", "--run",
                                       "--field", "json", "table", "2", "0", "-3", "x", "2022-09-22",
                                       "ASSAULT", "person", "--", "Kharkiv", "fatalities"]), max_size=6))
def test_any_command_line_ends_as_typer_ends_it(corpus, capsys, command, words):
    argv = [command, "--db", str(corpus), *words]
    assert as_user_runs_it(argv, capsys) == typer_path(argv), argv


def _modules_after(argv, tmp_path) -> set[str]:
    return modules_after(argv, tmp_path)[1]


def test_a_query_loads_neither_typer_nor_the_nlp_stack(corpus, tmp_path):
    loaded = _modules_after(["events", "--db", str(corpus), "-f", "json"], tmp_path)
    assert not loaded & {"typer", "click", "pydantic", "spacy", "pandas", "numpy", "datasketch", "rich"}, \
        loaded & {"typer", "click", "pydantic", "spacy", "pandas", "numpy", "datasketch", "rich"}
    table = _modules_after(["events", "--db", str(corpus)], tmp_path)
    assert "rich" in table and not table & {"typer", "pydantic", "spacy"}

"""The command line as a user meets it: every bad value is one `error:` line and exit code 2,
never a traceback; read commands never create a database; lists say when they are cut off;
tables fit 80 and 120 columns. In-process through typer's CliRunner (one subprocess smoke test
runs the installed `sitrep`)."""
from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _webcorpus import build_db
from sitrep.cli import app
from sitrep.record import EVENT_TYPES

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

READ_COMMANDS = [["events"], ["entities"], ["search", "shelling"], ["disputes"], ["errors"], ["stats"],
                 ["export", "-f", "jsonl"], ["report"]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("cli") / "corpus.db")


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def assert_one_error_line(r, *words):
    """Exit 2, nothing but one `error:` line on stderr, no traceback, and the words it must name."""
    assert r.exit_code == 2, (r.exit_code, r.output)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    for w in words:
        assert w in lines[0], (w, lines[0])


def nothing_listens() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]          # closed again: nothing listens there now


# ------------------------------------------------------------------ a database that is not one
@pytest.mark.parametrize("command", [["serve"], ["report"], ["events"], ["stats"]])
def test_a_file_that_is_not_sqlite_is_one_error_line(tmp_path, command):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("Fighting continued near Bakhmut, officials said.\n" * 50)
    assert_one_error_line(run(*command, "--db", notdb), "notes.txt", "not a SQLite database")


@pytest.mark.parametrize("command", [["serve"], ["report"], ["events"]])
def test_a_postgresql_url_where_nothing_listens_is_one_error_line(command):
    url = f"postgresql://sitrep@127.0.0.1:{nothing_listens()}/corpus"
    assert_one_error_line(run(*command, "--db", url), "cannot connect")


@pytest.mark.parametrize("command", READ_COMMANDS + [["serve"]])
def test_a_read_command_never_creates_a_database(tmp_path, command):
    typo = tmp_path / "corpsu.db"
    assert_one_error_line(run(*command, "--db", typo), "corpsu.db", "no such database")
    assert not typo.exists()


@pytest.mark.parametrize("command", READ_COMMANDS + [["serve"]])
def test_sitrep_db_names_the_database_of_every_command(tmp_path, command):
    missing = tmp_path / "from-the-environment.db"
    r = run(*command, env={"SITREP_DB": str(missing)})
    assert_one_error_line(r, "from-the-environment.db")


def test_sitrep_db_is_read_by_report_and_events(corpus):
    env = {"SITREP_DB": str(corpus)}
    r = run("report", "--format", "md", env=env)
    assert r.exit_code == 0 and "Kharkiv" in r.stdout
    r = run("events", "-f", "json", env=env)
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 3


# ------------------------------------------------------------------ outputs that cannot be written
@pytest.mark.parametrize("command", [["export", "-f", "acled-csv"], ["report"]])
def test_an_out_path_that_cannot_be_written_is_one_error_line(corpus, tmp_path, command):
    assert_one_error_line(run(*command, "--db", corpus, "--out", tmp_path / "no" / "such" / "x.out"),
                          "no such folder")
    assert_one_error_line(run(*command, "--db", corpus, "--out", tmp_path), "is a folder")


@pytest.mark.parametrize("command", [["export", "-f", "acled-csv"], ["export", "-f", "jsonl"],
                                     ["export", "-f", "geojson"], ["export", "-f", "parquet"], ["report"]])
def test_an_out_path_under_a_file_is_one_error_line(corpus, tmp_path, command):
    """`--out notes.txt/x.out`: the folder named is a file; the line says so, nothing is written."""
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me\n")
    assert_one_error_line(run(*command, "--db", corpus, "--out", notes / "x.out"), "notes.txt", "not a folder")
    assert notes.read_text() == "keep me\n"


def test_parquet_never_replaces_a_pipe_or_a_device(corpus, tmp_path):
    """Parquet is written beside the target and moved into place: over a pipe (or /dev/full) that
    would put a file where the pipe was. Refused with one line; the pipe stays a pipe."""
    import stat
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_one_error_line(run("export", "-f", "parquet", "--db", corpus, "--out", fifo), "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not (tmp_path / "pipe.tmp").exists()


def test_export_refuses_an_unwritable_file(corpus, tmp_path, monkeypatch):
    target = tmp_path / "locked.csv"
    target.write_text("")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k:
                        False if mode & os.W_OK and str(p) == str(target) else real(p, mode))
    assert_one_error_line(run("export", "-f", "acled-csv", "--db", corpus, "--out", target), "cannot write")


# ------------------------------------------------------------------ bad values
@pytest.mark.parametrize("args, words", [
    (["serve", "--port", "99999"], ["--port", "65535"]),
    (["serve", "--port", "0"], ["--port"]),
    (["serve", "--http", "spdy"], ["--http", "h11", "httptools"]),
    (["events", "--limit", "-1"], ["--limit"]),
    (["events", "--offset", "-5"], ["--offset"]),
    (["events", "--type", "BOGUS"], ["BOGUS", *EVENT_TYPES]),
    (["events", "--type", "assault,shelling"], ["SHELLING"]),
    (["events", "--since", "garbage"], ["--since", "garbage", "YYYY-MM-DD"]),
    (["events", "--since", "2022-13-01"], ["--since", "2022-13-01"]),
    (["events", "--since", "yesterday"], ["yesterday"]),
    (["events", "--until", "2023-02-30"], ["--until"]),
    (["events", "--since", "2023-05-02", "--until", "2023-05-01"], ["after"]),
    (["events", "--status", "rumoured"], ["rumoured", "occurred"]),
    (["disputes", "--since", "last week"], ["--since"]),
    (["disputes", "--field", "toll"], ["--field", "fatalities"]),
    (["export", "-f", "jsonl", "--until", "tomorrow"], ["--until"]),
    (["stats", "--since", "2022-9-1"], ["--since"]),
    (["report", "--date", "22/09/2022"], ["--date"]),
    (["export", "-f", "parquet"], ["--out"]),
    (["export", "-f", "jsonl", "--level", "articles"], ["--level"]),
    (["entities", "--kind", "place"], ["--kind"]),
    (["events", "--bogus-option"], ["--bogus-option"]),
    (["events", "--bbox", "a,b,c,d"], ["bbox", "4 numbers"]),
    (["events", "--bbox", "30,45,40"], ["bbox"]),
    (["errors", "--run", str(2 ** 64)], ["--run"]),
    (["events", "--limit", "many"], ["--limit"]),
])
def test_every_bad_value_is_one_error_line_and_exit_2(corpus, args, words):
    assert_one_error_line(run(*args, "--db", corpus), *words)


@pytest.mark.parametrize("command, formats", [
    (["events"], ("table", "json", "jsonl", "csv")), (["entities"], ("table", "json", "jsonl", "csv")),
    (["search", "shelling"], ("table", "json", "jsonl", "csv")), (["disputes"], ("table", "json", "jsonl", "csv")),
    (["errors"], ("table", "json", "jsonl", "csv")), (["stats"], ("table", "json")),
    (["report"], ("html", "md")), (["export"], ("acled-csv", "jsonl", "geojson")),
])
def test_one_format_vocabulary_every_format_checked(corpus, command, formats):
    r = run(*command, "--db", corpus, "--format", "xml")
    assert_one_error_line(r, "'xml'", *formats)
    for f in formats:
        r = run(*command, "--db", corpus, "--format", f)
        assert r.exit_code == 0, (command, f, r.output)


@pytest.mark.parametrize("args, words", [
    (["ingest", "--published", "garbage"], ["--published", "garbage"]),
    (["ingest", "--published", "2022-02-30"], ["--published"]),
    (["extract", "--workers", "0"], ["--workers"]),
    (["extract", "--workers", "-1"], ["--workers"]),
    (["ingest", "--workers", "0"], ["--workers"]),
    (["extract", "--format", "xml"], ["'xml'", "jsonl", "table"]),
    (["extract", "--published", "someday"], ["--published"]),
])
def test_extract_and_ingest_refuse_bad_values_before_any_work(tmp_path, args, words):
    art = tmp_path / "a.txt"
    art.write_text("Insurgents attacked an army post near Diffa on Sunday, killing six soldiers.\n")
    db = tmp_path / "new.db"
    assert_one_error_line(run(*args, art, *(["--db", db] if args[0] == "ingest" else [])), *words)
    assert not db.exists()


def test_synth_to_a_place_that_cannot_be_written_is_one_error_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert_one_error_line(run("synth", 3, "--out", blocker / "corpus"), "cannot write")
    assert_one_error_line(run("synth", 3, "--out", tmp_path / "c", "--format", "xml"), "'xml'", "txt", "jsonl")


# ------------------------------------------------------------------ honest, readable output
def test_a_cut_off_list_says_how_much_is_left_and_offset_gives_the_rest(corpus):
    r = run("events", "--db", corpus, "--limit", "2")
    assert r.exit_code == 0 and "2 of 3 events" in r.stdout and "--offset 2" in r.stdout
    first = json.loads(run("events", "--db", corpus, "--limit", "2", "-f", "json").stdout)
    rest = run("events", "--db", corpus, "--limit", "2", "--offset", "2", "-f", "json")
    assert "3-3 of 3 events" in rest.stderr or "3 of 3 events" in rest.stderr
    ids = [e["id"] for e in first] + [e["id"] for e in json.loads(rest.stdout)]
    assert len(ids) == len(set(ids)) == 3
    whole = run("events", "--db", corpus)
    assert "3 events" in whole.stdout and " of " not in whole.stdout.splitlines()[0]


def test_machine_formats_say_a_page_is_a_page_on_stderr_only(corpus):
    r = run("events", "--db", corpus, "--limit", "1", "-f", "jsonl")
    assert len(r.stdout.splitlines()) == 1 and json.loads(r.stdout)
    assert "1 of 3 events" in r.stderr


def test_version():
    from sitrep import __version__
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"sitrep {__version__}"


def test_every_option_and_argument_has_help_text():
    import typer.main
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():
        assert command.help, name
        for p in command.params:
            if not getattr(p, "help", None) and p.name != "help":
                missing.append(f"{name} {p.name}")
    assert not missing, missing


@pytest.mark.parametrize("width", [80, 120])
def test_tables_fit_the_terminal_and_never_break_ids_dates_or_types(corpus, width):
    r = run("events", "--db", corpus, env={"COLUMNS": str(width)})
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and all(len(ln) <= width for ln in lines), [len(ln) for ln in lines]
    for cells in ("2022-09-23", "2022-09-22", "2022-09-21", "ASSAULT", "PROTEST"):
        assert cells in r.stdout
    rows = [ln for ln in lines if "2022-09-" in ln]
    assert len(rows) == 3                       # one line per event: nothing wrapped
    r = run("search", "--db", corpus, "rebuild", env={"COLUMNS": str(width)})
    assert all(len(ln) <= width for ln in r.stdout.splitlines())
    assert "…" in r.stdout                       # the long snippet is cut, not wrapped


def test_cli_events_and_api_events_list_the_same_events_with_the_same_filter_names(corpus):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    with TestClient(create_app(corpus, token="")) as api:
        for cli_args, params in ((["--attributed-to", "governor"], {"attributed_to": "governor"}),
                                 (["--type", "PROTEST"], {"type": "PROTEST"}),
                                 (["--since", "2022-09-22"], {"since": "2022-09-22"}),
                                 (["--place", "Zaporizhzhia"], {"place": "Zaporizhzhia"}),
                                 ([], {})):
            cli = json.loads(run("events", "--db", corpus, "-f", "json", *cli_args).stdout)
            web = api.get("/api/events", params=params).json()["items"]
            assert [e["id"] for e in cli] == [e["id"] for e in web], cli_args
            assert [[r["id"] for r in e["reports"]] for e in cli] == [[r["id"] for r in e["reports"]] for e in web]


# ------------------------------------------------------------------ runs tell the truth
def test_a_killed_run_is_marked_interrupted_by_the_next_ingest_and_stats_shows_it(tmp_path):
    import subprocess

    from sitrep.store import open_db
    from sitrep.store import schema as S
    db = tmp_path / "runs.db"
    store = open_db(db)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()                                   # a process id that no longer runs
    with store.engine.begin() as conn:
        conn.execute(S.runs.insert().values(started_at="2024-01-01T00:00:00+00:00", status="running",
                                            pid=gone.pid, host=socket.gethostname()))
        conn.execute(S.runs.insert().values(started_at="2024-01-01T00:00:00+00:00", status="running",
                                            pid=os.getpid(), host=socket.gethostname()))   # alive
    store.ingest_records([], inputs=["nothing"])
    statuses = sorted(r["status"] for r in store.runs())
    assert statuses == ["done", "interrupted", "running"]
    store.close()
    r = run("stats", "--db", db)
    assert r.exit_code == 0 and "runs interrupted" in r.stdout
    assert json.loads(run("stats", "--db", db, "-f", "json").stdout)["runs"]["interrupted"] == 1


# ------------------------------------------------------------------ serving a read-only folder
def test_serve_opens_a_database_in_a_read_only_folder_read_only(corpus, tmp_path, monkeypatch):
    import shutil

    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from sitrep.store.query import open_db
    from sitrep.web.app import create_app
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(corpus, folder / "corpus.db")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k:
                        False if mode & os.W_OK and str(p).startswith(str(folder)) else real(p, mode))
    store = open_db(folder / "corpus.db", read_only=True)
    with TestClient(create_app(store=store, token="")) as c:
        assert c.get("/api/events").json()["total"] == 3
        assert c.get("/").status_code == 200
    with pytest.raises(Exception, match="readonly|read-only"):
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM runs"))
    assert sorted(p.name for p in folder.iterdir()) == ["corpus.db"]     # no -wal, no -shm written


# ------------------------------------------------------------------ names that are not UTF-8
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_extract_table_on_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"report-\xff\xfe.txt")
    (tmp_path / name).write_text("Government troops shelled rebel positions near Goma on Monday, "
                                 "killing four fighters, the army said.\n", encoding="utf-8")
    for fmt in ("table", "jsonl"):
        r = run("extract", tmp_path, "--format", fmt, "--published", "2023-03-06")
        assert r.exit_code == 0, r.output
        assert "Traceback" not in r.output and "Goma" in r.stdout
        r.stdout_bytes.decode("utf-8")          # what is written is valid UTF-8 (strict)


# ------------------------------------------------------------------ the installed command
def test_installed_sitrep_gives_one_error_line_and_exit_2(installed_cli, tmp_path):
    cli = installed_cli
    r = cli("events", "--db", tmp_path / "typo.db")
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and r.stderr.startswith("error: ")
    assert not (tmp_path / "typo.db").exists()
    r = cli("serve", "--port", "99999")
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.startswith("error: ")
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("sitrep ")


# ------------------------------------------------------------------ --source for folders without front matter
def test_ingest_and_extract_take_source_for_inputs_that_name_none(tmp_path):
    folder = tmp_path / "sahel"
    folder.mkdir()
    (folder / "gao.txt").write_text("Gunmen attacked an army convoy near Gao on Sunday, killing four soldiers, "
                                    "the army said.\n", encoding="utf-8")
    (folder / "named.txt").write_text("---\nsource: Bamako Daily\n---\nJihadists burned a market near Mopti on "
                                      "Monday, residents said.\n", encoding="utf-8")
    r = run("extract", folder, "--source", "Sahel Monitor", "--published", "2023-04-02")
    assert r.exit_code == 0, r.output
    sources = sorted(json.loads(line)["source"] for line in r.stdout.splitlines())
    assert sources == ["Bamako Daily", "Sahel Monitor"]          # a named source is kept
    db = tmp_path / "sahel.db"
    r = run("ingest", folder, "--db", db, "--source", "Sahel Monitor", "--published", "2023-04-02", "--no-progress")
    assert r.exit_code == 0, r.output
    listed = json.loads(run("events", "--db", db, "--reports", "-f", "json").stdout)
    assert {e["source"] for e in listed} <= {"Sahel Monitor", "Bamako Daily"} and listed
    from sitrep.store import open_db
    store = open_db(db)
    assert sorted(a["source"] for a in store.articles()) == ["Bamako Daily", "Sahel Monitor"]
    store.close()


def test_a_read_command_upgrades_an_older_database_it_may_write(tmp_path, corpus):
    import shutil
    import sqlite3

    from sitrep.store.migrations import LATEST
    old = tmp_path / "old.db"
    shutil.copy(corpus, old)
    with sqlite3.connect(old) as c:
        c.execute("DELETE FROM schema_version WHERE version > 4")
    r = run("events", "--db", old, "-f", "json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 3, r.output
    with sqlite3.connect(old) as c:
        assert c.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(option=st.sampled_from(["--since", "--until", "--type", "--status", "--bbox", "--format", "--limit",
                               "--offset", "--place", "--actor", "--attributed-to"]),
       value=st.text(max_size=30).filter(lambda v: not v.startswith("-")))
def test_any_value_of_any_events_option_is_answered_or_one_error_line(corpus, option, value):
    r = run("events", "--db", corpus, option, value)
    assert r.exit_code in (0, 2), (option, value, r.output[-500:])
    assert r.exception is None or isinstance(r.exception, SystemExit), (option, value, r.exception)
    if r.exit_code == 2:
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), (option, value, r.stderr)


def test_serve_on_a_port_in_use_is_one_error_line(corpus):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert_one_error_line(run("serve", "--db", corpus, "--port", port), f"127.0.0.1:{port}", "--port")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["events"], ["events", "-f", "json"], ["stats"], ["export", "-f", "jsonl"],
                                  ["report"], ["extract", FIXTURES / "claims_orikhiv_strike.txt"]],
                         ids=["events-fast", "events-json", "stats", "export", "report", "extract"])
def test_output_to_a_full_disk_is_one_error_line(corpus, args):
    """`sitrep ... > /dev/full` (a disk that filled up): one line and exit 2, no traceback, for the
    fast query front and the Typer commands alike. Run as a user would, in a real process."""
    import subprocess
    sitrep = Path(sys.executable).parent / "sitrep"
    cmd = [str(sitrep), *map(str, args)] + ([] if args[0] == "extract" else ["--db", str(corpus)])
    with open("/dev/full", "w") as full:
        p = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
                           env={**os.environ, "SITREP_BUDGET_SECONDS": "0"})
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert p.returncode == 2 and len(lines) == 1, p.stderr
    assert lines[0].startswith("error: cannot write the output") and "No space left" in lines[0]

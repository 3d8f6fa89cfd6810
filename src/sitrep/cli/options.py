"""What the commands share: the `--db`, `--format`, date, type and paging options, their checks,
and the one-line error (`error: WHAT: why`, exit 2) that every bad value ends in.

One vocabulary of output formats serves every command: `table`, `json`, `jsonl`, `csv`, plus a
command's own (`export`: acled-csv, geojson, parquet; `report`: html, md). Each command names
the subset it writes, and `check_format` refuses anything else with the list.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn, Optional, Sequence

FORMATS = ("table", "json", "jsonl", "csv")
DEFAULT_DB = "sitrep.db"
DB_HELP = ("database: a path, sqlite:///file.db or postgresql://user@host/db "
           "(default $SITREP_DB, else sitrep.db)")


def one_line(text: str) -> str:
    """`text` as one printable line: line breaks, control characters and unpaired surrogates
    (a value the user typed, a file name) shown escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for c in str(text))


def output_failed(exc: OSError) -> str:
    """The one line for an OSError that escaped a command: in practice the output could not be
    written (`> /dev/full`, a disk that filled up, a lost terminal)."""
    what = f"cannot write {exc.filename}" if getattr(exc, "filename", None) else "cannot write the output"
    return f"error: {one_line(what)} ({exc.strerror or exc})"


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of a failed stream is silent."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one `error: ...` line on stderr and stop with `code` (2: the user's input was wrong).
    A plain SystemExit, so that the fast front (`cli.fast`) needs no Typer."""
    print(f"error: {one_line(message)}", file=sys.stderr, flush=True)
    raise SystemExit(code)


def format_help(allowed: Sequence[str]) -> str:
    return "output format: " + " | ".join(allowed)


def check_format(value: str, allowed: Sequence[str], what: str = "") -> str:
    """`value` when this command writes it; otherwise one error line listing what it writes."""
    v = (value or "").strip().lower()
    if v not in allowed:
        fail(f"--format {value!r}: unknown {what + ' ' if what else ''}format; "
             f"this command writes {', '.join(allowed)}")
    return v


def _checked(check, *args):
    """A store filter check, its FilterError turned into the one error line."""
    from ..store.filters import FilterError
    try:
        return check(*args)
    except FilterError as exc:
        fail(str(exc))


def check_date(value: Optional[str], option: str) -> Optional[str]:
    """A calendar date written YYYY-MM-DD, or None; "2022-13-01" and "yesterday" are refused."""
    from ..store.filters import check_day
    return _checked(check_day, value, option)


def check_period(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    from ..store.filters import check_period as period
    return _checked(period, since, until, ("--since", "--until"))


def check_types(value: Optional[str]) -> Optional[str]:
    """'assault,protest' -> 'ASSAULT,PROTEST'; an unknown type fails with the list of the 16."""
    from ..store.filters import check_types as types
    return _checked(types, value, "--type")


def check_status(value: Optional[str]) -> Optional[str]:
    from ..store.filters import check_statuses
    return _checked(check_statuses, value, "--status")


def input_date(published: Optional[str]) -> Optional[str]:
    """--published of extract/ingest/explain: any written date ("22 September 2022") -> ISO."""
    if published is None:
        return None
    from ..readers import normalise_date
    iso = normalise_date(published)
    if iso is None:
        fail(f"--published {published!r}: not a date (write it YYYY-MM-DD)")
    return iso


def check_out(path: Optional[Path], option: str = "--out", replaced: bool = False) -> Optional[Path]:
    """A file this process can create or overwrite (checked before any work is done). `replaced`:
    the writer makes a new file and moves it into place, so an existing target must be a regular
    file (never a device or a pipe: /dev/full would be replaced by a file)."""
    if path is None:
        return None
    p = Path(path).expanduser()
    if p.is_dir():
        fail(f"{option} {path}: is a folder; give a file name")
    parent = p.parent if str(p.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        fail(f"{option} {path}: {parent} is a file, not a folder")
    if not parent.is_dir():
        fail(f"{option} {path}: no such folder {parent}")
    if replaced and p.exists() and not p.is_file():
        fail(f"{option} {path}: not a regular file (a device or a pipe); give a file name")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        fail(f"{option} {path}: cannot write here (permission denied)")
    return p


def db_label(db: Optional[str]) -> str:
    """The database the user meant: --db, else $SITREP_DB, else sitrep.db."""
    return db or os.environ.get("SITREP_DB") or DEFAULT_DB


def open_store(db: Optional[str], create: bool = False, read_only: Optional[bool] = None, lite: bool = False):
    """The corpus `Store` at --db / $SITREP_DB. A read command (`create=False`) never creates a
    database (a missing file is a typo, not a wish for an empty corpus) and opens it read-only,
    so it never waits for an ingest's write lock and works in a read-only folder. Every failure
    (not a SQLite file, a server where nothing listens, an unknown URL scheme) is one error line.
    `lite` (the query commands): a SQLite file is read through sqlite3 without importing
    SQLAlchemy (`store.lite`), when it can be."""
    if read_only is None:
        read_only = not create
    from ..store.urls import sqlite_path

    label = db_label(db)
    path = sqlite_path(label)
    if path is not None and not create:
        if not path.exists():
            fail(f"{label}: no such database file (create it with `sitrep ingest FILES --db {label}`)")
        if path.is_dir():
            fail(f"{label}: is a folder, not a database file")
    if lite and read_only:
        from ..store.lite import open_lite
        store = open_lite(label)
        if store is not None:
            return store
    from ..store.query import StoreError, open_db
    try:
        return open_db(label, read_only=read_only)
    except StoreError as exc:
        fail(f"{label}: {exc}")


def check_budget() -> None:
    """The run's budget (--budget-seconds, --max-events, SITREP_BUDGET_* / SITREP_MAX_EVENTS),
    read once before any work: a bad value is one line and exit 2, not a traceback per worker."""
    from ..run.budget import Budget
    try:
        Budget.configured()
    except ValueError as exc:
        fail(str(exc))

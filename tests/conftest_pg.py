"""Corpus-database test fixtures: a REAL PostgreSQL server (pytest-postgresql's `postgresql_proc`
factory over Debian's pg_ctl), a `db_url` parametrised over SQLite and PostgreSQL so the same
store tests run on both back ends, and small Record builders.

Registered for every test module by `pytest_plugins` in conftest.py; import only the record
builders:  from conftest_pg import make_record, strike

PostgreSQL refuses to run as root; when the tests run as root (CI does) pg_ctl is called through
a tiny wrapper that runs it as the `postgres` system user, with its data folder in a temp folder
of ours that user can reach.
"""
from __future__ import annotations

import atexit
import glob
import os
import shutil
import stat
import tempfile
import uuid
from pathlib import Path

import pytest

from sitrep.record import Count, Entity, Event, Location, Mention, Quote, Record


def find_pg_ctl() -> str | None:
    env = os.environ.get("SITREP_PG_CTL")
    if env and os.path.exists(env):
        return env
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4])
                   if p.split("/")[4].isdigit() else 0)
    return found[-1] if found else shutil.which("pg_ctl")


def _root_wrapper(real: str) -> str | None:
    """A pg_ctl that runs the real one as `postgres` (for root). None when not root."""
    if os.geteuid() != 0:
        return real
    if not shutil.which("runuser"):
        return None
    try:
        import pwd
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    d = tempfile.mkdtemp(prefix="sitrep-pgctl-")
    atexit.register(shutil.rmtree, d, True)
    os.chmod(d, 0o755)
    base = os.path.join(d, "data")
    os.mkdir(base)
    shutil.chown(base, "postgres")
    path = os.path.join(d, "pg_ctl")
    # The data folder and log are moved out of pytest's temp tree (which pytest re-locks to 0700
    # whenever another session starts) to a folder of ours, by a fixed mapping of the path
    # pytest-postgresql asks for, so start/status/stop all find the same server.
    Path(path).write_text("""#!/bin/bash
# run pg_ctl as the postgres user (PostgreSQL will not run as root)
BASE="@BASE@"
map() { printf '%s/%s' "$BASE" "$(printf '%s' "$1" | md5sum | cut -c1-16)"; }
args=()
prev=""
for a in "$@"; do
  orig="$a"
  case "$prev" in
    -D|--pgdata) a="$(map "$a")"; [ -e "$orig" ] || { mkdir -p "$(dirname "$orig")"; ln -sfn "$a" "$orig"; } ;;
    -l|--log) a="$(map "$a").log" ;;
  esac
  case "$a" in
    --pgdata=*) o="${a#*=}"; a="--pgdata=$(map "$o")"; [ -e "$o" ] || { mkdir -p "$(dirname "$o")"; ln -sfn "${a#*=}" "$o"; } ;;
    --log=*) a="--log=$(map "${a#*=}").log" ;;
  esac
  args+=("$a")
  prev="$orig"
done
cd /tmp
if [ "$1" = "stop" ]; then
  runuser -u postgres -- "@REAL@" "${args[@]}"; rc=$?
  # drop our symlink so pytest-postgresql's clean-up finds nothing to remove
  prev=""; for a in "$@"; do case "$prev" in -D|--pgdata) [ -L "$a" ] && rm -f "$a" ;; esac; prev="$a"; done
  exit $rc
fi
exec runuser -u postgres -- "@REAL@" "${args[@]}"
""".replace("@REAL@", real).replace("@BASE@", base))
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


PG_CTL = find_pg_ctl()
_EXEC = _root_wrapper(PG_CTL) if PG_CTL else None
SKIP_REASON = ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl; `make system-deps` "
               "installs it)" if not PG_CTL else
               "running as root without runuser/postgres user: cannot start PostgreSQL")

if _EXEC:
    from pytest_postgresql import factories

    pg_proc = factories.postgresql_proc(executable=_EXEC, host="127.0.0.1", port=None,
                                        unixsocketdir=tempfile.gettempdir())
else:
    @pytest.fixture(scope="session")
    def pg_proc():
        pytest.skip(SKIP_REASON)


@pytest.fixture
def pg_url(pg_proc):
    """A fresh, empty database on the session's PostgreSQL server; dropped afterwards."""
    import psycopg

    name = "sitrep_" + uuid.uuid4().hex[:12]
    admin = dict(host=pg_proc.host, port=pg_proc.port, user=pg_proc.user, dbname="postgres", autocommit=True)
    if pg_proc.password:
        admin["password"] = pg_proc.password
    with psycopg.connect(**admin) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    auth = pg_proc.user + (f":{pg_proc.password}" if pg_proc.password else "")
    yield f"postgresql://{auth}@{pg_proc.host}:{pg_proc.port}/{name}"
    with psycopg.connect(**admin) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same test on both back ends: a SQLite file, and a database on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    from sitrep.store import open_db

    s = open_db(db_url)
    yield s
    s.close()


# ------------------------------------------------------------------------------ record builders
FILLER = ("Emergency crews worked through the night to clear debris from damaged buildings while "
          "residents gathered outside, officials said, adding that power had been restored to most "
          "districts by the morning and that schools would remain closed until further notice.")


def mention(text: str, surface: str) -> Mention:
    """The first occurrence of `surface` in `text`, with its sentence (a real substring)."""
    i = text.index(surface)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", i)
    e = len(text) if e < 0 else e + 1
    return Mention(text=surface, start=i, end=i + len(surface), sentence=text[s:e], sent_start=s, sent_end=e)


def make_record(rid: str, url: str | None, source: str | None, text: str, *, published="2022-09-22",
                events=(), persons=(), orgs=(), places=(), quotes=(), counts=()) -> Record:
    """A Record whose entities/places/quotes carry real offsets into `text` when they occur in it."""
    def ent(name, kind, aliases=()):
        ms = [mention(text, f) for f in [name, *aliases] if f in text]
        return Entity(name=name, aliases=list(aliases), kind=kind, mentions=ms)

    locs = []
    for p in places:
        name, cc, lat, lon = p[:4]
        aliases = list(p[4]) if len(p) > 4 else []
        admin1 = p[5] if len(p) > 5 else None
        ms = [mention(text, f) for f in [name, *aliases] if f in text]
        locs.append(Location(name=name, country=cc, lat=lat, lon=lon, aliases=aliases, admin1=admin1, mentions=ms))
    qs = []
    for speaker, qtext in quotes:
        i = text.find(qtext)
        qs.append(Quote(speaker=speaker, text=qtext, evidence=qtext, start=max(i, 0), end=max(i, 0) + len(qtext)))
    cs = []
    for value, cat, ev in counts:
        i = text.find(ev)
        cs.append(Count(value=value, category=cat, evidence=ev, start=max(i, 0), end=max(i, 0) + len(ev)))
    evs = []
    for e in events:
        e = dict(e)
        ev_text = e.pop("evidence", text.split(". ")[0])
        i = text.find(ev_text)
        evs.append(Event(evidence=ev_text, start=max(i, 0), end=max(i, 0) + len(ev_text), **e))
    return Record(id=rid, title=text.split(". ")[0][:80], published=published, url=url, source=source, text=text,
                  body_chars=(0, len(text)),
                  persons=[ent(p, "person") if isinstance(p, str) else ent(p[0], "person", p[1]) for p in persons],
                  organizations=[ent(o, "organization") for o in orgs],
                  locations=locs, quotes=qs, counts=cs, events=evs)


ZAP = ("Zaporizhzhia", "UA", 47.84, 35.14, ["Zaporizhia"], "Zaporizhzhia Oblast")
KHARKIV = ("Kharkiv", "UA", 49.99, 36.23, [], "Kharkiv Oblast")


def strike(rid, source, fatalities=1, *, url=None, date="2022-09-22", actor="Russia", actor_country="RU",
           status="occurred", place=ZAP, attributed_to=None, extra="", published="2022-09-22", text=None):
    """An article reporting a missile strike (one ASSAULT event) with its own wording."""
    text = text or (f"{source} reports: Russian missiles struck {place[0]} on Thursday and {fatalities} "
                    f"people were killed, regional governor Oleksandr Starukh said. {extra} "
                    f"Dmitry Medvedev defended the strikes. {FILLER} Item {rid}.")
    return make_record(
        rid, url or f"https://{source.lower().replace(' ', '')}.example/{rid}", source, text, published=published,
        persons=[("Oleksandr Starukh", ["Starukh"]), "Dmitry Medvedev"], places=[place],
        quotes=[("Oleksandr Starukh", "people were killed")],
        counts=[(fatalities, "killed", f"{fatalities} people were killed")] if fatalities is not None else [],
        events=[dict(type="ASSAULT", mode="missile", actor=actor, actor_country=actor_country, target=place[0],
                     location=place[0], country=place[1], date=date, fatalities=fatalities, status=status,
                     attributed_to=attributed_to)])

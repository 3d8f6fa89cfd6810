import sys
from pathlib import Path

import pytest

# the corpus-database fixtures (db_url over SQLite and PostgreSQL, store, pg_proc, pg_url)
pytest_plugins = ["conftest_pg"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import get_nlp
    return get_nlp()


@pytest.fixture
def analyse():
    """analyse(text, published=None) -> Analysis: run the whole pipeline over a short text."""
    from sitrep.pipeline import analyse as _analyse
    from sitrep.record import Article

    def run(text, published=None):
        return _analyse(Article(id="t", text=text, published=published))
    return run


@pytest.fixture
def events(analyse):
    """events(text, published="2024-05-02") -> the events the whole pipeline codes in a short text
    (a test module may define its own `events` with another date or preamble)."""
    def run(text, published="2024-05-02"):
        return analyse(text, published).events
    return run


@pytest.fixture
def headed_events(analyse):
    """headed_events(text, published="2024-05-02") -> the events of a short text under a headline
    (the text is the body, not the lead that opens an article)."""
    def run(text, published="2024-05-02"):
        return analyse("Latest reports\n\n" + text, published).events
    return run


@pytest.fixture
def typed_events(analyse):
    """typed_events(text, etype=None, published="2024-05-02") -> the events of a short text, only
    those of type `etype` when given."""
    def run(text, etype=None, published="2024-05-02"):
        return [e for e in analyse(text, published).events if etype is None or e.type == etype]
    return run


@pytest.fixture
def assaults(analyse):
    """assaults(text, published="2024-05-02") -> the ASSAULT events of a short text."""
    def run(text, published="2024-05-02"):
        return [e for e in analyse(text, published).events if e.type == "ASSAULT"]
    return run


@pytest.fixture
def quotes_of(analyse):
    """quotes_of(body) -> [(speaker, text)] of the quotes in a short report (a headline added)."""
    def run(body):
        an = analyse("Report\n\n" + body, published="2024-05-02")
        return [(q.speaker, q.text) for q in an.quotes]
    return run


@pytest.fixture
def cli():
    """cli(*args) -> CompletedProcess-like (returncode, stdout, stderr): `sitrep ARGS` run
    in-process through typer's CliRunner (fast: the model and data load once per session)."""
    import subprocess

    from typer.testing import CliRunner

    from sitrep.cli import app

    def run(*args, input=None, check=False):
        argv = [str(a) for a in args]
        r = CliRunner().invoke(app, argv, input=input)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception
        done = subprocess.CompletedProcess(["sitrep", *argv], r.exit_code, r.stdout, r.stderr)
        if check:
            done.check_returncode()
        return done
    return run


@pytest.fixture
def installed_cli():
    """installed_cli(*args) -> CompletedProcess: the installed `sitrep` command in a subprocess."""
    import subprocess

    def run(*args, input=None, check=False):
        exe = Path(sys.executable).parent / "sitrep"
        return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True,
                              input=input, check=check, timeout=600)
    return run


@pytest.fixture
def parsed(nlp):
    """parsed(text, cleaned=True, published=None) -> Analysis with the parse and no stage run,
    for testing one stage alone on a short text."""
    from sitrep.analysis import Analysis
    from sitrep.clean import CleanText, clean
    from sitrep.dates import DateResolver
    from sitrep.record import Article

    def run(text, cleaned=True, published=None):
        cl = clean(text) if cleaned else CleanText(text=text, offsets=list(range(len(text) + 1)))
        return Analysis(article=Article(id="t", text=text), clean=cl, doc=nlp(cl.text),
                        dates=DateResolver(published))
    return run


@pytest.fixture
def counted(parsed):
    """counted(text) -> the (value, category) of each count the counts stage alone finds, in order."""
    from sitrep.counts import find_counts

    def run(text):
        return [(c.value, c.category) for c in find_counts(parsed(text))]
    return run


@pytest.fixture
def named(parsed):
    """named(text) -> Analysis after the places and entities stages only."""
    from sitrep.entities import find_entities
    from sitrep.places import find_places

    def run(text):
        an = parsed(text)
        an.locations = find_places(an)
        an.persons, an.organizations = find_entities(an)
        return an
    return run


@pytest.fixture
def ents(named):
    """ents(text) -> (persons, organizations, locations) after the places and entities stages."""
    def run(text):
        an = named(text)
        return an.persons, an.organizations, an.locations
    return run

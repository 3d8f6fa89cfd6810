"""Composes the stages: extract(Article) -> Record (`run.local.extract_many` streams many, in parallel).

    read -> clean -> spaCy -> places -> entities -> dates -> quotes -> counts -> events -> Record

Every input ends as a Record or an InputError; nothing is dropped. An exception inside a stage is
a bug, but it must not stop a run of thousands of articles: it becomes an InputError of kind
"extract" naming the article.
"""
from __future__ import annotations

from . import counts, entities, places, quotes
from .analysis import Analysis
from .clean import clean
from .dates import DateResolver, find_published
from .events import code_events
from .nlp import get_nlp, parse, parse_many
from .record import Article, InputError, Record
from .run.budget import Budget, OverBudget, limited

Result = Record | InputError


def _title(article: Article) -> str | None:
    if article.title:
        return article.title
    for line in article.text.splitlines():
        if line.strip():
            return line.strip()
    return None


def analyse(article: Article, doc=None, cleaned=None) -> Analysis:
    """Run every stage over one article; `doc` may come from a batched nlp.pipe."""
    cleaned = cleaned or clean(article.text)
    if doc is None:
        doc = parse(cleaned.text)
    published = article.published or find_published(article.text)
    an = Analysis(article=article, clean=cleaned, doc=doc, dates=DateResolver(published, article.text, cleaned.offsets))
    an.locations = places.find_places(an)
    an.persons, an.organizations = entities.find_entities(an)
    an.quotes = quotes.find_quotes(an)
    an.counts = counts.find_counts(an)
    code_events(an)
    return an


def to_record(an: Analysis) -> Record:
    a = an.article
    return Record(
        id=a.id, title=_title(a), published=an.dates.published,
        body_chars=an.clean.body_chars and an.clean.to_original(*an.clean.body_chars),
        boilerplate=list(an.clean.boilerplate),
        persons=an.persons, organizations=an.organizations, locations=an.locations,
        quotes=an.quotes, counts=an.counts, events=an.events,
        url=a.url, source=a.source, text=a.text, warnings=list(a.warnings),
    )


def extract(article: Article) -> Record:
    return to_record(analyse(article))


def _failed(article: Article, exc: BaseException) -> InputError:
    """An article whose extraction failed or went over budget -> its one error row."""
    where = article.origin or article.id
    if isinstance(exc, OverBudget):
        return InputError(where, exc.message, kind=exc.kind)
    if isinstance(exc, MemoryError):
        return InputError(where, "too large to extract in this machine's memory; split the article", "too_large")
    msg = " ".join(str(exc).split())[:200]
    return InputError(where, f"extraction failed ({type(exc).__name__}: {msg})", kind="extract")


def _one(article: Article, cleaned, doc, budget: Budget | None) -> Result:
    try:
        with limited(budget, label=article.origin or article.id):
            return to_record(analyse(article, doc=doc, cleaned=cleaned))
    except (Exception, OverBudget) as exc:   # a bug in a rule, or a runaway text: listed, the run goes on
        return _failed(article, exc)


def _clean_all(articles: list[Article], budget: Budget | None) -> list:
    cleaned = []
    for a in articles:
        try:
            with limited(budget, label=a.origin or a.id):
                cleaned.append(clean(a.text))
        except (Exception, OverBudget) as exc:
            cleaned.append(_failed(a, exc))
    return cleaned


def _extract_batch(items: list[Article | InputError], batch_size: int = 16,
                   budget: Budget | None = None) -> list[Result]:
    """Clean, parse in one nlp.pipe call, run the rules; errors stay in their place. Each article
    runs under `budget` (run.budget): one that goes over it becomes an error row."""
    articles = [a for a in items if isinstance(a, Article)]
    cleaned = _clean_all(articles, budget)
    texts = [c.text for c in cleaned if not isinstance(c, InputError)]
    batch_budget = budget and Budget(seconds=budget.seconds and budget.seconds * max(1, len(texts)),
                                     memory_mb=budget.memory_mb, events=budget.events)
    try:
        with limited(batch_budget, "batch"):
            parsed = iter(list(parse_many(texts, batch_size=batch_size)))
        docs = [None if isinstance(c, InputError) else next(parsed) for c in cleaned]
    except (Exception, OverBudget):  # one bad text must not cost the batch: parse one by one below
        docs = [None] * len(articles)
    by_article = iter(zip(articles, cleaned, docs))
    out: list[Result] = []
    for item in items:
        if isinstance(item, InputError):
            out.append(item)
            continue
        article, cl, doc = next(by_article)
        out.append(cl if isinstance(cl, InputError) else _one(article, cl, doc, budget))
    return out


def warm_up() -> None:
    """Load the model, build the gazetteer and read the event lexicon and actor table once per
    process, before the first article (in the forkserver: every pool child starts with them)."""
    from .events.actors import load_actors
    from .events.lexicon import load_lexicon
    get_nlp()
    places.warm_up()
    load_lexicon()
    load_actors()

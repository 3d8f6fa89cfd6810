"""Composes the stages: extract(Article) -> Record; extract_many streams many, optionally in parallel.

    read -> clean -> spaCy -> places -> entities -> dates -> quotes -> counts -> events -> Record

Every input ends as a Record or an InputError; nothing is dropped. An exception inside a stage is
a bug, but it must not stop a run of thousands of articles: it becomes an InputError of kind
"extract" naming the article.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from typing import Iterable, Iterator

from . import counts, entities, places, quotes
from .analysis import Analysis
from .clean import clean
from .dates import DateResolver, find_published
from .events import code_events
from .nlp import get_nlp
from .record import Article, InputError, Record

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
        doc = get_nlp()(cleaned.text)
    published = article.published or find_published(article.text)
    an = Analysis(article=article, clean=cleaned, doc=doc, dates=DateResolver(published))
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


def _extract_batch(items: list[Article | InputError], batch_size: int = 16) -> list[Result]:
    """Clean, parse in one nlp.pipe call, run the rules; errors stay in their place."""
    nlp = get_nlp()
    articles = [a for a in items if isinstance(a, Article)]
    cleaned = [clean(a.text) for a in articles]
    try:
        docs = list(nlp.pipe((c.text for c in cleaned), batch_size=batch_size))
    except Exception:  # one bad text must not cost the batch: parse one by one below
        docs = [None] * len(articles)
    by_article = iter(zip(articles, cleaned, docs))
    out: list[Result] = []
    for item in items:
        if isinstance(item, InputError):
            out.append(item)
            continue
        article, cl, doc = next(by_article)
        try:
            out.append(to_record(analyse(article, doc=doc, cleaned=cl)))
        except Exception as exc:  # a bug in a rule must not stop the run; it is listed
            out.append(InputError(article.origin or article.id,
                                  f"extraction failed ({type(exc).__name__}: {exc})", kind="extract"))
    return out


def warm_up() -> None:
    """Load the model and build the gazetteer once per process, before the first article."""
    get_nlp()
    places.warm_up()


def _chunks(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def extract_many(items: Iterable[Article | InputError], workers: int = 1,
                 chunk_size: int = 32) -> Iterator[Result]:
    """Stream results in input order; memory holds at most a few chunks per worker."""
    if workers <= 1:
        for chunk in _chunks(items, chunk_size):
            yield from _extract_batch(chunk)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=warm_up) as pool:
        for results in pool.imap(_extract_batch, _chunks(items, chunk_size), chunksize=1):
            yield from results

"""RSS and Atom files (.xml/.rss/.atom) -> one Article per entry, with feedparser.

The entry's full content (or its summary) is stripped of markup; link, title and the entry's
published (or updated) date come along; the feed's title is the source.
"""
from __future__ import annotations

from typing import Iterator

from ..record import Article, InputError
from .detect import ReadFailure, check_has_text
from .html import html_to_text
from .meta import normalise_date, with_title


def _entry_text(entry) -> str:
    for c in entry.get("content") or []:
        if c.get("value"):
            return html_to_text(c["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def read_feed(data: bytes, origin: str, published: str | None = None) -> Iterator[Article | InputError]:
    import feedparser
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            why = str(parsed.get("bozo_exception") or "not well-formed").splitlines()[0][:120]
            raise ReadFailure(f"not an RSS/Atom feed ({why})", "parse")
        raise ReadFailure("feed has no entries", "empty")
    source = (parsed.get("feed") or {}).get("title") or None
    for i, entry in enumerate(entries):
        where = f"{origin}#{i}"
        try:
            body = _entry_text(entry)
            title = html_to_text(entry.get("title") or "") or None
            check_has_text(body)
            link = entry.get("link") or None
            date = (normalise_date(entry.get("published_parsed") or entry.get("updated_parsed"))
                    or normalise_date(entry.get("published") or entry.get("updated")))
            yield Article(id=Article.make_id(entry.get("id") or link or body), text=with_title(title, body),
                          title=title, url=link, source=source, published=date or published, origin=where)
        except ReadFailure as exc:
            yield exc.error(where)
        except Exception as exc:    # one bad entry costs that entry, not the feed
            yield InputError(where, f"cannot read feed entry ({type(exc).__name__})", "parse")

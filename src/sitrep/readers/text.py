"""Plain text (.txt, no extension, anything textual): title = first non-empty line.

An optional front-matter block at the very top carries url / published / source / title / id;
Article.text is everything after it, exactly as in the file (so evidence offsets point into it).
"""
from __future__ import annotations

from ..record import Article
from .detect import check_has_text
from .meta import first_line, normalise_date, split_front_matter


def text_to_article(raw: str, *, id: str, origin: str, published: str | None = None) -> Article:
    fields, text = split_front_matter(raw)
    check_has_text(text)
    return Article(
        id=fields.get("id") or id, text=text,
        title=fields.get("title") or first_line(text),
        url=fields.get("url") or None, source=fields.get("source") or None,
        published=normalise_date(fields.get("published") or fields.get("date")) or published,
        origin=origin)

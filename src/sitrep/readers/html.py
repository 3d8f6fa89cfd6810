"""HTML pages -> Article with trafilatura (body text, title, date, site name, canonical URL).

trafilatura drops navigation, footers and comment sections; what junk lines survive are left to
clean.py. Broken markup still yields whatever text it holds, via a plain lxml fallback.
"""
from __future__ import annotations

import re

from ..record import Article
from .detect import ReadFailure, check_has_text
from .meta import normalise_date, with_title

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "blockquote", "header", "footer", "pre", "dd", "dt", "figcaption"}


def html_to_text(fragment: str) -> str:
    """Markup -> plain text with a line break per block element (feeds, broken pages)."""
    if "<" not in fragment:
        import html as _html
        return _html.unescape(fragment).strip()
    import lxml.html
    from lxml import etree
    try:
        root = lxml.html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCK:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag.lower() in _BLOCK:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)
    walk(root)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n\n", text)
    return text.strip()


def _title_from_markup(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if m:
        t = html_to_text(m.group(1)).strip()
        return t or None
    return None


def html_to_article(html: str, *, id: str, origin: str, url: str | None = None,
                    published: str | None = None, source: str | None = None) -> Article:
    """One page -> one Article; its text is trafilatura's body text with the title on top."""
    import trafilatura
    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=False)
    except Exception:  # trafilatura/lxml raise on some broken markup: fall back below
        doc = None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = (meta.get("text") or "").strip()
    title = (meta.get("title") or "").strip() or None
    if not body:
        body = html_to_text(html)
        title = title or _title_from_markup(html)
        if title and body.startswith(title):
            body = body[len(title):].lstrip()
    if not body.strip():
        raise ReadFailure("no article text found in the HTML page", "extract")
    check_has_text(body)
    return Article(
        id=id, text=with_title(title, body), title=title,
        url=url or meta.get("url") or None,
        source=source or meta.get("sitename") or meta.get("hostname") or None,
        published=normalise_date(meta.get("date")) or published, origin=origin)

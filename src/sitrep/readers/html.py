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
    """Markup -> plain text with a line break per block element (feeds, broken pages).

    lxml reads markup nested up to ~2,000 levels; deeper or unclosed nesting that leaves lxml with
    nothing is read by a flat tag-soup scanner instead (no tree, so no depth limit)."""
    if "<" not in fragment:
        import html as _html
        return _html.unescape(fragment).strip()
    text = _tree_text(fragment)
    if text is None or not text.strip():
        text = _flat_text(fragment)
    return _tidy(text)


def _tree_text(fragment: str) -> str | None:
    """Text through lxml's tree; None when the tree is cut short (nesting beyond lxml's limit)."""
    import lxml.html
    from lxml import etree
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.fromstring(fragment, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return None
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):   # no recursion: any depth
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _BLOCK:
            parts.append("\n")
        if event == "start":
            if el.text and tag:
                parts.append(el.text)
        elif el.tail and el is not root:
            parts.append(el.tail)
    return "".join(parts)


def _flat_text(fragment: str) -> str:
    """Text of markup read as a flat stream of tags (html.parser keeps no tree)."""
    from html.parser import HTMLParser

    parts: list[str] = []
    skip = [0]

    class _Scanner(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "noscript"):
                skip[0] += 1
            elif tag in _BLOCK:
                parts.append("\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "noscript"):
                skip[0] = max(0, skip[0] - 1)
            elif tag in _BLOCK:
                parts.append("\n")

        def handle_data(self, data):
            if not skip[0]:
                parts.append(data)

    scanner = _Scanner(convert_charrefs=True)
    scanner.feed(fragment)
    scanner.close()
    return "".join(parts)


def _tidy(text: str) -> str:
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

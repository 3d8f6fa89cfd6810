"""JSON lines (.jsonl/.ndjson: one article per line) and JSON (.json: one object or a list).

Fields: id, url, title, text, published, source (`body`/`content` accepted for text, `date` for
published). A malformed line is one InputError naming file:LINE; the other lines go on.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..record import Article, InputError
from .detect import MAX_BYTES, ReadFailure, check_has_text, decode, human_size, open_stream
from .meta import first_line, normalise_date

_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_DATE_KEYS = ("published", "date", "date_publish", "published_at", "pubdate")


def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, (str, int, float)):
        s = str(v).strip()
        return s or None
    return None


def object_to_article(obj: Any, *, origin: str, default_id: str | None,
                      published: str | None = None) -> Article:
    """One JSON object -> Article, or ReadFailure saying which field is missing."""
    if not isinstance(obj, dict):
        raise ReadFailure(f"expected a JSON object with a \"text\" field, got {type(obj).__name__}", "parse")
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        raise ReadFailure("JSON object has no \"text\" field", "parse")
    check_has_text(text)
    url = _str(obj.get("url") or obj.get("link"))
    title = _str(obj.get("title")) or first_line(text)
    pub = next((obj[k] for k in _DATE_KEYS if obj.get(k)), None)
    return Article(
        id=_str(obj.get("id")) or default_id or Article.make_id(url or text),
        text=text, title=title, url=url, source=_str(obj.get("source") or obj.get("site")),
        published=normalise_date(pub) or published, origin=origin)


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON ({exc.msg}, column {exc.colno})"


def read_jsonl(path: Path, origin: str, published: str | None = None) -> Iterator[Article | InputError]:
    """Stream line by line: a 5 GB dump is read in constant memory; each line is limited to MAX_BYTES."""
    seen_any = False
    with open_stream(path) as fh:
        lineno = 0
        while True:
            line = fh.readline(MAX_BYTES + 1)
            if not line:
                break
            lineno += 1
            where = f"{origin}:{lineno}"
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    pass
                seen_any = True
                yield InputError(where, f"line too large (> {human_size(MAX_BYTES)}); skipped", "too_large")
                continue
            if not line.strip():
                continue
            seen_any = True
            try:
                text = decode(line)
                obj = json.loads(text)
                yield object_to_article(obj, origin=where, default_id=None, published=published)
            except json.JSONDecodeError as exc:
                yield InputError(where, _json_error(exc), "parse")
            except ReadFailure as exc:
                yield exc.error(where)
    if not seen_any:
        yield InputError(origin, "empty file (no JSON lines)", "empty")


def read_json(data: bytes, origin: str, stem: str, published: str | None = None) -> Iterator[Article | InputError]:
    """A .json file: one article object, a list of them, or {"articles": [...]}."""
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise ReadFailure(f"malformed JSON ({exc.msg}, line {exc.lineno} column {exc.colno})", "parse")
    if isinstance(obj, dict) and not any(isinstance(obj.get(k), str) for k in _TEXT_KEYS):
        for key in ("articles", "items", "data", "records"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if isinstance(obj, dict):
        yield object_to_article(obj, origin=origin, default_id=stem, published=published)
        return
    if not isinstance(obj, list):
        raise ReadFailure("expected a JSON object or a list of objects", "parse")
    if not obj:
        raise ReadFailure("empty JSON list (no articles)", "empty")
    for i, item in enumerate(obj):
        where = f"{origin}#{i}"
        try:
            yield object_to_article(item, origin=where, default_id=None, published=published)
        except ReadFailure as exc:
            yield exc.error(where)

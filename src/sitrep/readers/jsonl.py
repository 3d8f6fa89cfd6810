"""JSON lines (.jsonl/.ndjson: one article per line) and JSON (.json: one object or a list).

Fields: id, url, title, text, published, source (`body`/`content` accepted for text, `date` for
published). Every line is its own unit: a malformed line (bad JSON, a NUL byte, nesting too deep,
a number too long, bytes in no encoding) is one InputError naming FILE:LINE, and the other lines
go on. `article_from_dict` is the one dict -> Article path: the API builds its Articles with it.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..record import Article, InputError
from .detect import (MAX_BYTES, SNIFF, ReadFailure, check_has_text, decode_text, human_size, open_stream,
                     wide_encoding)
from .meta import first_line, normalise_date

_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_DATE_KEYS = ("published", "date", "date_publish", "published_at", "pubdate")


def _str(v: Any) -> str | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (str, int, float)):
        try:
            s = str(v).strip()
        except ValueError:      # an int beyond Python's int-to-string digit limit
            return None
        return s or None
    return None


def _published(obj: dict, strict_dates: bool) -> tuple[str | None, str | None]:
    """(ISO date or None, warning or None) from the first date field present."""
    raw = next((obj[k] for k in _DATE_KEYS if obj.get(k)), None)
    if raw is None:
        return None, None
    iso = normalise_date(raw) if isinstance(raw, str) else None
    if iso is None:
        shown = _str(raw) or type(raw).__name__
        shown = shown if len(shown) <= 40 else shown[:40] + "..."
        if strict_dates:
            raise ReadFailure(f"published is not a date: {shown!r} (use YYYY-MM-DD)", "parse")
        return None, f"published date {shown!r} not understood; ignored"
    return iso, None


def _json_type(v: Any) -> str:
    if v is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string",
            list: "a list"}.get(type(v), type(v).__name__)


def article_from_dict(obj: Any, origin: str, *, default_id: str | None = None,
                      published: str | None = None, strict_dates: bool = True) -> Article:
    """One JSON object (a JSONL line, a posted API article) -> Article, validated the same way
    for every input: a "text" field of at least three words, a published date that is a date.

    Raises ReadFailure (`.message`, `.kind`, `.error(origin)` -> InputError) when the object cannot
    be an article. With `strict_dates=False` (files) a published value that is not a date is
    dropped with a warning on the Article instead; the API keeps the strict default.
    """
    if not isinstance(obj, dict):
        raise ReadFailure(f"expected a JSON object with a \"text\" field, got {_json_type(obj)}", "parse")
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        raise ReadFailure("JSON object has no \"text\" field", "parse")
    check_has_text(text)
    pub, warning = _published(obj, strict_dates)
    url = _str(obj.get("url") or obj.get("link"))
    title = _str(obj.get("title")) or first_line(text)
    article = Article(
        id=_str(obj.get("id")) or default_id or Article.make_id(url or text),
        text=text, title=title, url=url, source=_str(obj.get("source") or obj.get("site")),
        published=pub or published, origin=origin)
    if warning:
        article.warnings.append(warning)
    return article


def object_to_article(obj: Any, *, origin: str, default_id: str | None,
                      published: str | None = None) -> Article:
    """One object of a file (lenient about dates: see article_from_dict)."""
    return article_from_dict(obj, origin, default_id=default_id, published=published, strict_dates=False)


def loads(text: str, lines: bool = False) -> Any:
    """json.loads with every failure (bad JSON, nesting too deep, a number too long) turned into
    a one-line ReadFailure; `lines` names the line of the error too (a whole .json file)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if lines else f"column {exc.colno}"
        raise ReadFailure(f"malformed JSON ({exc.msg}, {where})", "parse") from None
    except RecursionError:
        raise ReadFailure("malformed JSON (nested too deeply)", "parse") from None
    except ValueError as exc:   # an integer beyond Python's int-string digit limit
        if "digits" in str(exc):
            raise ReadFailure("malformed JSON (a number longer than Python reads: over 4,300 digits)",
                              "parse") from None
        raise ReadFailure(f"malformed JSON ({str(exc).splitlines()[0][:100]})", "parse") from None


def line_to_article(line: bytes, where: str, published: str | None = None,
                    note: str | None = None) -> Article:
    """One JSON line -> Article, or ReadFailure; nothing else escapes. `note`: how the file was
    decoded, for the record's warnings."""
    if b"\x00" in line:
        raise ReadFailure("line holds NUL bytes (binary data, not JSON)", "input")
    text, warning = decode_text(line)
    warning = warning or note
    try:
        article = object_to_article(loads(text), origin=where, default_id=None, published=published)
    except ReadFailure:
        raise
    except (RecursionError, MemoryError):
        raise ReadFailure("JSON object too deeply nested or too large", "parse") from None
    except Exception as exc:    # a reader bug costs this line, not the file
        msg = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise ReadFailure(f"cannot read line ({type(exc).__name__}{': ' + msg if msg else ''})", "parse") from None
    if warning:
        article.warnings.append(warning)
    return article


def _bounded_lines(readline, newline):
    """(line number, line) for every line read by `readline` (bytes or text); the line None for one
    over MAX_BYTES, skipped unread up to its end."""
    lineno = 0
    while True:
        line = readline(MAX_BYTES + 1)
        if not line:
            return
        lineno += 1
        if len(line) > MAX_BYTES and not line.endswith(newline):
            while (chunk := readline(1 << 20)) and not chunk.endswith(newline):
                pass
            yield lineno, None
            continue
        yield lineno, line


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for every line; bytes None for a line over MAX_BYTES (skipped unread)."""
    return _bounded_lines(fh.readline, b"\n")


def _wide_lines(fh: BinaryIO, encoding: str) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, the line as UTF-8, note) for a UTF-16 or UTF-32 file: decoded as a stream
    (a BOM is read by the codec), then cut into lines; a damaged unit costs one U+FFFD, noted."""
    text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline=None)
    for lineno, line in _bounded_lines(text.readline, "\n"):
        if line is None:
            yield lineno, None, None
            continue
        bad = line.count("\ufffd")
        notes = [] if encoding in ("utf-16", "utf-32") else [f"decoded as {encoding} (no byte-order mark)"]
        notes += [f"{bad} undecodable {encoding} unit{'s' if bad > 1 else ''} replaced with U+FFFD"] if bad else []
        note = "; ".join(notes) or None
        yield lineno, line.lstrip("\ufeff").encode("utf-8"), note


def _file_lines(fh: BinaryIO) -> Iterator[tuple[int, bytes | None, str | None]]:
    """Every line of a JSON-lines file with how it was decoded: byte lines (UTF-8 or a one-byte
    code page, each line decoded on its own) or, for UTF-16/32, lines of the decoded stream."""
    head = fh.peek(SNIFF)[:SNIFF] if hasattr(fh, "peek") else b""
    wide = wide_encoding(head)
    if wide:
        yield from _wide_lines(fh, wide)
        return
    for lineno, line in _lines(fh):
        yield lineno, line, None


def read_jsonl(path: Path, origin: str, published: str | None = None) -> Iterator[Article | InputError]:
    """Stream line by line: a 5 GB dump is read in constant memory; each line is limited to MAX_BYTES."""
    seen_any = False
    with open_stream(path) as fh:
        for lineno, line, note in _file_lines(fh):
            where = f"{origin}:{lineno}"
            if line is None:
                seen_any = True
                yield InputError(where, f"line too large (> {human_size(MAX_BYTES)}); skipped", "too_large")
                continue
            if not line.strip():
                continue
            seen_any = True
            try:
                yield line_to_article(line, where, published, note)
            except ReadFailure as exc:
                yield exc.error(where)
    if not seen_any:
        yield InputError(origin, "empty file (no JSON lines)", "empty")


def _unwrap(obj: Any) -> Any:
    """{"articles": [...]} (or items/data/records) -> the list; anything else as is."""
    if isinstance(obj, dict) and not any(isinstance(obj.get(k), str) for k in _TEXT_KEYS):
        for key in ("articles", "items", "data", "records"):
            if isinstance(obj.get(key), list):
                return obj[key]
    return obj


def read_json(data: bytes, origin: str, stem: str, published: str | None = None) -> Iterator[Article | InputError]:
    """A .json file: one article object, a list of them, or {"articles": [...]}."""
    text, warning = decode_text(data)
    obj = _unwrap(loads(text, lines=True))
    if isinstance(obj, dict):
        obj, default_id = [obj], stem
    elif isinstance(obj, list):
        default_id = None
        if not obj:
            raise ReadFailure("empty JSON list (no articles)", "empty")
    else:
        raise ReadFailure("expected a JSON object or a list of objects", "parse")
    for i, item in enumerate(obj):
        where = origin if default_id else f"{origin}#{i}"
        try:
            article = object_to_article(item, origin=where, default_id=default_id, published=published)
        except ReadFailure as exc:
            if default_id:
                raise
            yield exc.error(where)
            continue
        except Exception as exc:    # one bad item costs that item
            yield InputError(where, f"cannot read item ({type(exc).__name__})", "parse")
            continue
        if warning:
            article.warnings.append(warning)
        yield article

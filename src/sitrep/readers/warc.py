"""WARC archives (.warc, .warc.gz: the format of news crawls) -> one Article per HTML response.

Records are streamed (a crawl file may hold gigabytes); request, metadata and non-HTML responses
(images, scripts) are not articles and are passed over. The URL comes from WARC-Target-URI and
the id is a stable hash of it, so re-reading the same crawl gives the same ids.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..record import Article, InputError
from .detect import MAX_BYTES, ReadFailure, decode, head_bytes, too_large
from .html import html_to_article


def _is_html(record) -> bool:
    ctype = ""
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    ctype = ctype.lower()
    return not ctype or "html" in ctype


def _decode_payload(payload: bytes, record) -> str:
    """The HTTP header's charset when it is declared and fits, else the usual detection."""
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers is not None else None
    if ctype and "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        try:
            text = payload.decode(charset)
            if text.strip() and "\x00" not in text:
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(payload)


def read_warc(path: Path, origin: str, published: str | None = None) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    head = head_bytes(path, 64).lstrip()
    if not head:
        raise ReadFailure("empty file", "empty")
    if not (head.startswith(b"WARC/") or head.startswith(b"filedesc://")):
        raise ReadFailure("not a WARC archive (it does not start with a WARC/ header)", "parse")
    found = 0
    n = -1
    with open(path, "rb") as fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
                if record.rec_type not in ("response", "resource") or not _is_html(record):
                    continue
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or "200"
                    if not status.startswith("2"):
                        continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{origin}#{n}"
                try:
                    payload = record.content_stream().read(MAX_BYTES + 1)
                    if len(payload) > MAX_BYTES:
                        raise too_large()
                    yield html_to_article(_decode_payload(payload, record), id=Article.make_id(url or where),
                                          origin=where, url=url, published=published)
                except ReadFailure as exc:
                    yield exc.error(where)
        except ArchiveLoadFailed as exc:
            msg = str(exc).splitlines()[0][:160] if str(exc) else "not a WARC file"
            yield InputError(origin if n < 0 else f"{origin}#{n + 1}", f"cannot read WARC ({msg})", "parse")
            return
    if not found:
        yield InputError(origin, "WARC archive holds no HTML responses", "empty")

"""WARC archives (.warc, .warc.gz: the format of news crawls) -> one Article per HTML response.

Records are streamed (a crawl file may hold gigabytes); request, metadata and non-HTML responses
(images, scripts) are not articles and are passed over. The URL comes from WARC-Target-URI and
the id is a stable hash of it, so re-reading the same crawl gives the same ids.

Every record is its own unit. The record boundaries are found here, not by warcio: a record whose
Content-Length lies (or whose header is damaged) is one InputError naming FILE#N and its byte
offset, and reading resumes at the next `WARC/1.x` header, so the records after it are kept.
warcio parses each record's HTTP part. Old ARC files (`filedesc://`) are read by warcio alone.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import BinaryIO, Iterator

from ..record import Article, InputError
from .detect import MAX_BYTES, ReadFailure, cannot_read, decode, head_bytes, human_size, open_stream
from .html import html_to_article

_VERSION = re.compile(rb"WARC/\d+\.\d+\r?\n\Z")
_VERSION_INSIDE = re.compile(rb"\n(WARC/\d+\.\d+\r?\n)")
MAX_HEADER = 64 * 1024          # a WARC header block longer than this is damage, not a header
_LINE = 1 << 20


class _Stream:
    """A byte stream with an offset and a push-back buffer (to re-read bytes a lying record took)."""

    def __init__(self, fh: BinaryIO):
        self.fh, self.buf, self.pos = fh, b"", 0

    def readline(self, limit: int = _LINE) -> bytes:
        if self.buf:
            i = self.buf.find(b"\n", 0, limit)
            if i >= 0 or len(self.buf) >= limit:
                n = i + 1 if i >= 0 else limit
                line, self.buf = self.buf[:n], self.buf[n:]
            else:
                line, self.buf = self.buf + self.fh.readline(limit - len(self.buf)), b""
        else:
            line = self.fh.readline(limit)
        self.pos += len(line)
        return line

    def read(self, n: int) -> bytes:
        head, self.buf = self.buf[:n], self.buf[n:]
        data = head + (self.fh.read(n - len(head)) if len(head) < n else b"")
        self.pos += len(data)
        return data

    def unread(self, data: bytes) -> None:
        self.buf = data + self.buf
        self.pos -= len(data)


class _Bad(Exception):
    """A damaged record: the message says what, reading goes on at the next record."""


def _header_block(s: _Stream, first: bytes) -> tuple[bytes, dict[str, str]]:
    raw, fields = [first], {}
    size = len(first)
    while True:
        line = s.readline(MAX_HEADER)
        if not line:
            raise _Bad("the file ends inside a WARC record header")
        raw.append(line)
        size += len(line)
        if line in (b"\r\n", b"\n"):
            return b"".join(raw), fields
        if size > MAX_HEADER or not line.endswith(b"\n"):
            raise _Bad(f"WARC record header longer than {human_size(MAX_HEADER)} (damaged record)")
        name, sep, value = line.decode("latin-1").partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()


def _content_length(fields: dict[str, str]) -> int:
    raw = fields.get("content-length")
    if raw is None:
        raise _Bad("WARC record has no Content-Length header")
    if not raw.isdigit() or len(raw) > 15:
        raise _Bad(f"WARC record has a bad Content-Length ({raw[:20]!r})")
    return int(raw)


def _next_is_record(s: _Stream) -> bool:
    """After a record's content: blank lines, then another record header or the end of the file."""
    skipped = []
    while (line := s.readline()) in (b"\r\n", b"\n"):
        skipped.append(line)
    s.unread(b"".join(skipped) + line)
    return not line or bool(_VERSION.match(line))


def _resync(s: _Stream, taken: bytes = b"") -> None:
    """Go on at the next `WARC/x.y` line: first inside bytes a lying record took, then ahead."""
    ahead = s.read(MAX_HEADER)
    window = b"\n" + taken + ahead               # a header may start right here, at a line start
    m = _VERSION_INSIDE.search(window)
    if m:
        s.unread(window[m.start(1):])
        return
    s.unread(ahead[-64:])
    while line := s.readline():
        if _VERSION.match(line):
            s.unread(line)
            return


def _skip(s: _Stream, n: int) -> bytes:
    """Pass over n bytes of content without holding them; returns the last line's worth."""
    last = b""
    while n > 0:
        chunk = s.read(min(n, _LINE))
        if not chunk:
            break
        n -= len(chunk)
        last = chunk[-4096:]
    return last


_Raw = tuple[int, bytes, dict, bytes | None, str | None]


def _records(s: _Stream) -> Iterator[_Raw]:
    """(offset, header block, header fields, content, problem) for every record; content None
    when the record is skipped (the problem says why)."""
    while True:
        while (line := s.readline()) in (b"\r\n", b"\n"):
            pass
        if not line:
            return
        offset = s.pos - len(line)
        if not _VERSION.match(line):
            _resync(s)
            yield offset, b"", {}, None, "no WARC record header here (damaged record); skipped to the next record"
            continue
        try:
            header, fields = _header_block(s, line)
            length = _content_length(fields)
        except _Bad as exc:
            _resync(s)
            yield offset, b"", {}, None, str(exc)
            continue
        if length > MAX_BYTES:
            taken = _skip(s, length)
            problem = f"WARC record too large ({human_size(length)}, limit {human_size(MAX_BYTES)})"
            if not _next_is_record(s):
                _resync(s, taken)
            yield offset, header, fields, None, problem
            continue
        content = s.read(length)
        if len(content) < length:
            yield offset, header, fields, None, (f"WARC record truncated (Content-Length says {length:,} bytes, "
                                         f"the file ends after {len(content):,})")
            return
        trailer = s.read(4)
        if trailer != b"\r\n\r\n" and not (s.unread(trailer) or _next_is_record(s)):
            _resync(s, content)
            yield offset, header, fields, None, (f"WARC record's Content-Length ({length:,}) does not match "
                                         f"its content; skipped to the next record")
            continue
        yield offset, header, fields, content, None


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


def _is_article(record) -> bool:
    if record.rec_type not in ("response", "resource") or not _is_html(record):
        return False
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or "200"
        return status.startswith("2")
    return True


def _article(record, where: str, published: str | None) -> Article:
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(MAX_BYTES + 1)
    if len(payload) > MAX_BYTES:
        from .detect import too_large
        raise too_large()
    return html_to_article(_decode_payload(payload, record), id=Article.make_id(url or where),
                           origin=where, url=url, published=published)


def _parse(header: bytes, content: bytes):
    """One record's bytes -> a warcio record (HTTP headers parsed)."""
    from warcio.archiveiterator import ArchiveIterator
    return next(iter(ArchiveIterator(io.BytesIO(header + content + b"\r\n\r\n"))))


def _read_records(s: _Stream, origin: str, published: str | None) -> Iterator[Article | InputError | None]:
    """Articles and errors in order; None for a record that is no article (request, image, ...)."""
    for n, (offset, header, fields, content, problem) in enumerate(_records(s)):
        where = f"{origin}#{n}"
        if problem:
            yield InputError(where, f"{problem} (record at byte {offset:,})", "parse")
            continue
        rec_type = fields.get("warc-type", "").lower()
        if rec_type in ("response", "resource", "request", "revisit") and not fields.get("warc-target-uri"):
            yield InputError(where, f"WARC {rec_type} record has no WARC-Target-URI header "
                                    f"(record at byte {offset:,}); skipped", "parse")
            continue
        try:
            record = _parse(header, content)
            yield _article(record, where, published) if _is_article(record) else None
        except ReadFailure as exc:
            yield exc.error(where)
        except Exception as exc:   # warcio on a damaged HTTP part: this record, not the file
            msg = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
            yield InputError(where, f"cannot read WARC record ({msg}; record at byte {offset:,})", "parse")


def read_warc(path: Path, origin: str, published: str | None = None) -> Iterator[Article | InputError]:
    head = head_bytes(path, 64).lstrip()
    if not head:
        raise ReadFailure("empty file", "empty")
    if head.startswith(b"filedesc://"):
        yield from _read_arc(path, origin, published)
        return
    if not head.startswith(b"WARC/"):
        raise ReadFailure("not a WARC archive (it does not start with a WARC/ header)", "parse")
    found = 0
    try:
        with open_stream(path) as fh:
            for item in _read_records(_Stream(fh), origin, published):
                if item is not None:
                    found += 1
                    yield item
    except (OSError, EOFError) as exc:
        yield cannot_read(path, exc).error(origin)
        return
    if not found:
        yield InputError(origin, "WARC archive holds no HTML responses", "empty")


def _read_arc(path: Path, origin: str, published: str | None) -> Iterator[Article | InputError]:
    """Old ARC files, converted record by record by warcio."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    found, n = 0, -1
    with open(path, "rb") as fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
                if not _is_article(record):
                    continue
                found += 1
                try:
                    yield _article(record, f"{origin}#{n}", published)
                except ReadFailure as exc:
                    yield exc.error(f"{origin}#{n}")
        except ArchiveLoadFailed as exc:
            msg = str(exc).splitlines()[0][:160] if str(exc) else "not an ARC file"
            yield InputError(origin if n < 0 else f"{origin}#{n + 1}", f"cannot read ARC ({msg})", "parse")
            return
    if not found:
        yield InputError(origin, "ARC archive holds no HTML responses", "empty")

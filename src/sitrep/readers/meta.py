"""Metadata helpers shared by the readers: published dates to ISO, front matter, titles."""
from __future__ import annotations

import os
import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ,]|\s)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value) -> str | None:
    """Any published-date form seen in inputs -> 'YYYY-MM-DD', or None when it is not a full date.

    Accepts ISO dates and timestamps ("2022-09-22T10:00:00Z"), RFC-822 from feeds ("Thu, 22 Sep
    2022 10:00:00 GMT"), written dates ("22 September 2022", "September 22, 2022"), time tuples
    and datetime objects. A date without a year is refused: a year is never invented.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time) or (isinstance(value, tuple) and len(value) >= 3):
        return _valid(int(value[0]), int(value[1]), int(value[2]))
    if isinstance(value, (int, float)):
        return None
    s = str(value).strip()
    if not s or len(s) > 100:
        return None
    m = _ISO.match(s) or _COMPACT.match(s)
    if m:
        return _valid(*map(int, m.groups()))
    try:
        dt = parsedate_to_datetime(s)
        if dt is not None:
            return dt.date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    if not _HAS_YEAR.search(s):
        return None
    try:
        import dateparser
        dt = dateparser.parse(s, languages=["en"], settings={
            "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises assorted errors on odd strings
        dt = None
    return dt.date().isoformat() if dt else None


_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---\\nkey: value\\n---\\n` at the very top -> (fields, text after it); else ({}, text).

    Only simple `key: value` lines are read (no YAML), so a stray colon in a value is harmless.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields = {}
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        km = _KEY.match(line)
        if not km:   # a rule (---) above ordinary text, not a metadata block
            return {}, text
        if km:
            v = km.group(2)
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                v = v[1:-1]
            fields[km.group(1).lower()] = v
    return fields, text[m.end():]


def first_line(text: str) -> str | None:
    """The title of a text input: its first non-empty line (rules like '---' or '***' skipped)."""
    for line in text.splitlines():
        if any(ch.isalnum() for ch in line):
            return line.strip()
    return None


def with_title(title: str | None, body: str) -> str:
    """Extracted text with the title as its first line (the convention of .txt inputs)."""
    body = body.strip("\n")
    if not title:
        return body
    if first_line(body) == title.strip():
        return body
    return f"{title.strip()}\n\n{body}"


def stem(path) -> str:
    """File name without its format suffixes: crawl.warc.gz -> crawl, a.txt -> a (as display_path)."""
    name = display_path(path.name)
    for suf in (".gz",):
        if name.lower().endswith(suf):
            name = name[: -len(suf)]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def display_path(path) -> str:
    """A path as text that is always valid UTF-8, losslessly.

    A file name that is not valid UTF-8 arrives surrogate-escaped (Python's file-system
    encoding); its raw bytes are shown as \\xNN escapes, so that records, error lines and the
    store never carry a lone surrogate (which no UTF-8 output can encode)."""
    s = os.fsdecode(os.fspath(path))
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")

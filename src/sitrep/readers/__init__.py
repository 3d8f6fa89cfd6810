"""Readers: files and folders -> a stream of Article, or InputError for what cannot be read.

    read_inputs(paths, published=None)   every file under every path, in sorted order
    iter_files(paths)                    the files read_inputs would read (for a progress bar / Dask)
    read_file(path, published=None)      one file (a Dask worker reads one partition this way)

Formats, chosen by extension (a trailing .gz is decompressed) or, when it says nothing, by the
first bytes: .txt (front matter + title line), .html/.htm (trafilatura), .jsonl/.ndjson, .json,
.warc/.warc.gz, RSS/Atom (.xml/.rss/.atom). Nothing is dropped: every file yields at least one
Article or one InputError, and no exception escapes (a reader bug becomes an InputError too).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..record import Article, InputError
from .detect import (MAX_BYTES, ReadFailure, binary_kind, cannot_read, decode, decode_text, head_bytes,
                     read_limited, sniff_format, too_large)
from .feed import read_feed
from .html import html_to_article
from .jsonl import article_from_dict, read_json, read_jsonl
from .meta import display_path, normalise_date, stem
from .text import text_to_article
from .warc import read_warc

__all__ = ["read_inputs", "read_file", "iter_files", "format_of", "normalise_date", "MAX_BYTES",
           "article_from_dict", "ReadFailure", "display_path"]

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".arc": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def format_of(path: Path) -> str:
    """The reader for a file: by its extension (inside .gz), else by sniffing its first bytes."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    fmt = _BY_SUFFIX.get(suffixes[-1]) if suffixes else None
    if fmt == "feed":
        sniffed = sniff_format(head_bytes(path))
        return "html" if sniffed == "html" else "feed"
    return fmt or sniff_format(head_bytes(path))


# Files a folder of articles typically carries that are not articles: named on the command line
# they are still read, found while walking a folder they are skipped.
FOLDER_SKIP = ("readme", "license", "licence", "changelog", "notes")


def _skipped_in_folder(name: str) -> bool:
    return name.startswith(".") or name.split(".")[0].lower() in FOLDER_SKIP


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file to read: folders recursively in sorted order; hidden files and folders, and
    README/LICENSE-like files inside folders, skipped.

    A path that does not exist is yielded as is, so read_file reports it.
    """
    for p in map(Path, paths):
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if not _skipped_in_folder(f))
            yield from sorted(found, key=lambda f: f.relative_to(p).parts)
        else:
            yield p


def _read(path: Path, origin: str, published: str | None) -> Iterator[Article | InputError]:
    if not path.exists():
        raise ReadFailure("no such file or directory", "input")
    if not path.is_file():
        raise ReadFailure("not a regular file", "input")
    fmt = format_of(path)
    if fmt == "warc":
        yield from read_warc(path, origin, published)
        return
    if fmt == "jsonl":
        _check_lines_file(path)
        yield from read_jsonl(path, origin, published)
        return
    data = read_limited(path)
    if fmt == "json":
        yield from read_json(data, origin, stem(path), published)
    elif fmt == "feed":
        if binary_kind(data[:8192]):
            decode(data)  # raises the binary / empty error
        if not data.strip():
            raise ReadFailure("empty file", "empty")
        yield from read_feed(data, origin, published)
    else:
        yield _document(data, fmt, stem(path), origin, published)


def _check_lines_file(path: Path) -> None:
    """A JSON-lines file is refused whole only when it is no text at all (an image, an archive,
    mostly NUL bytes); a NUL byte in one line costs that line (read_jsonl)."""
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    head = head_bytes(path)
    what = binary_kind(head)
    if what and (not what.startswith("binary data (NUL") or head.count(0) > len(head) // 4):
        raise ReadFailure(f"not a text file ({what})", "input")


def _document(data: bytes, fmt: str, name: str, origin: str, published: str | None) -> Article:
    """One text or HTML document; how its bytes were repaired goes into Article.warnings."""
    text, warning = decode_text(data)
    if fmt == "html":
        article = html_to_article(text, id=name, origin=origin, published=published)
    else:
        article = text_to_article(text, id=name, origin=origin, published=published)
    if warning:
        article.warnings.append(warning)
    return article


def read_file(path: str | Path, published: str | None = None) -> Iterator[Article | InputError]:
    """One file -> its Articles and InputErrors; never raises."""
    path = Path(path)
    origin = display_path(path)
    published = normalise_date(published) or published
    produced = False
    try:
        for item in _read(path, origin, published):
            produced = True
            yield item
    except ReadFailure as exc:
        yield exc.error(origin)
        return
    except MemoryError:
        yield too_large().error(origin)
        return
    except RecursionError:
        yield InputError(origin, "input nested too deeply to read", "parse")
        return
    except Exception as exc:  # a reader bug must not stop a run of thousands of files
        msg = display_path(str(exc).splitlines()[0][:160]) if str(exc) else ""
        yield InputError(origin, f"cannot read ({type(exc).__name__}{': ' + msg if msg else ''})", "parse")
        return
    if not produced:
        yield InputError(origin, "no articles found", "empty")


def read_inputs(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Article | InputError]:
    """Every article under `paths`, in order; `published` fills inputs that carry no date."""
    for f in iter_files(paths):
        yield from read_file(f, published=published)

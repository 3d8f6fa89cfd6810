"""Readers: files, folders, HTML, JSON lines (later WARC, feeds) -> Article or InputError.

(skeleton: plain text only; the full readers are being written)
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..record import Article, InputError


def read_inputs(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Article | InputError]:
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(str(f), str(exc))
                continue
            pub = published
            if text.startswith("---\n"):
                head, _, text = text[4:].partition("\n---\n")
                for line in head.splitlines():
                    k, _, v = line.partition(":")
                    if k.strip() == "published":
                        pub = v.strip()
            yield Article(id=f.stem, text=text, published=pub, origin=str(f))

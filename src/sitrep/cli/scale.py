"""`sitrep synth`: write a seeded synthetic corpus for scale runs and benchmarks."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app
from .options import check_format, fail, format_help

SYNTH_FORMATS = ("txt", "jsonl")


@app.command()
def synth(
    n: int = typer.Argument(..., min=1, help="number of articles"),
    out: Path = typer.Option(..., "--out", "-o", help="folder (txt) or .jsonl file / folder (jsonl)"),
    seed: int = typer.Option(0, help="same seed, same corpus; article i depends only on (seed, i)"),
    format: str = typer.Option("txt", "--format", "-f", help=format_help(SYNTH_FORMATS) + " (txt: one file per article)"),
) -> None:
    """Write N synthetic conflict-news articles (invented people, real places): load, not truth."""
    from ..synth import write_corpus

    format = check_format(format, SYNTH_FORMATS)
    try:
        target = write_corpus(n, out, seed=seed, format=format)
    except OSError as exc:
        fail(f"--out {out}: cannot write ({exc.strerror or exc})")
    typer.echo(f"wrote {n} articles to {target}", err=True)

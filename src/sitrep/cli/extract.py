"""`sitrep extract`, `sitrep evaluate`, `sitrep explain`: the single-article commands."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app



@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="files or folders (.txt, .html, .jsonl, ...)"),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl | table"),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    workers: int = typer.Option(1, help="processes to run in parallel"),
    errors: Optional[Path] = typer.Option(None, help="write every failed input here (JSON lines)"),
    text: bool = typer.Option(False, "--with-text", help="include the article text in each record"),
) -> None:
    """Extract a record per article: entities, places, quotes, counts, events, with evidence."""
    from ..pipeline import extract_many
    from ..readers import read_inputs
    from ..record import InputError
    from ..show import print_table

    failed = []
    out = sys.stdout
    for result in extract_many(read_inputs(paths, published=published), workers=workers):
        if isinstance(result, InputError):
            failed.append(result)
            print(result.line(), file=sys.stderr)
            continue
        if format == "table":
            print_table(result)
        else:
            out.write(json.dumps(result.to_json(include_text=text), ensure_ascii=False) + "\n")
    if errors:
        errors.write_text("".join(json.dumps(e.to_json()) + "\n" for e in failed), encoding="utf-8")
    if failed:
        raise typer.Exit(1)

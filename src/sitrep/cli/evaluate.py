"""`sitrep evaluate`: P/R/F1 of extracted records against a folder of gold records."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="folder of <id>.json gold records"),
    pred: Path = typer.Argument(..., help="records from `sitrep extract --format jsonl` (or a folder of <id>.json)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the scores as JSON here"),
    articles: Optional[Path] = typer.Option(None, help="folder of <id>.txt to check evidence against"),
    per_article: bool = typer.Option(False, "--per-article", help="list missed (-) and spurious (+) items per article"),
) -> None:
    """Score records against gold: P/R/F1 per field, event slot accuracy, macro F1."""
    from .. import evaluate as ev

    try:
        gold = ev.load_dir(gold_dir)
        predicted = ev.load_records(pred)
    except ev.EvaluationInputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if not gold:
        typer.echo(f"error: {gold_dir}: no <id>.json gold files in this folder", err=True)
        raise typer.Exit(2)
    result = ev.score(gold, predicted)
    result["violations"] = ev.violations(predicted, articles)
    if per_article:
        result["per_article"] = ev.breakdown(gold, predicted)
        typer.echo(ev.format_breakdown(result["per_article"]))
        typer.echo("")
    typer.echo(ev.format_table(result))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")

"""`sitrep explain FILE`: each sentence with the events coded from it, the trigger and the lexicon
entry / rule that fired, and the triggers that matched but were rejected (and why), so a user can
see what the coder did and fix `event_lexicon.yaml`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .options import input_date

FIELDS = ("actor", "target", "location", "date", "fatalities", "status", "attributed_to")


def explain_article(an, show_all: bool = False) -> list[str]:
    """The explanation of one analysed article as printable lines (pure, so tests can read it)."""
    traces = an.trace
    by_sentence: dict[int, list] = {}
    for t in traces:
        by_sentence.setdefault(t.sent_index, []).append(t)
    lines = []
    title = an.article.title or an.article.id
    lines.append(f"== {an.article.origin or an.article.id}: {title}")
    emitted = {id(e) for e in an.events}
    for si, sent in enumerate(an.doc.sents):
        found = by_sentence.get(si, [])
        if not found and not show_all:
            continue
        text, start, end = an.sentence(sent)
        lines.append("")
        lines.append(f"[{si}] ({start}-{end}) {' '.join(text.split())}")
        if not found:
            lines.append("    (no trigger)")
        for t in found:
            ev = t.event
            if ev is not None and id(ev) in emitted:
                head = f"{ev.type}" + (f"/{ev.mode}" if ev.mode else "")
                acled = f"  acled: {ev.acled_event_type} / {ev.acled_sub_event_type}" \
                    if ev.acled_event_type else ""
                lines.append(f"  + {head}  trigger \"{t.trigger}\"  rule {t.rule}{acled}")
                lines.append("      " + "  ".join(f"{f}={getattr(ev, f)}" for f in FIELDS))
                if ev.actor_country or ev.actor_sector:
                    lines.append(f"      actor_country={ev.actor_country}  actor_sector={ev.actor_sector}")
                lines.append(f"      why: {t.reason}")
            else:
                what = f"{ev.type}" if ev is not None else ""
                outcome = "title duplicate" if t.outcome == "title duplicate" else t.outcome
                lines.append(f"  - {outcome} {what} trigger \"{t.trigger}\"  rule {t.rule}: {t.reason}")
    events = an.events
    lines.append("")
    lines.append(f"{len(events)} event(s); {sum(1 for t in traces if t.outcome != 'coded')} "
                 f"trigger(s) not coded")
    from ..events import sentence_types          # light: says why, loads no model
    lines.append(f"sentence classifier (recall fallback): {sentence_types.status()[1]}")
    return lines


@app.command()
def explain(
    path: Path = typer.Argument(..., help="an article file (.txt, .html, .jsonl, ...)"),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    all_sentences: bool = typer.Option(False, "--all", help="also print sentences with no trigger"),
) -> None:
    """Show, sentence by sentence, the events found, their trigger and the lexicon entry that fired."""
    from ..events import LexiconError
    from ..pipeline import analyse
    from ..readers import read_inputs
    from ..record import InputError

    failed = False
    published = input_date(published)
    for item in read_inputs([path], published=published):
        if isinstance(item, InputError):
            print(item.line(), file=sys.stderr)
            failed = True
            continue
        try:
            an = analyse(item)
        except LexiconError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(2)
        print("\n".join(explain_article(an, all_sentences)))
    if failed:
        raise typer.Exit(1)

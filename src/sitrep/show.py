"""Human-readable views of records for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .record import Record

console = Console()


def print_table(rec: Record) -> None:
    console.rule(f"[bold]{rec.title or rec.id}[/]  ({rec.published or 'date unknown'})")
    if rec.persons or rec.organizations:
        console.print("[bold]Persons:[/] " + "; ".join(p.name for p in rec.persons))
        console.print("[bold]Organizations:[/] " + "; ".join(o.name for o in rec.organizations))
    if rec.locations:
        console.print("[bold]Places:[/] " + "; ".join(f"{l.name} ({l.country or '?'})" for l in rec.locations))
    if rec.quotes:
        t = Table("speaker", "quote", "direct", show_lines=False, expand=True)
        for q in rec.quotes:
            t.add_row(q.speaker or "?", q.text[:160], "yes" if q.direct else "no")
        console.print(t)
    if rec.counts:
        t = Table("value", "category", "what", "approx.", expand=True)
        for c in rec.counts:
            t.add_row(f"{c.value:,}", c.category, c.what[:80], "~" if c.approximate else "")
        console.print(t)
    if rec.events:
        t = Table("type", "actor", "target", "where", "date", "dead", "according to", "status", expand=True)
        for e in rec.events:
            t.add_row(e.type + (f"/{e.mode}" if e.mode else ""), e.actor or "", e.target or "",
                      e.location or "", e.date or "", "" if e.fatalities is None else str(e.fatalities),
                      e.attributed_to or "", e.status)
        console.print(t)
    if rec.boilerplate:
        console.print(f"[dim]boilerplate removed: {len(rec.boilerplate)} lines[/]")

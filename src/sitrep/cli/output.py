"""Writing rows in the shared formats: a table for people, JSON / JSON lines / CSV for tools.

Tables fit the terminal (or $COLUMNS): ids, dates, types and numbers never wrap; long text is
cut with an ellipsis. A list cut off by --limit says so ("3 of 70 events"), in the table title
and, for the machine formats, on stderr, so a script never mistakes a page for the whole.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Any, Optional

# columns whose values are short codes: shown whole, never wrapped or cut
WHOLE = {"id", "date", "day", "type", "cluster_id", "run_id", "kind", "published", "created_at",
         "status", "fatalities", "n", "n_sources", "n_articles", "n_mentions", "events", "reports",
         "disputed", "cluster_date", "cluster_type", "field", "country", "what"}
LABELS = {"fatalities": "killed", "n_sources": "sources", "n_articles": "articles",
          "n_mentions": "mentions", "cluster_id": "event", "attributed_to": "according to"}
PIPE_WIDTH = 160      # a table written to a file or a pipe without $COLUMNS


def cut_note(shown: int, offset: int, what: str, total: Optional[int] = None, more: bool = False) -> str:
    """'70 events' for a whole list; '3 of 70 events; --offset 3 for more' for its first page;
    '4-6 of 70 events; ...' further on; '20 hits; --offset 20 for more' when only `more` is known."""
    last = offset + shown
    more = more or (total is not None and last < total)
    span = f"{offset + 1}-{last}" if offset and shown else f"{shown}"
    text = f"{span} of {total} {what}" if total is not None and (offset or more) else f"{span} {what}"
    return text + (f"; --offset {last} for more" if more and shown else "")


def _cell(v: Any, table: bool = True) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return ("yes" if v else "no") if table else ("true" if v else "false")
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _width() -> Optional[int]:
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 20:
        return int(cols)
    return None if sys.stdout.isatty() else PIPE_WIDTH


MIN_TEXT = 8          # a text column narrower than this is dropped rather than shown as "…"
ESSENTIAL = ("id", "date", "day", "type", "cluster_id", "what")
# what a narrow terminal loses first (then text columns from the right)
DROP_ORDER = ("mode", "admin1", "n_mentions", "disputed", "created_at", "target", "attributed_to",
              "cluster_id", "n_sources", "run_id", "country")


def plan_widths(rows: list[list[str]], columns: list[str], width: int) -> dict[str, int]:
    """Width of each column shown at `width` terminal columns: code-like columns (WHOLE) get
    their longest value; text columns share what is left; when even that does not fit, text
    columns, then code columns, are dropped from the right (never id, date or type)."""
    longest = {c: max([len(LABELS.get(c, c))] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)}
    shown = list(columns)

    def fits(cols: list[str]) -> bool:
        fixed = sum(min(longest[c], 26) for c in cols if c in WHOLE)
        texts = [c for c in cols if c not in WHOLE]
        return fixed + sum(min(longest[c], MIN_TEXT) for c in texts) + 2 * len(cols) + 1 <= width

    while not fits(shown):
        droppable = ([c for c in reversed(DROP_ORDER) if c in shown] or [c for c in shown if c not in WHOLE]
                     or [c for c in shown if c not in ESSENTIAL])
        if not droppable or len(shown) <= 1:
            break
        shown.remove(droppable[-1])
    plan = {c: min(longest[c], 26) for c in shown if c in WHOLE}
    texts = [c for c in shown if c not in WHOLE]
    room = width - sum(plan.values()) - 2 * len(shown) - 1
    while texts:                               # fair shares; a short column gives its rest away
        share = max(1, room // len(texts))
        small = [c for c in texts if longest[c] <= share]
        if not small:
            for c in texts:
                plan[c] = max(1, share)
            break
        for c in small:
            plan[c] = longest[c]
            room -= longest[c]
            texts.remove(c)
    return {c: plan[c] for c in columns if c in plan}


def print_table(rows: list[dict], columns: list[str], title: str = "") -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(width=_width(), soft_wrap=False)
    cells = [[" ".join(_cell(r.get(c)).split()) for c in columns] for r in rows]
    widths = plan_widths(cells, columns, console.width)
    t = Table(title=title or None, box=box.SQUARE, show_lines=False, padding=(0, 1, 0, 0), expand=False)
    for c, w in widths.items():
        t.add_column(LABELS.get(c, c), width=w, no_wrap=True, overflow="ellipsis")
    index = [columns.index(c) for c in widths]
    for row in cells:
        t.add_row(*[escape(row[i]) for i in index])
    console.print(t)


def print_rows(rows: list[dict], format: str, columns: list[str], what: str = "rows",
               total: Optional[int] = None, offset: int = 0, more: bool = False, title: str = "") -> None:
    """`rows` on stdout in `format` (table, json, jsonl, csv). `total` (when known) or `more`
    say whether this is the whole list or one page of it: the table's title says so, and the
    machine formats say it on stderr."""
    note = cut_note(len(rows), offset, what, total, more)
    if format == "table":
        print_table(rows, columns, title or note)
        return
    if "--offset" in note or offset:
        print(note, file=sys.stderr)
    out = sys.stdout
    if format == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        import csv
        w = csv.writer(out)
        w.writerow(columns)
        w.writerows([[_cell(r.get(c), table=False) for c in columns] for r in rows])

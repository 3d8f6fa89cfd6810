"""Safe highlighting of an article's text from character offsets.

The text is untrusted. It is cut at every span boundary into segments; each segment is escaped
with markupsafe and wrapped in a <span> whose classes name the kinds of fact covering it and whose
`data-f` attribute lists the indexes of those facts in a JSON table shipped alongside (and escaped
as JSON inside a <script type="application/json">). No text ever reaches the page unescaped, and
overlapping spans (an entity inside an event's evidence sentence) need no nesting.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from markupsafe import Markup, escape

KINDS = ("boilerplate", "evidence", "trigger", "entity", "place", "quote", "count")


@dataclass
class Span:
    start: int
    end: int
    kind: str                          # one of KINDS
    fields: dict[str, Any] = field(default_factory=dict)   # shown on hover / click
    css: str = ""                      # extra class, e.g. "target" for the evidence linked to


def boilerplate_spans(text: str, lines: Iterable[str], body: Sequence[int] | None = None) -> list[Span]:
    """Greyed spans: text outside `body` (start, end) and every line the cleaner removed."""
    spans: list[Span] = []
    if body and len(body) == 2:
        start, end = int(body[0]), int(body[1])
        if start > 0:
            spans.append(Span(0, start, "boilerplate", {"removed": "outside the article body"}))
        if end < len(text):
            spans.append(Span(end, len(text), "boilerplate", {"removed": "outside the article body"}))
    for line in lines or ():
        line = (line or "").strip()
        if not line:
            continue
        pos = text.find(line)
        while pos != -1:
            spans.append(Span(pos, pos + len(line), "boilerplate", {"removed": "boilerplate line"}))
            pos = text.find(line, pos + len(line))
    return spans


def _json_for_script(data: Any) -> Markup:
    """JSON safe inside <script type=application/json>: no '<', '>' or '&' survive literally."""
    s = json.dumps(data, ensure_ascii=False, default=str)
    s = s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    s = s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(s)


def highlight(text: str, spans: Sequence[Span]) -> tuple[Markup, Markup]:
    """(html of the text with highlight spans, JSON table of the facts for the page's script)."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n and s.kind in KINDS]
    facts = [{"kind": s.kind, **s.fields} for s in valid]
    cuts = {0, n}
    for s in valid:
        cuts.add(s.start)
        cuts.add(s.end)
    points = sorted(cuts)
    # sweep: which spans cover each segment
    starts: dict[int, list[int]] = {}
    for i, s in enumerate(valid):
        starts.setdefault(s.start, []).append(i)
    active: set[int] = set()
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        active |= set(starts.get(a, ()))
        active = {i for i in active if valid[i].end > a}
        seg = str(escape(text[a:b]))
        if not active:
            out.append(seg)
            continue
        ids = sorted(active)
        kinds = sorted({valid[i].kind for i in ids}, key=KINDS.index)
        cls = " ".join([f"hl-{k}" for k in kinds] + sorted({valid[i].css for i in ids if valid[i].css}))
        out.append(f'<span class="hl {cls}" data-f="{",".join(map(str, ids))}">{seg}</span>')
    return Markup("".join(out)), _json_for_script(facts)

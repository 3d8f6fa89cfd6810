"""The daily situation report: what happened in a date range, by region, with its sources.

`build_report(store, date, days)` gathers the facts from the corpus (the store's read API,
`sitrep.store.query.Store`); `render_html` makes one self-contained, printable page (inline CSS, an
inline SVG chart and an inline SVG map drawn from the shipped country outlines, no external
asset), `render_markdown` the same content as Markdown. Casualty figures on which sources
disagree are given as ranges with each source, never averaged.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import Environment, select_autoescape

from . import admin1, charts
from .countries import is_country_level, region_label

MAX_EVENTS = 60          # main events in one report
MAX_QUOTES = 12
MAX_ACTORS = 20


def fatalities_text(c: dict) -> str:
    """'12', or '12–20 (sources differ)' when sources disagree; '' when no one gave a figure."""
    lo, hi = c.get("fatalities_min"), c.get("fatalities_max")
    if lo is not None and hi is not None and lo != hi:
        return f"{lo}–{hi} (sources differ)"
    if c.get("fatalities") is not None:
        return str(c["fatalities"])
    if lo is not None:
        return str(lo)
    return ""


def _rank(c: dict) -> tuple:
    return (-(c.get("n_sources") or 0), -(c.get("fatalities_max") or c.get("fatalities") or 0),
            not c.get("disputed"), c.get("date") or "")


def parenthesised(*parts: Any) -> str:
    """'(Kyiv Daily, 2022-09-22)' from the parts that are there; '' when none is: never '(, date)'."""
    present = [str(p).strip() for p in parts if p is not None and str(p).strip()]
    return f"({', '.join(present)})" if present else ""


def _period(store, date: str | None, days: int) -> tuple[dt.date, dt.date]:
    if date is None:
        by_day = [d["date"] for d in store.stats().get("by_day", []) if d.get("date")]
        date = max(by_day) if by_day else dt.date.today().isoformat()
    until = dt.date.fromisoformat(date)
    return until - dt.timedelta(days=days - 1), until


def _regions(store, main: list[dict]) -> list[tuple[str, list[dict]]]:
    """The main events with every source, grouped under 'Ukraine — Kharkiv Oblast' labels."""
    regions: dict[str, list] = {}
    for c in main:
        full = store.cluster(c["id"]) or {**c, "sources": [], "disputes": []}
        full["fatalities_text"] = fatalities_text(full)
        full["attributions"] = sorted({s.get("attributed_to") for s in full["sources"] if s.get("attributed_to")})
        region = region_label(c.get("country") or _place_country(store, full), c.get("admin1"),
                              default="Location not stated")
        regions.setdefault(region, []).append(full)
    return sorted(regions.items(), key=lambda kv: (kv[0] == "Location not stated", -len(kv[1]), kv[0]))


def _place_country(store, cluster: dict) -> str | None:
    """The gazetteer's country of a report's place, for an event stored without one (so a
    region reads "Ukraine — Donetsk Oblast", never "Donetsk Oblast" alone)."""
    for s in cluster.get("sources") or []:
        if s.get("country"):
            return s["country"]
        place = store.place(s["place_id"]) if s.get("place_id") is not None else None
        if place and place.get("country"):
            return place["country"]
    return None


def _quotes(store, since: str, until: str) -> list[dict]:
    quotes, seen = [], set()
    for q in store.quotes(since=since, until=until, limit=MAX_QUOTES * 4):
        key = ((q.get("speaker") or "").lower(), " ".join((q.get("text") or "").lower().split()))
        if key not in seen and len(quotes) < MAX_QUOTES:   # a syndicated quote once, not per outlet
            seen.add(key)
            quotes.append(q)
    return quotes


def build_report(store, date: str | None, days: int = 1) -> dict[str, Any]:
    """The report's content for the `days` days ending at `date` (default: newest day in the DB)."""
    since_d, until_d = _period(store, date, days)
    since, until = since_d.isoformat(), until_d.isoformat()
    clusters = store.event_clusters(since=since, until=until, limit=2000)   # the newest 2000, ranked
    total = store.stats(since=since, until=until)["events"]
    main = sorted(clusters, key=_rank)[:MAX_EVENTS]
    context_from = (until_d - dt.timedelta(days=max(days, 14) - 1)).isoformat()
    by_day = [(d["date"], d["events"]) for d in store.stats(since=context_from, until=until)["by_day"]]
    chart_series, unit = charts.daily(by_day, context_from, until)
    return {
        "since": since, "until": until, "days": days,
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "n_clusters": total, "n_shown": len(main),
        "n_disputed": sum(1 for c in main if c.get("disputed")),
        "regions": _regions(store, main),
        "quotes": _quotes(store, since, until),
        "new_actors": store.new_entities(since, until, MAX_ACTORS),
        "chart": chart_series, "chart_title": f"Events per {unit}",
        "countries": sorted({c["country"] for c in clusters if c.get("country")}),
        "points": [{"lon": c["lon"], "lat": c["lat"],
                    "label": " ".join(x for x in (c.get("date"), c["type"], c.get("location")) if x)}
                   for c in clusters if c.get("lat") is not None and c.get("lon") is not None
                   and not is_country_level(c)],
    }


_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)

HTML = _ENV.from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Situation report {{ r.since }}{% if r.since != r.until %} – {{ r.until }}{% endif %}</title>
<style>
body{font:14px/1.45 Georgia,"Times New Roman",serif;color:#1d2329;max-width:60em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.1em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}h3{margin:1em 0 .3em}
.muted{color:#666;font-size:.9em}.tag{font:bold .8em sans-serif;background:#e8eef5;padding:0 .4em;border-radius:3px}
.disputed{color:#a33a22;font-weight:bold}.ev{margin:.6em 0 .9em}.src{margin:.2em 0 .2em 1.2em;font-size:.92em}
blockquote{margin:.2em 0 .2em 1.2em;color:#333;font-style:italic}.figs{display:flex;flex-wrap:wrap;gap:1em}
svg{max-width:100%;height:auto}@media print{body{margin:0}h2{page-break-after:avoid}.ev{page-break-inside:avoid}}
</style></head><body>
<h1>Situation report</h1>
<p class="muted">{{ r.since }}{% if r.since != r.until %} to {{ r.until }}{% endif %} · {{ r.n_clusters }} events
 ({{ r.n_shown }} shown, {{ r.n_disputed }} disputed) · generated {{ r.generated }} by sitrep</p>
<div class="figs"><div>{{ chart }}</div><div>{{ map }}</div></div>
<h2>Main events by region</h2>
{% for region, events in r.regions %}
<h3>{{ region }}</h3>
{% for c in events %}
<div class="ev"><span class="tag">{{ c.type }}</span> {{ c.date or '' }}
 <b>{% if c.actor %}{{ c.actor }}{% else %}Unknown actor{% endif %}</b>{% if c.mode %} ({{ c.mode }}){% endif %}
 {% if c.target %} against {{ c.target }}{% endif %}{% if c.location %} in {{ c.location }}{% endif %}
 {% if c.fatalities_text %} · fatalities: <span class="{{ 'disputed' if 'differ' in c.fatalities_text else '' }}">{{ c.fatalities_text }}</span>{% endif %}
 {% if c.status and c.status != 'occurred' %} · {{ c.status }}{% endif %}
 {% if c.disputed %} · <span class="disputed">sources disagree{% for d in c.disputes %}{{ ':' if loop.first else ',' }} {{ d.field }}{% endfor %}</span>{% endif %}
 {% for s in c.sources %}
 <div class="src">{{ s.source or 'unknown outlet' }}{% if s.published %}, {{ s.published }}{% endif %}{% if s.attributed_to %} — according to {{ s.attributed_to }}{% endif %}{% if s.fatalities is not none %} — fatalities {{ s.fatalities }}{% endif %}{% if s.url %} · {{ s.url }}{% endif %}
 <blockquote>{{ s.evidence }}</blockquote></div>
 {% endfor %}
</div>
{% endfor %}
{% else %}<p>No events in this period.</p>
{% endfor %}
<h2>Notable quotes</h2>
{% for q in r.quotes %}<p>“{{ q.text }}” — <b>{{ q.speaker or 'unnamed' }}</b> <span class="muted">{{ paren(q.source, q.published) }}</span></p>
{% else %}<p class="muted">No quotes.</p>{% endfor %}
<h2>New actors</h2>
{% if r.new_actors %}<p>{% for a in r.new_actors %}{{ a.name }} <span class="muted">{{ paren(a.kind) }}</span>{% if not loop.last %}, {% endif %}{% endfor %}</p>
{% else %}<p class="muted">No actor appears for the first time.</p>{% endif %}
<p class="muted">Map outlines: Natural Earth countries 1:110m and provinces 1:10m admin-1 (public domain). Every event lists each source with its own evidence sentence; figures are never averaged.</p>
</body></html>
""")


def render_html(r: dict) -> str:
    chart = charts.bar_chart(r["chart"], width=420, height=170, title=r["chart_title"])
    provinces = admin1.outlines(r.get("countries") or ())["features"]
    return HTML.render(r=r, chart=chart, map=charts.map_svg(r["points"], width=420, height=300,
                                                           provinces=provinces),
                       paren=parenthesised)


def _md(text: Any) -> str:
    """Plain text safe in Markdown: no markup or HTML from an article survives as such."""
    s = " ".join(str(text or "").split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")   # inert in any renderer
    for ch in "\\`*_[]|#":
        s = s.replace(ch, "\\" + ch)
    return s


def render_markdown(r: dict) -> str:
    span = r["since"] if r["since"] == r["until"] else f"{r['since']} to {r['until']}"
    out = [f"# Situation report, {span}", "",
           f"{r['n_clusters']} events ({r['n_shown']} shown, {r['n_disputed']} disputed); generated {r['generated']} by sitrep.",
           "", f"{r['chart_title']}: " + ", ".join(f"{d} {n}" for d, n in r["chart"] if r["since"][:len(d)] <= d <= r["until"][:len(d)]), "",
           "## Main events by region", ""]
    if not r["regions"]:
        out.append("No events in this period.")
    for region, events in r["regions"]:
        out += [f"### {_md(region)}", ""]
        for c in events:
            line = f"- **{c['type']}** {c.get('date') or ''}: {_md(c.get('actor') or 'unknown actor')}"
            if c.get("mode"):
                line += f" ({_md(c['mode'])})"
            if c.get("target"):
                line += f" against {_md(c['target'])}"
            if c.get("location"):
                line += f" in {_md(c['location'])}"
            if c.get("fatalities_text"):
                line += f"; fatalities: {_md(c['fatalities_text'])}"
            if c.get("status") and c["status"] != "occurred":
                line += f"; {c['status']}"
            if c.get("disputed"):
                line += "; **sources disagree** (" + ", ".join(d["field"] for d in c.get("disputes", [])) + ")"
            out.append(line)
            for s in c["sources"]:
                src = _md(s.get("source") or "unknown outlet")
                if s.get("attributed_to"):
                    src += f", according to {_md(s['attributed_to'])}"
                if s.get("fatalities") is not None:
                    src += f", fatalities {s['fatalities']}"
                out.append(f"  - {src}: \"{_md(s.get('evidence'))}\"")
        out.append("")
    out += ["## Notable quotes", ""]
    out += [f"- \"{_md(q.get('text'))}\" " + parenthesised(_md(q.get('speaker') or 'unnamed'), _md(q.get('source')),
                                                           q.get('published'))
            for q in r["quotes"]] or ["No quotes."]
    out += ["", "## New actors", ""]
    out += [", ".join(f"{_md(a['name'])} {parenthesised(a.get('kind'))}".strip() for a in r["new_actors"])
            or "No actor appears for the first time."]
    out.append("")
    return "\n".join(out)

"""Server-rendered pages (Jinja2, autoescaped): overview, timeline, map, event, article, entity, search.

Each route asks `source.py` for plain dicts and hands them to a template; the little logic here is
presentation: which fields of an event's sources disagree, which spans of an article to highlight.
"""
from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from .. import admin1
from .. import charts as svg
from ..countries import country_name, is_country_level, region_label
from .api import event_filters, found
from .highlight import Span, boilerplate_spans, highlight
from .source import EventFilters, Source

router = APIRouter(include_in_schema=False)
TEMPLATES = Jinja2Templates(directory=Path(str(resources.files("sitrep") / "web" / "templates")))
TEMPLATES.env.autoescape = True          # .html does this already; say it for every template


def marked(snippet: str | None) -> Markup:
    """A search snippet with the store's **match** marks as <mark>, everything else escaped."""
    parts = str(snippet or "").split("**")
    return Markup("".join(str(escape(p)) if i % 2 == 0 else f"<mark>{escape(p)}</mark>"
                          for i, p in enumerate(parts)))


TEMPLATES.env.filters["marked"] = marked
TEMPLATES.env.globals.update(country_name=country_name, region_label=region_label)
PAGE = 50
COMPARED = ("date", "actor", "target", "location", "fatalities", "status", "attributed_to", "mode")


def source(request: Request) -> Source:
    return request.app.state.source


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)


def install_error_pages(app: FastAPI) -> None:
    """Errors of pages are HTML pages (with the site's header); /api and /docs keep JSON."""
    async def handler(request: Request, exc: StarletteHTTPException):
        path = request.url.path
        if path.startswith(("/api", "/openapi", "/static")):
            return await http_exception_handler(request, exc)
        return render(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                      detail=exc.detail if exc.status_code != 404 or exc.detail != "Not Found"
                      else f"No page at {path}.")
    app.add_exception_handler(StarletteHTTPException, handler)


def pager(request: Request, offset: int, count: int, total: int | None, limit: int = PAGE) -> dict:
    params = dict(request.query_params)

    def at(o: int) -> str:
        return "?" + urlencode({**params, "offset": max(o, 0)})
    more = offset + count < total if total is not None else count == limit
    return {"offset": offset, "count": count, "total": total,
            "prev": at(offset - limit) if offset > 0 else None,
            "next": at(offset + limit) if more else None}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, since: Optional[str] = None, until: Optional[str] = None,
             src: Source = Depends(source)):
    stats = src.stats(since, until)
    per_day, unit = svg.daily([(d["day"], d["n"]) for d in stats["per_day"]], since, until, last=90)
    charts = {
        "per_day": svg.bar_chart(per_day, width=760, height=200, title=f"Events per {unit}"),
        "by_type": svg.hbar_chart([(d["type"], d["n"]) for d in stats["by_type"][:16]],
                                  link="/timeline?type={key}"),
        "by_region": svg.hbar_chart([(d["region"], d["n"]) for d in stats["by_region"][:12]],
                                    link="/timeline?place={key}"),
    }
    disputes, _ = src.disputes(8, 0)
    actors, _ = src.entities(None, None, 12, 0)
    return render(request, "overview.html", stats=stats, charts=charts, disputes=disputes,
                  actors=actors)


DOWNLOAD_MAX = 10_000
TIMELINE_COLUMNS = ("day", "date", "type", "mode", "actor", "target", "location", "country", "admin1", "lat",
                    "lon", "fatalities", "status", "attributed_to", "source", "url", "title", "published",
                    "evidence", "article_id", "cluster_id", "id")
ENTITY_COLUMNS = ("id", "name", "kind", "role", "country", "n_articles")


def download(rows: list[dict], columns: tuple[str, ...], fmt: str, name: str) -> Response:
    """A list as a CSV or JSON file (what the page shows, every page of it up to DOWNLOAD_MAX)."""
    import csv
    import io
    import json

    if fmt == "json":
        body = json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json",
                        headers={"content-disposition": f'attachment; filename="{name}.json"'})
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else json.dumps(r[c], ensure_ascii=False)
                    if isinstance(r.get(c), (list, dict)) else r[c] for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


@router.get("/timeline.{fmt}")
def timeline_download(fmt: str, f: EventFilters = Depends(event_filters), src: Source = Depends(source)):
    if fmt not in ("csv", "json"):
        raise HTTPException(404, f"no download format {fmt!r}; use csv or json")
    items, _ = src.events(f, DOWNLOAD_MAX, 0)
    return download(items, TIMELINE_COLUMNS, fmt, "sitrep-timeline")


@router.get("/entities.{fmt}")
def entities_download(fmt: str, kind: Optional[str] = None, q: Optional[str] = None,
                      src: Source = Depends(source)):
    if fmt not in ("csv", "json"):
        raise HTTPException(404, f"no download format {fmt!r}; use csv or json")
    items, _ = src.entities(kind, q, DOWNLOAD_MAX, 0)
    return download(items, ENTITY_COLUMNS, fmt, "sitrep-actors")


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, f: EventFilters = Depends(event_filters),
             offset: int = Query(0, ge=0), src: Source = Depends(source)):
    items, total = src.events(f, PAGE, offset)
    per_day, unit = svg.daily(src.events_per_day(f), f.since, f.until, last=90)
    chart = svg.bar_chart(per_day, width=760, height=140, title=f"Reports per {unit}")
    return render(request, "timeline.html", items=items, f=f, types=src.event_types(), chart=chart,
                  statuses=("occurred", "claimed", "denied", "threatened", "planned", "warned"),
                  page=pager(request, offset, len(items), total))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: EventFilters = Depends(event_filters), src: Source = Depends(source)):
    query = {k: v for k, v in request.query_params.items() if k != "offset" and v != ""}
    clusters, _ = src.clusters(f, 500, 0)
    unplotted = [c for c in clusters if is_country_level(c)][:50]
    countries = sorted({c["country"] for c in clusters if c.get("country")})
    return render(request, "map.html", f=f, types=src.event_types(), points_url="/api/map?" + urlencode(query),
                  unplotted=unplotted, admin1_url="/admin1.geojson?" + urlencode({"countries": ",".join(countries)}))


@router.get("/admin1.geojson")
def admin1_geojson(countries: str = Query("", description="comma-separated ISO 3166-1 alpha-2 codes")):
    """Province (admin-1) outlines and names of the given countries for the map, from the installed
    Natural Earth file or a SITREP_DATA `admin1.geojson` (`sitrep.admin1`); 404 when neither is
    installed, and the map draws countries only."""
    if not admin1.available():
        raise HTTPException(404, "no admin-1 outlines installed (make install fetches them)")
    codes = [c.strip() for c in countries.split(",") if c.strip()]
    return JSONResponse(admin1.outlines(codes), media_type="application/geo+json",
                        headers={"cache-control": "public, max-age=86400"})


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, offset: int = Query(0, ge=0), src: Source = Depends(source)):
    items, total = src.disputes(PAGE, offset)
    return render(request, "disputes.html", items=items, page=pager(request, offset, len(items), total))


@router.get("/events/{cluster_id}", response_class=HTMLResponse)
def event_page(request: Request, cluster_id: int, src: Source = Depends(source)):
    c = found(src.cluster(cluster_id), f"no event {cluster_id}")
    differ = {d["field"] for d in c.get("disputes", [])}     # the store's "sources differ", nothing else
    point = [{"lon": c["lon"], "lat": c["lat"], "label": c.get("location")}] if c.get("lat") is not None else []
    return render(request, "event.html", c=c, differ=differ, compared=COMPARED,
                  map=svg.map_svg(point, width=360, height=240, provinces=admin1.outlines(
                      [c.get("country")])["features"]) if point else None)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, source_name: Optional[str] = Query(None, alias="source"),
                  offset: int = Query(0, ge=0), src: Source = Depends(source)):
    items, total = src.articles(source_name, None, None, PAGE, offset)
    return render(request, "articles.html", items=items, source_name=source_name,
                  page=pager(request, offset, len(items), total))


def article_spans(a: dict, target_event: int | None = None) -> list[Span]:
    """Every highlightable fact of an article as a Span (offsets into the original text)."""
    text = a.get("text") or ""
    spans = boilerplate_spans(text, a.get("boilerplate") or [], a.get("body_chars"))
    for kind, group in (("entity", "persons"), ("entity", "organizations"), ("place", "locations")):
        for item in a.get(group) or []:
            fields = {"name": item.get("canonical") or item.get("name"), "type": item.get("kind")}
            if kind == "place":
                fields.update(country=item.get("country"), admin1=item.get("admin1"),
                              lat=item.get("lat"), lon=item.get("lon"),
                              href="/timeline?" + urlencode({"place": fields["name"] or ""}))
            else:
                fields.update(role=item.get("role"), country=item.get("country"),
                              href=f"/entities/{item['entity_id']}" if item.get("entity_id") is not None else None)
            for m in item.get("mentions") or []:
                spans.append(Span(m["start"], m["end"], kind, {**fields, "as written": m.get("text")}))
    for q in a.get("quotes", []):
        if q.get("start") is not None and q.get("end"):
            spans.append(Span(q["start"], q["end"], "quote",
                              {"speaker": q.get("speaker"), "quote": q.get("text"), "verb": q.get("verb"),
                               "direct": q.get("direct")}))
    for n in a.get("counts", []):
        if n.get("value_start") is not None and n.get("value_end"):
            start, end = n["value_start"], n["value_end"]      # the figure, as the counts stage found it
        elif n.get("start") is not None and n.get("end"):
            start, end = n["start"], n["end"]                  # stored before counts had their span
        else:
            continue
        spans.append(Span(start, end, "count",
                          {"value": n.get("value"), "category": n.get("category"), "what": n.get("what"),
                           "qualifier": n.get("qualifier"), "approximate": n.get("approximate")}))
    for e in a.get("events", []):
        if e.get("start") is None or not e.get("end"):
            continue
        fields = {k: e.get(k) for k in ("type", "mode", "actor", "target", "location", "date", "fatalities",
                                        "status", "attributed_to", "trigger", "rule")}
        if e.get("cluster_id") is not None:
            fields["href"] = f"/events/{e['cluster_id']}"
        css = "target" if target_event is not None and e.get("id") == target_event else ""
        spans.append(Span(e["start"], e["end"], "evidence", fields, css=css))
        trig = (e.get("trigger") or "").strip()
        if trig:
            seg = text[e["start"]:e["end"]]
            pos = seg.lower().find(trig.lower())
            if pos >= 0:
                spans.append(Span(e["start"] + pos, e["start"] + pos + len(trig), "trigger",
                                  {"trigger": trig, "type": e.get("type"), "rule": e.get("rule")}))
    return spans


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, event: Optional[int] = None,
                 src: Source = Depends(source)):
    a = found(src.article(article_id), f"no article {article_id}")
    html, facts = highlight(a.get("text") or "", article_spans(a, event))
    kinds = Counter(s.kind for s in article_spans(a))
    return render(request, "article.html", a=a, html=html, facts=facts, kinds=kinds)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, kind: Optional[str] = None, q: Optional[str] = None,
                  offset: int = Query(0, ge=0), src: Source = Depends(source)):
    items, total = src.entities(kind, q, PAGE, offset)
    return render(request, "entities.html", items=items, kind=kind, q_name=q,
                  page=pager(request, offset, len(items), total))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: int, src: Source = Depends(source)):
    e = found(src.entity(entity_id), f"no entity {entity_id}")
    per_day, unit = svg.daily([(d["date"], d["n"]) for d in e.get("mentions_over_time", []) if d.get("date")])
    co = [c for c in e.get("co_occurring", []) if c["name"] != e["name"]][:12]
    nodes = [(e["name"], max([c["n_articles"] for c in co] + [1]))] + [(c["name"], c["n_articles"]) for c in co]
    edges = [(e["name"], c["name"], c["n_articles"]) for c in co]
    ids = {c["name"]: c["id"] for c in co}
    charts = {"mentions": svg.bar_chart(per_day, width=620, height=160, title=f"Articles mentioning per {unit}"),
              "network": svg.network(nodes, edges, center=e["name"], size=340,
                                     link="/entities/by-name/{key}") if co else None}
    return render(request, "entity.html", e=e, charts=charts, ids=ids)


@router.get("/entities/by-name/{name}", response_class=HTMLResponse)
def entity_by_name(request: Request, name: str, src: Source = Depends(source)):
    items, _ = src.entities(None, name, 5, 0)
    exact = [i for i in items if i["name"].lower() == name.lower()] or items
    if not exact:
        raise HTTPException(404, f"no entity named {name}")
    return entity_page(request, exact[0]["id"], src)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500), offset: int = Query(0, ge=0),
                src: Source = Depends(source)):
    items, total = src.search(q, PAGE, offset) if q.strip() else ([], 0)
    return render(request, "search.html", q=q, items=items, page=pager(request, offset, len(items), total))


def _operations(spec: dict) -> list[dict]:
    """The OpenAPI spec's operations as rows for the docs page (no JavaScript, no CDN)."""
    ops = []
    for path, methods in sorted(spec.get("paths", {}).items()):
        for method, op in methods.items():
            params = [{"name": p.get("name"), "where": p.get("in"), "required": bool(p.get("required")),
                       "description": p.get("description") or (p.get("schema") or {}).get("title") or "",
                       "type": (p.get("schema") or {}).get("type") or next(
                           (a.get("type") for a in (p.get("schema") or {}).get("anyOf", []) if a.get("type") != "null"), "")}
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "description": op.get("description") or "", "params": params,
                        "body": "requestBody" in op, "try": method == "get" and "{" not in path})
    return ops


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, rendered here from /openapi.json: works offline and under the CSP."""
    spec = request.app.openapi()
    return render(request, "api_docs.html", spec=spec, ops=_operations(spec))


"""JSON routes under /api: thin wrappers over the store's query API (see `source.py`).

Every list is paginated the same way: `limit` (<= 500) and `offset` in, and
`{"items": [...], "limit", "offset", "total", "next"}` out, where `next` is the URL of the
following page or null.
"""
from __future__ import annotations

import hmac
from typing import Any, Optional

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .source import EventFilters, Source

router = APIRouter(prefix="/api", tags=["api"])
MAX_LIMIT = 500
MAX_INT = 2 ** 63 - 1        # the database's integers: anything larger is a 422, never a 500


def row_id(what: str):
    return Path(..., ge=0, le=MAX_INT, description=f"the {what}'s id")


# The dependencies below are `async def`: they do no I/O, and FastAPI runs a plain `def`
# dependency in its thread pool - one thread hand-off each, three per listing request.
async def source(request: Request) -> Source:
    return request.app.state.source


class Page(BaseModel):
    items: list[dict[str, Any]]
    limit: int
    offset: int
    total: Optional[int] = None
    next: Optional[str] = None


async def paging(limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page"),
           offset: int = Query(0, ge=0, le=MAX_INT, description="items to skip")) -> tuple[int, int]:
    return limit, offset


def page(request: Request, items: list[dict], total: int | None, limit: int, offset: int) -> JSONResponse:
    """One page in the `Page` shape. Sent as JSON directly: the items are the store's plain
    JSON-ready dicts, and pydantic's serialisation of `Any` values cost 15x json.dumps (50 ms
    for a page of 50 events with their reports)."""
    more = (offset + len(items) < total) if total is not None else len(items) == limit
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return JSONResponse({"items": items, "limit": limit, "offset": offset, "total": total, "next": nxt})


async def event_filters(
    since: Optional[str] = Query(None, description="first day, YYYY-MM-DD"),
    until: Optional[str] = Query(None, description="last day, YYYY-MM-DD"),
    type: Optional[str] = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    actor: Optional[str] = Query(None, description="actor (or target) name or alias"),
    place: Optional[str] = Query(None, description="place name, country code or region"),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees"),
    attributed_to: Optional[str] = Query(None, description="who the claim is attributed to (as the "
                                         "CLI's --attributed-to; 'none' = the outlet itself)"),
    attribution: Optional[str] = Query(None, include_in_schema=False),   # the older name
    status: Optional[str] = Query(None, description="occurred | claimed | denied | ..."),
    disputed: Optional[bool] = Query(None, description="only clusters whose sources disagree"),
) -> EventFilters:
    from ..store.filters import FilterError, check_period, check_statuses, check_types, parse_bbox
    try:
        since, until = check_period(since, until)
        type, status = check_types(type), check_statuses(status)
    except FilterError as exc:
        raise HTTPException(422, str(exc))
    try:
        box = parse_bbox(bbox) if bbox else None
    except FilterError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north")
    return EventFilters(since=since, until=until, type=type, actor=actor, place=place, bbox=box,
                        attribution=attributed_to or attribution, status=status, disputed=disputed)


@router.get("/events", response_model=Page,
            summary="Events: one per real-world event, its reports inside (as `sitrep events`)")
def events(request: Request, f: EventFilters = Depends(event_filters),
           pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.clusters(f, *pg, with_reports=True)
    return page(request, items, total, *pg)


@router.get("/reports", response_model=Page,
            summary="Reports: each article's own events (as `sitrep events --reports`)")
def reports(request: Request, f: EventFilters = Depends(event_filters),
            pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.events(f, *pg)
    return page(request, items, total, *pg)


@router.get("/clusters", response_model=Page, summary="Event clusters: one per real event")
def clusters(request: Request, f: EventFilters = Depends(event_filters),
             pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.clusters(f, *pg)
    return page(request, items, total, *pg)


def as_json(value: dict) -> JSONResponse:
    """A store's JSON-ready dict sent as is: returning the dict would make FastAPI validate and
    serialise it through pydantic (its `dict` return annotation) before the same json.dumps."""
    return JSONResponse(value)


def found(item, missing: str):
    """The item, or a 404 that says what was not found."""
    if item is None:
        raise HTTPException(404, missing)
    return item


@router.get("/clusters/{cluster_id}", summary="One event cluster with all its sources and disputes")
def cluster(cluster_id: int = row_id("event cluster"), src: Source = Depends(source)) -> dict:
    return as_json(found(src.cluster(cluster_id), f"no event cluster {cluster_id}"))


@router.get("/disputes", response_model=Page, summary="Clusters whose sources disagree")
def disputes(request: Request, pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.disputes(*pg)
    return page(request, items, total, *pg)


@router.get("/map", summary="Events with coordinates grouped by place, for the map")
def map_points(f: EventFilters = Depends(event_filters),
               limit: int = Query(200000, ge=1, le=1000000, description="newest events considered"),
               src: Source = Depends(source)) -> dict:
    """One item per place: lat, lon, n (events there), place, label, and href when n == 1."""
    items = src.map_points(f, limit)
    return as_json({"items": items, "events": sum(p["n"] for p in items)})


@router.get("/articles", response_model=Page, summary="Articles, newest first")
def articles(request: Request, source_name: Optional[str] = Query(None, alias="source"),
             since: Optional[str] = None, until: Optional[str] = None,
             pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.articles(source_name, since, until, *pg)
    return page(request, items, total, *pg)


@router.get("/articles/{article_id}", summary="One article: text and every extracted item with offsets")
def article(article_id: str, src: Source = Depends(source)) -> dict:
    return as_json(found(src.article(article_id), f"no article {article_id}"))


@router.get("/entities", response_model=Page, summary="Persons and organizations across the corpus")
def entities(request: Request, kind: Optional[str] = Query(None, description="person | organization"),
             q: Optional[str] = Query(None, description="name contains"),
             pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.entities(kind, q, *pg)
    return page(request, items, total, *pg)


@router.get("/entities/{entity_id}", summary="One entity: aliases, mentions over time, quotes, events")
def entity(entity_id: int = row_id("entity"), src: Source = Depends(source)) -> dict:
    return as_json(found(src.entity(entity_id), f"no entity {entity_id}"))


@router.get("/places", response_model=Page, summary="Places with coordinates and mention counts")
def places(request: Request, q: Optional[str] = None, country: Optional[str] = None,
           pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.places(q, country, *pg)
    return page(request, items, total, *pg)


@router.get("/quotes", response_model=Page, summary="Quotes with speaker and evidence")
def quotes(request: Request, speaker: Optional[str] = None,
           pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.quotes(speaker, *pg)
    return page(request, items, total, *pg)


@router.get("/counts", response_model=Page, summary="Casualty and other counts with evidence")
def counts(request: Request, category: Optional[str] = None,
           pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.counts(category, *pg)
    return page(request, items, total, *pg)


@router.get("/search", response_model=Page, summary="Full-text search over articles and quotes")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
           pg: tuple[int, int] = Depends(paging), src: Source = Depends(source)):
    items, total = src.search(q, *pg)
    return page(request, items, total, *pg)


@router.get("/stats", summary="Events per day, per type and per region")
def stats(since: Optional[str] = None, until: Optional[str] = None,
          src: Source = Depends(source)) -> dict:
    return as_json(src.stats(since, until))


# ------------------------------------------------------------------ the one write route

class ArticleIn(BaseModel):
    text: str = Field(..., min_length=1, description="the article text (untrusted; stored as is)")
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD")
    id: Optional[str] = None


def require_token(request: Request, authorization: Optional[str] = Header(None)) -> None:
    """401 without a bearer token, 403 with a wrong one; 403 too when the server has none set."""
    expected = request.app.state.token
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "send Authorization: Bearer <SITREP_TOKEN>",
                            headers={"WWW-Authenticate": "Bearer"})
    given = authorization[7:].strip()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "token refused (the server is read-only unless SITREP_TOKEN is set)")


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one article (needs SITREP_TOKEN as a bearer token)")
def post_article(article: ArticleIn = Body(...), src: Source = Depends(source)) -> dict:
    from ..service import ArticleRefused
    try:
        return src.ingest(article.model_dump())
    except ArticleRefused as exc:
        raise HTTPException(422, str(exc))

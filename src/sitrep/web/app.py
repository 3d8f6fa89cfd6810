"""The web app: `create_app(db_url, token=None)` -> a FastAPI app over one corpus database.

Read-only by default. The one write route, `POST /api/articles`, exists only when a token is
configured (argument or SITREP_TOKEN) and must be sent as `Authorization: Bearer <token>`.
Every request body is capped (413 beyond `max_body` bytes); every response carries a strict
Content-Security-Policy (scripts only from this server, no inline script), so even a template
mistake could not run script from an article's text.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..knowledge import get_knowledge

DEFAULT_MAX_BODY = 2_000_000      # bytes: an article is rarely over 200 kB

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes with 413 (declared or streamed)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                too_big = True
            if too_big:
                return await _plain(send, 413, b"request body too large")
        seen = 0
        started = rejected = False

        async def limited_receive():
            # a streamed body over the limit: answer 413 ourselves and tell the app the client left
            nonlocal seen, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    if not started:
                        await _plain(send, 413, b"request body too large")
                    rejected = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal started
            if rejected:
                return                      # the 413 is already sent; drop the app's answer
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not rejected:
                raise


async def _plain(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware adding CSP and friends to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)
        await self.app(scope, receive, with_headers)


def _printable(value):
    """A JSON value with every unpaired surrogate escaped (so an error about one can be sent)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable(v) for v in value]
    return value


async def _validation_error(request, exc):
    """FastAPI's 422 answer, sendable even when the refused input holds a lone surrogate."""
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse
    return JSONResponse(status_code=422, content={"detail": _printable(jsonable_encoder(exc.errors()))})


def create_app(db_url: str | os.PathLike | None = None, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, store=None) -> FastAPI:
    """The app over the database at `db_url` (or an already open `store`)."""
    from .api import router as api_router
    from .pages import install_error_pages, router as pages_router
    from .source import open_source

    token = token if token is not None else (os.environ.get("SITREP_TOKEN") or None)
    app = FastAPI(title="sitrep", version="0.1.0", docs_url=None, redoc_url=None,   # /docs: pages.api_docs
                  description="Read-only JSON API over a sitrep corpus: events, event clusters with "
                              "their sources and disputes, articles, entities, places, quotes, counts, "
                              "search and statistics. Every list is paginated with limit/offset.")
    app.state.source = open_source(db_url, store=store)
    app.state.token = token
    static_dir = Path(str(resources.files("sitrep") / "web" / "static"))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")

    @app.get("/countries.geojson", include_in_schema=False)
    def countries_geojson():
        return FileResponse(get_knowledge().path("countries.geojson"), media_type="application/geo+json",
                            headers={"cache-control": "public, max-age=86400"})

    from fastapi.exceptions import RequestValidationError
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(api_router)
    app.include_router(pages_router)
    install_error_pages(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=max_body)
    return app


SERVE_DB_ENV = "SITREP_SERVE_DB"


def app_from_env() -> FastAPI:
    """The app for each worker process of `sitrep serve --workers N` (uvicorn's factory): the
    database `serve` checked, from $SITREP_SERVE_DB, read-only unless $SITREP_TOKEN is set."""
    from ..store.lite import open_lite
    from ..store.query import open_db
    token, url = os.environ.get("SITREP_TOKEN") or None, os.environ[SERVE_DB_ENV]
    store = open_lite(url) if token is None else None       # reads through sqlite3 (store.lite)
    return create_app(store=store or open_db(url, read_only=token is None), token=token)

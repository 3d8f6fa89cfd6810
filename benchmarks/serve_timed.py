"""`sitrep serve` with a server-side timing middleware, for the API benchmark only.

    .venv/bin/python benchmarks/serve_timed.py --db DB --port 8000 [--http h11]

takes `sitrep serve`'s options and serves the same app, wrapped so that each request's time
inside the app (from the ASGI call to its last body byte handed to uvicorn: the HTTP parsing
and socket writes are outside it) is recorded. `GET /__bench/timing` answers the percentiles of
the requests since the previous call, and forgets them (it is not counted itself). One server
process only (`--workers 1`): the workers of `--workers N` build their own app. The environment
variable SITREP_BENCH_LOOP=asyncio|uvloop picks uvicorn's event loop (to compare them).
"""
from __future__ import annotations

import json
import os
import sys
import time

TIMING_PATH = "/__bench/timing"


def _percentile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))] if s else None


class Timing:
    """ASGI middleware: milliseconds each HTTP request spends in the app."""

    def __init__(self, app):
        self.app, self.ms = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["path"] == TIMING_PATH:
            return await self._answer(send)
        t0 = time.perf_counter()

        async def timed_send(message):
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.ms.append((time.perf_counter() - t0) * 1000)
        await self.app(scope, receive, timed_send)

    async def _answer(self, send):
        ms, self.ms = self.ms, []
        body = json.dumps({"n": len(ms), **{f"p{q}": round(_percentile(ms, q), 2) if ms else None
                                            for q in (50, 95, 99)},
                           "max": round(max(ms), 2) if ms else None}).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def main() -> None:
    import sitrep.web.app as web_app
    from sitrep.cli import main as sitrep_main

    plain = web_app.create_app
    web_app.create_app = lambda *a, **k: Timing(plain(*a, **k))    # what `sitrep serve` builds, timed
    loop = os.environ.get("SITREP_BENCH_LOOP")      # asyncio | uvloop: uvicorn's event loop, compared
    if loop:
        import uvicorn
        run = uvicorn.run
        uvicorn.run = lambda *a, **k: run(*a, **{**k, "loop": loop})
    sys.argv = ["sitrep", "serve", *sys.argv[1:]]
    sitrep_main()


if __name__ == "__main__":
    main()

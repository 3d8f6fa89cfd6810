"""Inline SVG for charts and the offline map, built server-side so the web pages and the report
share them (neither imports the other).

Every string that comes from data goes through `escape`: the SVG is embedded in HTML as markup.
The map projects Natural Earth country outlines (shipped in `sitrep/data/countries.geojson`)
with a plain equirectangular projection scaled by cos(latitude): no tiles, no network.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from .knowledge import Knowledge, get_knowledge

PALETTE = ("#3b6ea5", "#c8553d", "#588b5b", "#8e6c8a", "#d3a625", "#4f9da6", "#a0522d", "#6b7b8c",
           "#b5485d", "#2f4858", "#7a9e3f", "#c97b2b", "#5d5d9b", "#9c6644", "#3c8d93", "#808080")


def color_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def daily(counts: Iterable[tuple[str, float]], since: str | None = None, until: str | None = None,
          last: int | None = None, month_after: int = 92) -> tuple[list[tuple[str, float]], str]:
    """A continuous time axis: every day from `since` (else the first day) to `until` (else the
    last), empty days as 0 so gaps show; only the `last` days when given; one bar per month
    (every month, empty ones too) when the span exceeds `month_after` days. Returns (series, unit)."""
    by_day: dict[str, float] = {}
    for day, n in counts:
        if _day(day):
            by_day[str(day)[:10]] = by_day.get(str(day)[:10], 0) + n
    first = _day(since) or (_day(min(by_day)) if by_day else None)
    end = _day(until) or (_day(max(by_day)) if by_day else None)
    if first is None or end is None or end < first:
        return sorted(by_day.items()), "day"
    if last and (end - first).days + 1 > last:
        first = end - dt.timedelta(days=last - 1)
    days = [(first + dt.timedelta(i)).isoformat() for i in range((end - first).days + 1)]
    series = [(d, by_day.get(d, 0)) for d in days]
    if len(series) <= month_after:
        return series, "day"
    months: dict[str, float] = {}
    for d, n in series:
        months[d[:7]] = months.get(d[:7], 0) + n
    return list(months.items()), "month"


def bar_chart(series: Sequence[tuple[str, float]], *, width: int = 640, height: int = 180,
              title: str = "", color: str = PALETTE[0], label_every: int | None = None) -> Markup:
    """A vertical bar chart (e.g. events per day) as an inline <svg>; bars carry <title> tooltips."""
    pad_l, pad_b, pad_t = 36, 28, 18 if title else 8
    n = max(len(series), 1)
    top = max([v for _, v in series] + [1])
    plot_w, plot_h = width - pad_l - 6, height - pad_b - pad_t
    bw = plot_w / n
    every = label_every or max(1, math.ceil(n * 70 / plot_w))   # ~70 px per date label
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title or "chart")}">'
             f'<style>{CHART_STYLE}</style>']
    if title:
        parts.append(f'<text x="{pad_l}" y="12" class="chart-title">{escape(title)}</text>')
    for frac in (0, 0.5, 1):
        y = pad_t + plot_h * (1 - frac)
        parts.append(f'<line x1="{pad_l}" x2="{width - 6}" y1="{_num(y)}" y2="{_num(y)}" class="grid"/>'
                     f'<text x="{pad_l - 4}" y="{_num(y + 4)}" text-anchor="end" class="axis">'
                     f'{escape(_num(top * frac))}</text>')
    for i, (label, value) in enumerate(series):
        h = plot_h * (value / top) if top else 0
        x = pad_l + i * bw
        parts.append(f'<rect class="bar" x="{_num(x + bw * 0.1)}" y="{_num(pad_t + plot_h - h)}" '
                     f'width="{_num(max(bw * 0.8, 1))}" height="{_num(h)}" fill="{color}">'
                     f'<title>{escape(label)}: {escape(_num(value))}</title></rect>')
        if i % every == 0:
            parts.append(f'<text x="{_num(x + bw / 2)}" y="{height - 10}" text-anchor="middle" '
                         f'class="axis">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def hbar_chart(series: Sequence[tuple[str, float]], *, width: int = 320, row: int = 18,
               link: str | None = None) -> Markup:
    """Horizontal bars with labels (types, regions, actors); `link` is a format string with {key}."""
    label_w = 130
    height = max(row * len(series), row)
    top = max([v for _, v in series] + [1])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart hbar" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img"><style>{CHART_STYLE}</style>']
    for i, (label, value) in enumerate(series):
        y = i * row
        w = (width - label_w - 40) * value / top
        text = str(label)
        short = text if len(text) <= 20 else text[:19] + "…"
        bar = (f'<text x="{label_w - 4}" y="{y + row * 0.7}" text-anchor="end" class="axis">{escape(short)}'
               f'<title>{escape(text)}</title></text>'
               f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{_num(max(w, 1))}" height="{row - 4}" '
               f'fill="{color_for(i)}"/>'
               f'<text x="{_num(label_w + w + 4)}" y="{y + row * 0.7}" class="axis">{escape(_num(value))}</text>')
        if link:
            from urllib.parse import quote
            bar = f'<a href="{escape(link.format(key=quote(text)))}">{bar}</a>'
        parts.append(bar)
    parts.append("</svg>")
    return Markup("".join(parts))


def network(nodes: Sequence[tuple[str, float]], edges: Iterable[tuple[str, str, float]], *,
            center: str | None = None, size: int = 320, link: str | None = None) -> Markup:
    """A small co-occurrence network: the centre node in the middle, the others on a circle."""
    from urllib.parse import quote
    nodes = list(nodes)
    pos: dict[str, tuple[float, float]] = {}
    others = [n for n, _ in nodes if n != center]
    c = size / 2
    if center is not None:
        pos[center] = (c, c)
    for i, name in enumerate(others):
        a = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        pos[name] = (c + (c - 60) * math.cos(a), c + (c - 40) * math.sin(a))
    weight = dict(nodes)
    wmax = max([w for _, w in nodes] + [1])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {size} {size}" '
             f'width="{size}" height="{size}" role="img"><style>{CHART_STYLE}</style>']
    edges = [e for e in edges if e[0] in pos and e[1] in pos]
    emax = max([w for *_, w in edges] + [1])
    for a, b, w in edges:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        parts.append(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                     f'class="edge" stroke-width="{_num(1 + 4 * w / emax)}"><title>{escape(a)} – '
                     f'{escape(b)}: {escape(_num(w))}</title></line>')
    for i, (name, (x, y)) in enumerate(pos.items()):
        r = 5 + 9 * math.sqrt(weight.get(name, 1) / wmax)
        node = (f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" class="node'
                f'{" center" if name == center else ""}"/>'
                f'<text x="{_num(x)}" y="{_num(y + r + 11)}" text-anchor="middle" class="axis">'
                f'{escape(name if len(name) < 22 else name[:21] + "…")}</text>')
        if link and name != center:
            node = f'<a href="{escape(link.format(key=quote(name)))}">{node}</a>'
        parts.append(node)
    parts.append("</svg>")
    return Markup("".join(parts))


# ---------------------------------------------------------------- map

# Inline so the SVG looks right alone (report, saved file) and in the pages.
MAP_STYLE = (".sea{fill:#dfe9f2}.land{fill:#f4f1ea;stroke:#9a9a9a;stroke-width:.6}"
             ".admin1{fill:none;stroke:#a79f8e;stroke-width:.5;stroke-dasharray:2 1.5}"
             ".admin1-label{font:italic 8px sans-serif;fill:#8a8170}"
             ".marker{fill:#c8553d;fill-opacity:.85;stroke:#fff;stroke-width:1.2}"
             ".marker-count{font:bold 10px sans-serif;fill:#fff;pointer-events:none}")
CHART_STYLE = (".bar{shape-rendering:crispEdges}.grid{stroke:#ddd}.axis{font:10px sans-serif;fill:#444}"
               ".chart-title{font:bold 11px sans-serif;fill:#222}.edge{stroke:#9ab}"
               ".node{fill:#3b6ea5}.node.center{fill:#c8553d}")

def countries(kb: Knowledge | None = None) -> list[dict]:
    """Natural Earth 1:110m admin-0 outlines (public domain), loaded once per Knowledge."""
    return (kb or get_knowledge()).json("countries.geojson")["features"]


class Projection:
    """Equirectangular projection of a lon/lat box onto a width x height canvas (aspect kept)."""

    def __init__(self, bbox: tuple[float, float, float, float], width: int, height: int):
        west, south, east, north = bbox
        self.k_lon = math.cos(math.radians(max(min((south + north) / 2, 80), -80)))
        span_x = max((east - west) * self.k_lon, 1e-6)
        span_y = max(north - south, 1e-6)
        self.scale = min(width / span_x, height / span_y)
        # centre the box
        self.x0 = west - (width / self.scale - span_x) / 2 / self.k_lon
        self.y0 = north + (height / self.scale - span_y) / 2

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.x0) * self.k_lon * self.scale, (self.y0 - lat) * self.scale


def fit_bbox(points: Sequence[tuple[float, float]], margin: float = 0.25,
             minimum: float = 8.0) -> tuple[float, float, float, float]:
    """A lon/lat box around the points with a margin; the world when there are none."""
    if not points:
        return (-170.0, -58.0, 180.0, 80.0)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    dx = max(e - w, minimum) * (1 + margin) / 2
    dy = max(n - s, minimum * 0.6) * (1 + margin) / 2
    cx, cy = (w + e) / 2, (s + n) / 2
    return (max(cx - dx, -180), max(cy - dy, -85), min(cx + dx, 180), min(cy + dy, 85))


def cluster_points(points: Sequence[dict], project: Projection, radius: float = 18) -> list[dict]:
    """Greedy screen-space clustering (as map.js does): a point joins the first cluster anchored
    within `radius` px, found through the 3x3 neighbouring grid cells; else it anchors a new one."""
    grid: dict[tuple[int, int], list[dict]] = {}
    clusters: list[dict] = []
    for p in points:
        x, y = project(p["lon"], p["lat"])
        gx, gy = int(x // radius), int(y // radius)
        found = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for c in grid.get((gx + dx, gy + dy), ()):
                    if (c["ax"] - x) ** 2 + (c["ay"] - y) ** 2 <= radius ** 2:
                        found = c
                        break
                if found:
                    break
            if found:
                break
        if found is None:
            found = {"ax": x, "ay": y, "sx": 0.0, "sy": 0.0, "items": []}
            grid.setdefault((gx, gy), []).append(found)
            clusters.append(found)
        found["sx"] += x
        found["sy"] += y
        found["items"].append(p)
    return [{"x": c["sx"] / len(c["items"]), "y": c["sy"] / len(c["items"]), "count": len(c["items"]),
             "items": c["items"]} for c in clusters]


def _ring_path(ring, project: Projection) -> str:
    pts = [project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def _coarse_ring_path(ring, project: Projection, step: float = 1.5) -> str:
    """A ring's path without the points closer than `step` px to the last one kept (a province
    drawn small needs a few points, not Natural Earth's every bend)."""
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = project(lon, lat)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z" if len(kept) >= 3 else ""


def _polygons(geometry: dict) -> list:
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def _admin1_layer(provinces: Sequence[dict], project: Projection, bbox) -> list[str]:
    """Province outlines inside the box, and the names of those drawn at least 50 px wide."""
    west, south, east, north = bbox
    paths, labels = [], []
    for feat in provinces:
        d, xs = [], []
        for poly in _polygons(feat["geometry"]):
            lons, lats = [p[0] for p in poly[0]], [p[1] for p in poly[0]]
            if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
                continue
            d.extend(_coarse_ring_path(r, project) for r in poly)
            xs += [project(min(lons), 0)[0], project(max(lons), 0)[0]]
        if not d or max(xs) - min(xs) < 4:      # nothing inside, or too small to see
            continue
        name = feat["properties"].get("name") or ""
        paths.append(f'<path class="admin1" d="{"".join(d)}"><title>{escape(name)}</title></path>')
        label = feat["properties"].get("label")
        if name and label and max(xs) - min(xs) >= 50 and west <= label[0] <= east and south <= label[1] <= north:
            x, y = project(label[0], label[1])
            labels.append(f'<text class="admin1-label" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">'
                          f'{escape(name)}</text>')
    return paths + labels


def map_svg(points: Sequence[dict], *, width: int = 640, height: int = 400,
            bbox: tuple[float, float, float, float] | None = None, link: str | None = None,
            provinces: Sequence[dict] = ()) -> Markup:
    """Country outlines, province (admin-1) outlines and names, and clustered event markers as
    one inline <svg> (used by the report).

    `points` are dicts with lon, lat and optional label / id; `link` formats an href with {id};
    `provinces` are GeoJSON features with name and label point (`sitrep.admin1.outlines`).
    """
    bbox = bbox or fit_bbox([(p["lon"], p["lat"]) for p in points])
    project = Projection(bbox, width, height)
    west, south, east, north = bbox
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="map of events">'
             f'<style>{MAP_STYLE}</style><rect width="{width}" height="{height}" class="sea"/>']
    for feat in countries():
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        d = []
        for poly in polys:
            outer = poly[0]
            lons = [p[0] for p in outer]
            lats = [p[1] for p in outer]
            if max(lons) < west - 1 or min(lons) > east + 1 or max(lats) < south - 1 or min(lats) > north + 1:
                continue
            d.extend(_ring_path(r, project) for r in poly)
        if d:
            parts.append(f'<path class="land" d="{"".join(d)}"><title>{escape(feat["properties"]["name"])}'
                         f'</title></path>')
    parts.extend(_admin1_layer(provinces, project, bbox))
    for c in cluster_points(points, project):
        r = min(7 + 1.6 * math.log2(c["count"]), 20) if c["count"] > 1 else 5
        labels = "; ".join(str(p.get("label") or "") for p in c["items"][:5])
        if c["count"] > 5:
            labels += f" … and {c['count'] - 5} more"
        mark = (f'<circle class="marker" cx="{c["x"]:.1f}" cy="{c["y"]:.1f}" r="{r:.1f}">'
                f'<title>{escape(labels)}</title></circle>')
        if c["count"] > 1:
            mark += (f'<text class="marker-count" x="{c["x"]:.1f}" y="{c["y"] + 4:.1f}" '
                     f'text-anchor="middle">{c["count"]}</text>')
        if link and c["count"] == 1 and c["items"][0].get("id") is not None:
            mark = f'<a href="{escape(link.format(id=c["items"][0]["id"]))}">{mark}</a>'
        parts.append(mark)
    parts.append("</svg>")
    return Markup("".join(parts))

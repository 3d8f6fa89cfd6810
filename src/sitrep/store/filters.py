"""The checks of the filters every event listing shares (dates, types, statuses, bounding box),
without the database: the command line and the API refuse a bad value with one line naming the
filter before any query runs. No SQLAlchemy here (a query command imports this module)."""
from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Sequence


class FilterError(ValueError):
    """A filter value that cannot mean anything; the message names the filter and what to write."""


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_day(value: str | None, name: str = "since") -> str | None:
    """A calendar date written YYYY-MM-DD, or None; "2022-13-01" and "yesterday" are refused."""
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip()
    try:
        if not _ISO_DAY.match(v):
            raise ValueError
        return _dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise FilterError(f"{name} {value!r}: not a date (write it YYYY-MM-DD, e.g. 2022-09-22)") from None


def check_period(since: str | None, until: str | None, names=("since", "until")) -> tuple[str | None, str | None]:
    since, until = check_day(since, names[0]), check_day(until, names[1])
    if since and until and since > until:
        raise FilterError(f"{names[0]} {since} is after {names[1]} {until}")
    return since, until


def check_types(value: str | Sequence[str] | None, name: str = "type") -> str | None:
    """'assault,protest' -> 'ASSAULT,PROTEST'; an unknown type is refused with the 16 types."""
    from ..record import EVENT_TYPES

    types = [t.upper() for t in listify(value) or []]
    bad = [t for t in types if t not in EVENT_TYPES]
    if bad:
        raise FilterError(f"{name} {', '.join(bad)}: not an event type; use one of {', '.join(EVENT_TYPES)}")
    return ",".join(types) or None


def check_statuses(value: str | Sequence[str] | None, name: str = "status") -> str | None:
    from ..record import EVENT_STATUSES

    statuses = [s.lower() for s in listify(value) or []]
    bad = [s for s in statuses if s not in EVENT_STATUSES + ("disputed",)]
    if bad:
        raise FilterError(f"{name} {', '.join(bad)}: use one of {', '.join(EVENT_STATUSES)}")
    return ",".join(statuses) or None


def listify(v: str | Sequence[str] | None) -> list[str] | None:
    """"A, B" or ["A", "B"] -> ["A", "B"]; None for an empty value."""
    if v is None or v == "" or v == []:
        return None
    if isinstance(v, str):
        return [x.strip() for x in v.split(",") if x.strip()]
    return [str(x) for x in v]


def parse_bbox(bbox) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) from a tuple or "a,b,c,d"; ValueError when malformed."""
    if bbox is None or bbox == "":
        return None
    if isinstance(bbox, str):
        bbox = [p for p in bbox.replace(" ", ",").split(",") if p]
    try:
        vals = tuple(float(x) for x in bbox)
    except (TypeError, ValueError):
        vals = ()
    if len(vals) != 4 or not all(math.isfinite(v) for v in vals):
        raise FilterError("bbox needs 4 numbers: min_lon,min_lat,max_lon,max_lat")
    return vals  # type: ignore[return-value]

"""Score article records against hand-made gold records (the contract of SCHEMA.md).

The matching rules are those of the shared scorer, so numbers agree with it on the same inputs:

- persons, organizations: canonical name or any alias equal after folding (case, accents,
  punctuation), or a one-word form equal to the last word of the other's name ("Putin");
- locations: names match as above, or the two points lie within 50 km;
- quotes: speakers match (or one speaker's words all stand in the other's) and the texts share
  at least half of the shorter one's words;
- counts: same value and same category;
- events: same type and evidence sharing at least half of the shorter one's words; on matched
  events the slots (actor, target, location, date, fatalities, attributed_to) are scored as accuracy;
- published: exact date (only articles whose gold has one).

Matching is greedy and one-to-one in gold order; P/R/F1 are micro-averaged over articles and the
macro F1 is the mean F1 of the seven fields. `breakdown` lists, per article, what was missed and
what was spurious, which is what a developer needs to find a rule's errors.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

FIELDS = ("persons", "organizations", "locations", "quotes", "counts", "events", "published")
LIST_FIELDS = FIELDS[:-1]
EVENT_SLOTS = ("actor", "target", "location", "date", "fatalities", "attributed_to")
COUNT_CATEGORIES = {"killed", "wounded", "arrested", "detained", "displaced", "prisoners", "troops",
                    "volunteers", "weapons", "civilians_affected", "other"}
EVENT_TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                  "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())

Records = dict[str, dict[str, Any]]


class EvaluationInputError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file."""


# --- comparing two strings / items -------------------------------------------------------------

def fold(text: Any) -> str:
    """Lower case, no apostrophes or diacritics, punctuation as spaces, single spaces:
    "Ja'afari," -> "jaafari" (the shared scorer's folding)."""
    text = re.sub(r"['\u2018\u2019\u02bc`\u00b4]", "", str(text or ""))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def name_forms(item: Any) -> set[str]:
    """All folded surface forms of an entity dict (name + aliases) or of a plain string."""
    if not isinstance(item, dict):
        keys = [item]
    else:
        aliases = item.get("aliases") or []
        keys = [item.get("name"), *(aliases if isinstance(aliases, (list, tuple)) else [aliases])]
    return {fold(k) for k in keys if k and fold(k)}


def same_name(a: Any, b: Any) -> bool:
    """Any shared form, or a one-word form equal to the last word of the other ("Putin")."""
    na, nb = name_forms(a), name_forms(b)
    if na & nb:
        return True
    return (any(len(x.split()) == 1 and x == y.split()[-1] for x in na for y in nb)
            or any(len(y.split()) == 1 and y == x.split()[-1] for x in na for y in nb))


def word_overlap(a: Any, b: Any) -> float:
    """Shared words as a share of the shorter text (word sets, folded)."""
    ta, tb = set(fold(a).split()), set(fold(b).split())
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance; infinite when either point is missing."""
    try:
        la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError):
        return math.inf
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def same_place(a: dict, b: dict) -> bool:
    return same_name(a, b) or distance_km(a, b) <= 50


def same_speaker(a: Any, b: Any) -> bool:
    """Names match, or one speaker's words all stand in the other's ("Pushilin" in "Pushilin and Pasechnik")."""
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return same_name(a, b) or bool(wa and wb and (wa <= wb or wb <= wa))


def same_quote(a: dict, b: dict) -> bool:
    return same_speaker(a.get("speaker"), b.get("speaker")) and word_overlap(a.get("text"), b.get("text")) >= 0.5


def same_count(a: dict, b: dict) -> bool:
    try:
        return float(a.get("value")) == float(b.get("value")) and a.get("category") == b.get("category")
    except (TypeError, ValueError):
        return False


def same_event(a: dict, b: dict) -> bool:
    return a.get("type") == b.get("type") and word_overlap(a.get("evidence"), b.get("evidence")) >= 0.5


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "persons": same_name, "organizations": same_name, "locations": same_place,
    "quotes": same_quote, "counts": same_count, "events": same_event,
}


def match(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order: (gold index, pred index) pairs."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


# country names a gold record may use as a party without a "country" note (as the shared scorer)
COUNTRY_WORDS = {"russia", "ukraine", "united states", "israel", "iran", "sudan", "mali", "niger",
                 "burkina faso", "myanmar", "yemen", "syria", "somalia", "ethiopia", "nigeria", "haiti",
                 "lebanon", "iraq", "libya", "pakistan", "india", "afghanistan", "colombia", "mexico",
                 "cameroon", "mozambique", "armenia", "azerbaijan", "china", "france", "germany",
                 "united kingdom", "turkey", "egypt", "belarus", "georgia", "moldova", "poland"}


def country_names(gold_record: dict) -> dict[str, str]:
    """fold(name or alias) -> ISO code, for the gold record's country-level locations."""
    out = {}
    for loc in gold_record.get("locations") or []:
        if "country" in str(loc.get("note", "")).lower() or fold(loc.get("name")) in COUNTRY_WORDS:
            for n in [loc.get("name"), *(loc.get("aliases") or [])]:
                if n and loc.get("country"):
                    out[fold(n)] = loc["country"]
    return out


def slot_right(slot: str, gold_event: dict, pred_event: dict, countries: dict | None = None) -> bool:
    """Both empty, or equal dates/fatalities, or names that match / overlap by half; a country
    as the gold party also matches any predicted party of that country (as PLOVER codes it)."""
    gv, pv = gold_event.get(slot), pred_event.get(slot)
    if gv is None or pv is None:
        return gv is None and pv is None
    if slot in ("date", "fatalities"):
        return str(gv) == str(pv)
    if same_name(gv, pv) or word_overlap(gv, pv) >= 0.5:
        return True
    code = (countries or {}).get(fold(gv))
    return bool(code) and slot in ("actor", "target") and pred_event.get(f"{slot}_country") == code


# --- scoring ------------------------------------------------------------------------------------

def _prf(matched: int, n_gold: int, n_pred: int) -> dict[str, float | int]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "gold": n_gold, "pred": n_pred}


def score(gold: Records, pred: Records) -> dict[str, Any]:
    """P/R/F1 per field (micro-averaged), slot accuracy on matched events, macro F1.

    `gold` and `pred` map article id -> record dict; an article without a prediction counts as
    an empty record, predictions for articles not in gold are listed but not scored.
    """
    tally = {f: [0, 0, 0] for f in FIELDS}          # matched, gold n, pred n
    slots = {s: [0, 0] for s in EVENT_SLOTS}        # right, matched events
    for rid, g in gold.items():
        p = pred.get(rid) or {}
        for field, same in MATCHERS.items():
            g_items, p_items = g.get(field) or [], p.get(field) or []
            pairs = match(g_items, p_items, same)
            t = tally[field]
            t[0] += len(pairs)
            t[1] += len(g_items)
            t[2] += len(p_items)
            if field == "events":
                countries = country_names(g)
                for gi, pi in pairs:
                    for s in EVENT_SLOTS:
                        slots[s][0] += slot_right(s, g_items[gi], p_items[pi], countries)
                        slots[s][1] += 1
        if g.get("published"):
            t = tally["published"]
            t[1] += 1
            t[2] += bool(p.get("published"))
            t[0] += str(p.get("published")) == str(g["published"])
    table = {f: _prf(*tally[f]) for f in FIELDS}
    return {
        "fields": table,
        "event_slots": {s: round(r / n, 3) if n else None for s, (r, n) in slots.items()},
        "macro_f1": round(sum(table[f]["f1"] for f in FIELDS) / len(FIELDS), 3),
        "missing_ids": sorted(set(gold) - set(pred)),
        "extra_ids": sorted(set(pred) - set(gold)),
    }


def _label(field: str, item: Any) -> str:
    """A one-line description of an item, for error listings."""
    if not isinstance(item, dict):
        return str(item)
    if field in ("persons", "organizations", "locations"):
        where = f" ({item.get('country')})" if field == "locations" and item.get("country") else ""
        return f"{item.get('name')}{where}"
    if field == "quotes":
        return f"{item.get('speaker')}: \"{_short(item.get('text'))}\""
    if field == "counts":
        return f"{item.get('value')} {item.get('category')} ({_short(item.get('what'), 40)})"
    if field == "events":
        return f"{item.get('type')} {item.get('actor')} -> {item.get('target')}: {_short(item.get('evidence'))}"
    return json.dumps(item, ensure_ascii=False)[:100]


def _short(text: Any, n: int = 70) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def breakdown(gold: Records, pred: Records) -> dict[str, dict[str, Any]]:
    """Per article and field: gold items missed, predicted items spurious, wrong event slots."""
    out: dict[str, dict[str, Any]] = {}
    for rid, g in gold.items():
        p = pred.get(rid) or {}
        article: dict[str, Any] = {}
        for field, same in MATCHERS.items():
            g_items, p_items = g.get(field) or [], p.get(field) or []
            pairs = match(g_items, p_items, same)
            got_g, got_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            entry = {
                "missed": [_label(field, x) for i, x in enumerate(g_items) if i not in got_g],
                "spurious": [_label(field, x) for i, x in enumerate(p_items) if i not in got_p],
            }
            if field == "events":
                entry["wrong_slots"] = [
                    f"{g_items[gi].get('type')} {s}: gold {g_items[gi].get(s)!r}, predicted {p_items[pi].get(s)!r}"
                    for gi, pi in pairs for s in EVENT_SLOTS
                    if not slot_right(s, g_items[gi], p_items[pi], country_names(g))]
            if any(entry.values()):
                article[field] = entry
        if g.get("published") and str(p.get("published")) != str(g["published"]):
            article["published"] = {"missed": [g["published"]],
                                    "spurious": [p["published"]] if p.get("published") else []}
        out[rid] = article
    return out


def violations(pred: Records, articles: str | Path | None = None) -> dict[str, int]:
    """Contract breaches: unknown count categories or event types, evidence not in the article.

    Evidence is checked only for ids that have `<id>.txt` in `articles` (whitespace normalised).
    """
    found = {"count category": 0, "event type": 0, "evidence not in text": 0}
    for rid, r in pred.items():
        text = ""
        src = Path(articles) / f"{rid}.txt" if articles else None
        if src is not None and src.exists():
            text = " ".join(src.read_text(encoding="utf-8").split())
        for c in r.get("counts") or []:
            found["count category"] += c.get("category") not in COUNT_CATEGORIES
        for e in r.get("events") or []:
            found["event type"] += e.get("type") not in EVENT_TYPES
        for field in ("quotes", "counts", "events"):
            for item in r.get(field) or []:
                ev = item.get("evidence")
                if text and ev and " ".join(str(ev).split()) not in text:
                    found["evidence not in text"] += 1
    return found


# --- reading ------------------------------------------------------------------------------------

def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationInputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvaluationInputError(f"{path}: not JSON ({exc})") from exc


def load_dir(path: str | Path) -> Records:
    """A folder of <id>.json records -> {id: record}; the id is the file stem."""
    path = Path(path)
    if not path.is_dir():
        raise EvaluationInputError(f"{path}: not a folder of <id>.json gold files")
    return {f.stem: _read_json(f) for f in sorted(path.glob("*.json"))}


def load_jsonl(path: str | Path) -> Records:
    """A JSON-lines file of records -> {id: record}; a bad line raises naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationInputError(f"{path}: cannot read ({exc})") from exc
    records = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvaluationInputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return {r.get("id"): r for r in records if isinstance(r, dict)}


def load_records(path: str | Path) -> Records:
    """Predictions from a JSON-lines file or a folder of <id>.json files."""
    path = Path(path)
    if path.is_dir():
        return {r.get("id"): r for r in load_dir(path).values() if isinstance(r, dict)}
    if not path.exists():
        raise EvaluationInputError(f"{path}: no such file (expected records as JSON lines or a folder)")
    return load_jsonl(path)


def records_from(results: Iterable[Any]) -> Records:
    """Record objects (or dicts) from the pipeline -> {id: record dict} for `score`."""
    out = {}
    for r in results:
        d = r.to_json() if hasattr(r, "to_json") and hasattr(r, "persons") else r
        if isinstance(d, dict) and "id" in d:
            out[d["id"]] = d
    return out


# --- presenting ---------------------------------------------------------------------------------

def format_table(result: dict[str, Any]) -> str:
    """The score table as plain text (the same layout as the shared scorer)."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    for f, t in result["fields"].items():
        lines.append(f"{f:<14}{t['p']:>7.3f}{t['r']:>7.3f}{t['f1']:>7.3f}{t['gold']:>7}{t['pred']:>7}")
    lines.append("event slots (accuracy on matched events): " + ", ".join(
        f"{s} {v if v is not None else '-'}" for s, v in result["event_slots"].items()))
    if "violations" in result:
        lines.append("contract violations: " + ", ".join(f"{k} {v}" for k, v in result["violations"].items()))
    if result.get("missing_ids"):
        lines.append(f"no prediction for: {' '.join(result['missing_ids'])}")
    lines.append(f"macro F1 {result['macro_f1']:.3f}")
    return "\n".join(lines)


def format_breakdown(per_article: dict[str, dict[str, Any]]) -> str:
    """Missed (-) and spurious (+) items per article and field, wrong event slots (~)."""
    lines = []
    for rid, fields in per_article.items():
        if not fields:
            lines.append(f"{rid}: all matched")
            continue
        lines.append(f"{rid}:")
        for field, entry in fields.items():
            lines.append(f"  {field}")
            lines += [f"    - {x}" for x in entry.get("missed", [])]
            lines += [f"    + {x}" for x in entry.get("spurious", [])]
            lines += [f"    ~ {x}" for x in entry.get("wrong_slots", [])]
    return "\n".join(lines)

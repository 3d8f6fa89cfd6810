"""First-event agreement: does our record's first event tell the article's main incident?

    .venv/bin/python tests/first_event.py                    # dev (dated copies), fixtures, blind, blind2, blind3, blind4, blind5, blind6, blind7
    .venv/bin/python tests/first_event.py --per-article      # also each article's two first events

For each set, the first event of our record (`events[0]`) is compared with the gold's first
event: same type, and the actor, location and date slots judged by score.py's slot rules
(`slot_right`, name folding / word overlap / a country's party). It also prints how often our
first event has a null date where the publication date is the gold's date (the dev convention
keeps `date` null when no day is told; this counts what that convention costs on the first
event), and two trivial references: the publication date as the date.

score.py is read from ../shared/eval when present (never copied); without it the script stops
with one line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "tests"))
SETS = {
    "dev": (SHARED / "dev" / "articles", SHARED / "dev" / "gold", True),
    "fixtures": (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "fixtures" / "gold", False),
    "blind": (ROOT / "tests" / "fixtures" / "blind" / "articles", ROOT / "tests" / "fixtures" / "blind" / "gold", False),
    "blind2": (ROOT / "tests" / "fixtures" / "blind2" / "articles", ROOT / "tests" / "fixtures" / "blind2" / "gold", False),
    "blind3": (ROOT / "tests" / "fixtures" / "blind3" / "articles", ROOT / "tests" / "fixtures" / "blind3" / "gold", False),
    "blind4": (ROOT / "tests" / "fixtures" / "blind4" / "articles", ROOT / "tests" / "fixtures" / "blind4" / "gold", False),
    "blind5": (ROOT / "tests" / "fixtures" / "blind5" / "articles", ROOT / "tests" / "fixtures" / "blind5" / "gold", False),
    "blind6": (ROOT / "tests" / "fixtures" / "blind6" / "articles", ROOT / "tests" / "fixtures" / "blind6" / "gold", False),
    "blind7": (ROOT / "tests" / "fixtures" / "blind7" / "articles", ROOT / "tests" / "fixtures" / "blind7" / "gold", False),
}


def _score_module():
    from quality_gate import official_scorer

    sc = official_scorer()
    if sc is None:
        sys.exit(f"first_event: {SHARED / 'score.py'} not found (the shared evaluation kit is needed)")
    return sc


def _records(articles: Path, gold: Path, dated: bool) -> dict[str, dict]:
    """Our records for a set's articles (dated ones get their gold publication date)."""
    from quality_gate import _articles
    from sitrep import evaluate as ev
    from sitrep.record import InputError
    from sitrep.run.local import extract_many

    results = [r for r in extract_many(_articles(articles, gold, dated)) if not isinstance(r, InputError)]
    pred = json.loads(json.dumps(ev.records_from(results), default=str))
    return {str(k): v for k, v in pred.items()} if isinstance(pred, dict) else \
        {str(d.get("id")): d for d in pred}


def compare(gold: dict, pred: dict, sc) -> dict:
    """The first events' agreement, slot by slot (None when the gold has no event)."""
    gev, pev = (gold.get("events") or [None])[0], (pred.get("events") or [None])[0]
    if gev is None:
        return {}
    pev = pev or {}
    countries = sc.country_names(gold)
    row = {"type": gev.get("type") == pev.get("type")}
    for slot in ("actor", "location", "date"):
        row[slot] = sc.slot_right(slot, gev, pev, countries)
    pub = gold.get("published")
    row["pub_as_date"] = bool(pub) and str(gev.get("date")) == str(pub)
    row["null_but_pub"] = pev.get("date") is None and bool(pub) and str(gev.get("date")) == str(pub)
    row["gold"], row["pred"] = gev, pev
    return row


def _fmt(ev: dict) -> str:
    return f"{ev.get('type')} actor={ev.get('actor')} loc={ev.get('location')} date={ev.get('date')}"


def report(name: str, articles: Path, gold_dir: Path, dated: bool, sc, per_article: bool) -> dict:
    preds = _records(articles, gold_dir, dated)
    rows = {}
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = preds.get(str(gold.get("id", g.stem))) or preds.get(g.stem) or {}
        row = compare(gold, pred, sc)
        if row:
            rows[g.stem] = row
    n = len(rows) or 1
    rates = {k: sum(r[k] for r in rows.values()) / n
             for k in ("type", "actor", "location", "date", "pub_as_date", "null_but_pub")}
    print(f"{name}: {len(rows)} articles  " + "  ".join(f"{k} {v:.2f}" for k, v in rates.items()))
    if per_article:
        for stem, r in rows.items():
            marks = "".join(k[0].upper() if r[k] else "." for k in ("type", "actor", "location", "date"))
            print(f"  {stem:40s} {marks}  gold: {_fmt(r['gold'])}\n  {'':40s}       ours: {_fmt(r['pred'])}")
    return rates


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--set", choices=sorted(SETS), action="append")
    args = ap.parse_args(argv)
    sc = _score_module()
    for name in args.set or list(SETS):
        arts, gold, dated = SETS[name]
        if arts.is_dir() and gold.is_dir():
            report(name, arts, gold, dated, sc, args.per_article)
    return 0


if __name__ == "__main__":
    sys.exit(main())

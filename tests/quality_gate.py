"""The accuracy gate: per-field and per-slot floors pinned at the measured value.

    .venv/bin/python tests/quality_gate.py              # print the scores against the floors
    .venv/bin/python tests/quality_gate.py --update     # raise floors to (measured - 0.005)
    .venv/bin/python tests/quality_gate.py --update --allow-regression   # also lower them
    .venv/bin/python tests/quality_gate.py --update --only blind         # re-pin one set only

The sets scored: the development set (`../shared/eval/dev`, real articles, dated from its gold the
way `with_dates.py` does; skipped when ../shared is absent), the seeds (`../shared/eval`), the
project's own gold fixtures (`tests/fixtures`), and the blind sets (`tests/fixtures/blind`,
`tests/fixtures/blind2`, `tests/fixtures/blind3`, `tests/fixtures/blind4`, `tests/fixtures/blind5`, `tests/fixtures/blind6` and `tests/fixtures/blind7`: invented articles whose
gold was committed before sitrep ran on them; not for tuning, see their READMEs). `tests/eval_baseline.json` keeps, per set, a digest
of the gold and the floors; `tests/test_quality_gate.py` fails when a score drops below its floor.
A floor is never lowered without `--allow-regression`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "tests" / "eval_baseline.json"
MARGIN = 0.005

# name -> (articles dir, gold dir, date the articles from their gold?)
SETS = {
    "dev": (SHARED / "dev" / "articles", SHARED / "dev" / "gold", True),
    "seeds": (SHARED / "articles", SHARED / "gold", False),
    "fixtures": (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "fixtures" / "gold", False),
    "blind": (ROOT / "tests" / "fixtures" / "blind" / "articles", ROOT / "tests" / "fixtures" / "blind" / "gold", False),
    "blind2": (ROOT / "tests" / "fixtures" / "blind2" / "articles", ROOT / "tests" / "fixtures" / "blind2" / "gold", False),
    "blind3": (ROOT / "tests" / "fixtures" / "blind3" / "articles", ROOT / "tests" / "fixtures" / "blind3" / "gold", False),
    "blind4": (ROOT / "tests" / "fixtures" / "blind4" / "articles", ROOT / "tests" / "fixtures" / "blind4" / "gold", False),
    "blind5": (ROOT / "tests" / "fixtures" / "blind5" / "articles", ROOT / "tests" / "fixtures" / "blind5" / "gold", False),
    "blind6": (ROOT / "tests" / "fixtures" / "blind6" / "articles", ROOT / "tests" / "fixtures" / "blind6" / "gold", False),
    "blind7": (ROOT / "tests" / "fixtures" / "blind7" / "articles", ROOT / "tests" / "fixtures" / "blind7" / "gold", False),
}
# sets scored with the shared scorer (../shared/eval/score.py) when it is here
OFFICIAL = {"dev", "seeds", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"}


def available() -> dict[str, tuple[Path, Path, bool]]:
    return {k: v for k, v in SETS.items() if v[0].is_dir() and v[1].is_dir()}


def gold_digest(gold: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(gold.glob("*.json")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _articles(articles: Path, gold: Path, dated: bool):
    """The set's inputs; dated sets get their gold publication date, as a feed would carry it."""
    from sitrep.readers import read_inputs
    from sitrep.record import Article

    if not dated:
        yield from read_inputs([articles])
        return
    for path in sorted(articles.glob("*.txt")):
        g = gold / f"{path.stem}.json"
        pub = json.loads(g.read_text(encoding="utf-8")).get("published") if g.exists() else None
        for item in read_inputs([path], published=pub):
            if isinstance(item, Article) and pub:
                item.published = pub
            yield item


def official_scorer():
    """`../shared/eval/score.py`, the scorer the project is judged by, when it is here."""
    import importlib.util

    path = SHARED / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(name: str) -> dict:
    """Extract the set and score it: the shared scorer for the shared sets and the blind set,
    sitrep.evaluate (the same rules, kept in the package) for the project's own fixtures."""
    from sitrep import evaluate as ev
    from sitrep.run.local import extract_many
    from sitrep.record import InputError

    articles, gold, dated = SETS[name]
    results = list(extract_many(_articles(articles, gold, dated)))
    pred = ev.records_from(r for r in results if not isinstance(r, InputError))
    scorer = official_scorer() if name in OFFICIAL else None
    result = (scorer or ev).score(ev.load_dir(gold), json.loads(json.dumps(pred, default=str)))
    result["input_errors"] = [r.line() for r in results if isinstance(r, InputError)]
    return result


def scores_of(result: dict) -> dict[str, float]:
    """The gated figures of one scored set: every field's F1 and every event slot's accuracy."""
    out = {f"{f}.f1": v["f1"] for f, v in result["fields"].items()}
    out.update({f"slot.{s}": v for s, v in result["event_slots"].items() if v is not None})
    out["macro_f1"] = result["macro_f1"]
    return out


def load_baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {"sets": {}}


def below_floor(name: str, scores: dict[str, float], baseline: dict) -> list[str]:
    floors = baseline["sets"].get(name, {}).get("floors", {})
    return [f"{name} {k}: {scores.get(k, 0.0):.3f} < floor {v:.3f}"
            for k, v in sorted(floors.items()) if scores.get(k, 0.0) < v]


def update(baseline: dict, name: str, scores: dict[str, float], digest: str,
           allow_regression: bool) -> list[str]:
    """New floors at measured - MARGIN; returns the refusals (floors that would go down)."""
    entry = baseline["sets"].setdefault(name, {"floors": {}})
    old = entry.get("floors", {})
    refused, new = [], {}
    same_gold = entry.get("gold_digest") == digest
    for k, v in scores.items():
        floor = round(max(v - MARGIN, 0.0), 3)
        if k in old and floor < old[k] and same_gold and not allow_regression:
            refused.append(f"{name} {k}: would lower {old[k]:.3f} -> {floor:.3f}")
            new[k] = old[k]
        else:
            new[k] = floor
    entry["floors"], entry["gold_digest"] = new, digest
    return refused


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="raise floors to the measured values")
    ap.add_argument("--allow-regression", action="store_true", help="with --update: lower floors too")
    ap.add_argument("--only", action="append", metavar="SET", choices=sorted(SETS),
                    help="score (and with --update, re-pin) only this set; may be repeated")
    args = ap.parse_args(argv)
    baseline, status = load_baseline(), 0
    for name, (_, gold, _) in available().items():
        if args.only and name not in args.only:
            continue
        result = measure(name)
        scores = scores_of(result)
        print(f"== {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(scores.items())))
        if args.update:
            for line in update(baseline, name, scores, gold_digest(gold), args.allow_regression):
                print(f"refused: {line} (use --allow-regression)")
                status = 1
        else:
            for line in below_floor(name, scores, baseline):
                print(f"BELOW: {line}")
                status = 1
    if args.update:
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests"))
    sys.exit(main())

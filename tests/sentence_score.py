"""Sentence-level PLOVER type score of a coded sentence file, end to end through `sitrep extract`.

    .venv/bin/python tests/sentence_score.py tests/fixtures/sentences/plover_blind_s4.jsonl [-v]
    .venv/bin/python tests/sentence_score.py tests/fixtures/sentences/*.jsonl --summary

Each line of a sentence file is {"id", "text", "types"}. Every sentence is fed alone as an article
(a JSONL line {"id", "text"}, so it is both title and body), the way tests/test_sentence_types.py
feeds them; the sentence's predicted set of event types is scored against its gold set, micro over
(sentence, type) pairs. Prints per-type tp/fp/fn, P/R/F1, and how many sentences got no event at
all. `-v` lists each sentence whose types differ (gold, predicted, text); `--summary` prints one
line per file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(gold: list[dict]) -> dict[str, set[str]]:
    """Run `sitrep extract --format jsonl` (the one next to this Python) over the sentences."""
    sitrep = Path(sys.executable).with_name("sitrep")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sentences.jsonl"
        src.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold),
                       encoding="utf-8")
        run = subprocess.run([str(sitrep), "extract", str(src), "--format", "jsonl"],
                             capture_output=True, text=True, check=True)
    out: dict[str, set[str]] = {}
    for line in run.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = {e["type"] for e in rec.get("events", [])}
    return out


def score(gold: list[dict], pred: dict[str, set[str]]) -> tuple[Counter, Counter, Counter, int]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g in gold:
        want, got = set(g["types"]), pred.get(g["id"], set())
        tp.update(want & got)
        fp.update(got - want)
        fn.update(want - got)
    no_event = sum(1 for g in gold if not pred.get(g["id"]))
    return tp, fp, fn, no_event


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_table(tp: Counter, fp: Counter, fn: Counter) -> None:
    print(f"{'type':10s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for t in PLOVER:
        if tp[t] or fp[t] or fn[t]:
            p, r, f = prf(tp[t], fp[t], fn[t])
            print(f"{t:10s} {tp[t]:4d} {fp[t]:4d} {fn[t]:4d} {p:6.3f} {r:6.3f} {f:6.3f}")


def score_file(path: Path, verbose: bool, summary: bool) -> None:
    gold = read_gold(path)
    pred = extract(gold)
    tp, fp, fn, no_event = score(gold, pred)
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    if not summary:
        print(f"== {path.name}")
        print_table(tp, fp, fn)
    if verbose:
        for g in gold:
            got = pred.get(g["id"], set())
            if got != set(g["types"]):
                print(f"  {g['id']}: gold {sorted(g['types'])} predicted {sorted(got)}  {g['text']}")
    gold_empty = sum(1 for g in gold if not g["types"])
    print(f"{path.name}: P {p:.3f} R {r:.3f} F1 {f:.3f}  no event {no_event}/{len(gold)} "
          f"(gold no-event {gold_empty})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path, help="coded sentence files (JSONL: id, text, types)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every sentence whose types differ")
    ap.add_argument("--summary", action="store_true", help="one line per file")
    args = ap.parse_args(argv)
    for path in args.files:
        try:
            score_file(path, args.verbose, args.summary)
        except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as exc:
            print(f"{path}: cannot score: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

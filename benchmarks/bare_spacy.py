"""The bare baseline of `make bench`: spaCy alone on the texts of a JSON-lines file.

    python benchmarks/bare_spacy.py FILE.jsonl

`spacy.load` of the model sitrep uses, nothing added (no sitrep component, no gazetteer), then
`nlp.pipe` over every line's "text". Run as a whole process, like `sitrep extract FILE.jsonl`, so
the two are compared start-up and reading included.
"""
from __future__ import annotations

import json
import sys


def main(path: str) -> int:
    import spacy

    from sitrep.nlp import MODEL   # only the model's name; nothing of sitrep's pipeline

    nlp = spacy.load(MODEL)
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line).get("text") or "" for line in fh if line.strip()]
    n = 0
    for doc in nlp.pipe(texts, batch_size=16):
        n += len(doc)
    print(json.dumps({"texts": len(texts), "tokens": n}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

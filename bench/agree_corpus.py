#!/usr/bin/env python3
"""Three annotators' gold JSON files of the same generated documents, for bench/agree_scale.sh.

   agree_corpus.py DOCUMENTS SPANS OUT_DIR   ->  OUT_DIR/ana.json bo.json cy.json

Each document has SPANS * 6 tokens of 5 letters and a space (600,000 tokens for 1,000 x 100).
The annotators come from one reference span per 6 tokens, as in bench/bench_agree.cpp: each
annotator independently misses a span (8 %), makes it one token longer (8 %) or relabels it
(5 %). Deterministic (a fixed seed), entity labels of the shipped schema.
"""
import hashlib
import json
import random
import sys
from pathlib import Path

LABELS = ["PERSON", "ORGANIZATION", "LOCATION", "DATE", "QUANTITY", "EVENT"]
TOKEN = 6  # 5 letters and a space


def main():
    docs, per_doc, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "assets/schema/default.json").read_text())
    rng = random.Random(7)
    names = ["ana", "bo", "cy"]
    files = {n: [] for n in names}
    letters = "abcdefghijklmnopqrstuvwxyz"
    for d in range(docs):
        words = ["".join(rng.choice(letters) for _ in range(5)) for _ in range(per_doc * 6)]
        text = " ".join(words)
        doc_id = f"doc{d:05d}"
        spans = {n: [] for n in names}
        for s in range(per_doc):
            first, length = s * 6 + rng.randrange(3), 1 + rng.randrange(3)
            label = LABELS[rng.randrange(6)]
            for n in names:
                roll = rng.randrange(100)
                if roll < 8:
                    continue
                start, end, lab = first * TOKEN, (first + length) * TOKEN - 1, label
                if roll < 16:
                    end += TOKEN
                elif roll < 21:
                    lab = LABELS[rng.randrange(6)]
                spans[n].append({"id": f"{doc_id}-s{s}", "kind": "entity", "label": lab, "start": start,
                                 "end": end, "text": text[start:end], "annotator": n})
        sha = hashlib.sha256(text.encode()).hexdigest()
        for n in names:
            files[n].append({"id": doc_id, "text": text, "sha256": sha, "spans": spans[n], "relations": []})
    out.mkdir(parents=True, exist_ok=True)
    for n in names:
        gold = {"format": "goldspan-gold", "version": 1, "offset_unit": "codepoint", "schema": schema,
                "documents": files[n], "clusters": [], "cluster_links": [],
                "provenance": {"tool": "agree_corpus.py", "annotators": [n]}}
        (out / f"{n}.json").write_text(json.dumps(gold, ensure_ascii=False))


if __name__ == "__main__":
    main()

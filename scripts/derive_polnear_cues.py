#!/usr/bin/env python3
"""Derives data/polnear_cues.tsv: the verb forms that PolNeAR's annotators mark as attribution
cues often enough, from the TRAIN split only (never dev or test).

For each word form, counts how often it lies inside a gold `Cue` span (first annotator of each
article) against all its occurrences in the train texts, and against its occurrences outside
gold `Content` spans (a word inside reported content cannot be a cue there, and the attributor
skips contents it has found); keeps forms seen as a cue at least MIN_CUE times with a cue rate of
at least MIN_RATE, or MIN_OUTSIDE_RATE outside contents, that look like verb forms (an inflection
of another kept form, or ending in -ed/-ing), and are not adverbs (`-ly`) or function words.

With --pairs, also keeps two-word cues made of a word and a particle or preposition (`talked
about`, `focused on`) when gold cue spans cover both words at least MIN_CUE times, in at least
MIN_OUTSIDE_RATE of the pair's occurrences outside contents. Off by default: measured on train
and dev they did not help (dev content F1 0.659 with them, 0.660 without; the attributor already
reads `cue + preposition + object`, and most frequent pairs are nouns: `criticism of`).

Usage: scripts/derive_polnear_cues.py ../shared/data/polnear/train [--pairs] > data/polnear_cues.tsv
"""
import collections
import os
import re
import sys

MIN_CUE = 3
MIN_RATE = 0.3
MIN_OUTSIDE_RATE = 0.5
# Share of a form's cue uses with no gold source above which it is marked `no_source`.
MIN_SOURCELESS = 0.6
PARTICLES = {"about", "on", "for", "against", "of", "to", "with", "out", "up", "over", "at", "into", "off", "down", "back"}
MIN_OCCURRENCES = 30
MAX_RARE_RATE = 0.05
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def main(split, with_pairs=False):
    cue, total, seen = collections.Counter(), collections.Counter(), set()
    outside = collections.Counter()
    no_source = collections.Counter()
    cue2, outside2 = collections.Counter(), collections.Counter()
    ann_dir = os.path.join(split, "attributions")
    for name in sorted(os.listdir(ann_dir)):
        article = re.sub(r"_[^_]*\.ann$", "", name)
        if article in seen:
            continue
        seen.add(article)
        with open(os.path.join(split, "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        inside = bytearray(len(text) + 1)
        content = bytearray(len(text) + 1)
        sourceless = bytearray(len(text) + 1)
        with open(os.path.join(ann_dir, name), encoding="utf-8") as f:
            lines = [line.rstrip("\n").split("\t") for line in f]
        # Cue annotations whose attribution names a source.
        sourced = set()
        for cols in lines:
            if len(cols) >= 2 and cols[0].startswith("E"):
                roles = dict(x.split(":", 1) for x in cols[1].split()[1:] if ":" in x)
                if "Source" in roles and "Cue" in roles:
                    sourced.add(roles["Cue"])
        for cols in lines:
            if len(cols) < 2 or not cols[0].startswith("T"):
                continue
            kind, ranges = cols[1].split(" ", 1)
            if kind not in ("Cue", "Content"):
                continue
            masks = [content] if kind == "Content" else [inside] + ([] if cols[0] in sourced else [sourceless])
            for r in ranges.split(";"):
                a, b = map(int, r.split())
                for mask in masks:
                    for i in range(a, min(b, len(text))):
                        mask[i] = 1
        words = list(WORD.finditer(text))
        for k, m in enumerate(words):
            w = m.group().lower()
            total[w] += 1
            if inside[m.start()]:
                cue[w] += 1
                if sourceless[m.start()]:
                    no_source[w] += 1
            if not content[m.start()]:
                outside[w] += 1
            n = words[k + 1] if k + 1 < len(words) else None
            if n and n.group().lower() in PARTICLES and not text[m.end() : n.start()].strip():
                pair = w + " " + n.group().lower()
                if not content[m.start()] and not content[n.start()]:
                    outside2[pair] += 1
                if inside[m.start()] and inside[n.start()]:
                    cue2[pair] += 1
    def often(w):
        return cue[w] / total[w] >= MIN_RATE or cue[w] >= MIN_OUTSIDE_RATE * outside[w]

    kept = {w for w in cue if cue[w] >= MIN_CUE and often(w)}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "data", "quote_words.tsv"), encoding="utf-8") as f:
        function_words = {l.split("\t")[0] for l in f if not l.startswith("#") and " " not in l.split("\t")[0]}

    with open(os.path.join(here, "..", "data", "cue_verbs.tsv"), encoding="utf-8") as f:
        listed = {l.split("\t")[0] for l in f if not l.startswith("#") and " " not in l.split("\t")[0]}

    def verb_like(w):
        return (
            w.endswith("ed")
            or w.endswith("ing")
            or (w.endswith("s") and (w[:-1] in kept or w[:-2] in kept))
            or any(w + s in kept for s in ("s", "es", "ed", "d", "ing"))
            or (w.endswith("e") and w[:-1] + "ing" in kept)
        )

    # A form the hand-written cue list holds is a verb form whatever its ending (`sought`).
    rows = [w for w in kept if not w.endswith("ly") and w not in function_words and (verb_like(w) or w in listed)]
    rows.sort(key=lambda w: (-cue[w], w))
    # Hand-listed cue forms that PolNeAR's texts nearly always use otherwise (`state`, `states`):
    # kept for direct quotes only.
    rare = sorted(w for w in listed if total[w] >= MIN_OCCURRENCES and cue[w] / total[w] < MAX_RARE_RATE)
    pairs = [
        p
        for p in cue2
        if cue2[p] >= MIN_CUE
        and cue2[p] >= MIN_OUTSIDE_RATE * outside2[p]
        and p.split()[0] not in function_words
        and not p.split()[0].endswith("ly")
        and (verb_like(p.split()[0]) or p.split()[0] in kept or p.split()[0] in listed)
    ]
    pairs.sort(key=lambda p: (-cue2[p], p))
    print("# Verb forms PolNeAR's annotators mark as attribution cues: form<TAB>times a cue<TAB>occurrences<TAB>use.")
    if with_pairs:
        print("# Two-word forms (`talked about`) count the pair's occurrences outside gold contents.")
    print(f"# A fifth column `no_source`: the annotators leave the source empty in >= {MIN_SOURCELESS:.0%} of its cue uses")
    print("# (`seems`, `expected`: the subject belongs to the content).")
    print("# use `cue`: a cue verb for direct and indirect speech; `quote_only`: a listed cue form that is")
    print(f"# a cue in under {MAX_RARE_RATE:.0%} of >= {MIN_OCCURRENCES} occurrences (`state`), kept for direct quotes only.")
    print("# Derived by scripts/derive_polnear_cues.py from the PolNeAR v1.0.0 TRAIN split only (first")
    print(f"# annotator per article; kept when a cue >= {MIN_CUE} times and in >= {MIN_RATE:.0%} of occurrences")
    print(f"# or >= {MIN_OUTSIDE_RATE:.0%} of occurrences outside gold contents).")
    print("# source: PolNeAR (Newell, Margolin, Ruths, LREC 2018), train split annotations")
    print("# licence: PolNeAR research corpus terms (word counts only; no corpus text is copied)")
    for w in rows:
        # `seems`, `is expected`: the annotators leave the source out, the subject being content.
        none = no_source[w] >= MIN_CUE and no_source[w] >= MIN_SOURCELESS * cue[w]
        print(f"{w}\t{cue[w]}\t{total[w]}\tcue" + ("\tno_source" if none else ""))
    for p in pairs if with_pairs else []:
        print(f"{p}\t{cue2[p]}\t{outside2[p]}\tcue")
    for w in rare:
        print(f"{w}\t{cue[w]}\t{total[w]}\tquote_only")


if __name__ == "__main__":
    main(sys.argv[1], "--pairs" in sys.argv[2:])

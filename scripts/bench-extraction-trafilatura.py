#!/usr/bin/env python3
"""Runs trafilatura over an article-extraction benchmark folder, single-threaded, and prints
one JSON object: timing, peak memory and the extracted text per page (the same shape as
`newsdesk bench extraction --child`). Called by `newsdesk bench extraction --python ...`.

usage: bench-extraction-trafilatura.py DIR PASSES
"""
import gzip
import json
import resource
import sys
import time
from importlib.metadata import version
from pathlib import Path

import trafilatura


def main() -> None:
    root = Path(sys.argv[1])
    passes = max(1, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf8"))
    raw = [(key, gzip.open(root / "html" / f"{key}.html.gz").read()) for key in sorted(truth)]
    # As the benchmark's own runner does: the page as UTF-8 text.
    pages = [(key, data.decode("utf8", errors="replace")) for key, data in raw]
    outputs = {}
    start = time.perf_counter()
    best = float("inf")
    for p in range(passes):
        pass_start = time.perf_counter()
        for key, html in pages:
            text = trafilatura.extract(html, include_comments=False) or ""
            if p == 0:
                outputs[key] = text
        best = min(best, time.perf_counter() - pass_start)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "engine": "trafilatura",
        "version": version("trafilatura"),
        "seconds": seconds,
        "best_pass_seconds": best,
        "passes": passes,
        "pages": len(pages),
        "bytes": sum(len(data) for _, data in raw),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "outputs": outputs,
    }))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Search latency against a running `newsdesk serve`: sequential GET /api/search requests
over a fixed list of queries (words, filters), prints p50/p99/max in ms as JSON.
Usage: bench-store-search.py BASE_URL ROUNDS"""
import json, sys, time, urllib.parse, urllib.request

base, rounds = sys.argv[1], int(sys.argv[2])
queries = [{"q": "president"}, {"q": "police said"}, {"q": "market shares"}, {"q": "the"},
           {"q": "election", "from": "2019-01-01"}, {"entity": "Donald Trump"}, {"speaker": "Trump"},
           {"q": "china", "entity": "Beijing"}, {"q": "edition regional bulletin"}, {"q": "zzyzx"}]
times, errors = [], 0
for r in range(rounds):
    for q in queries:
        url = base + "/api/search?" + urllib.parse.urlencode(dict(q, limit=20))
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(url) as resp:
                resp.read()
        except Exception:
            errors += 1
        times.append((time.perf_counter() - t) * 1000)
times.sort()
pick = lambda p: round(times[min(len(times) - 1, int(p * len(times)))], 2)
print(json.dumps({"requests": len(times), "errors": errors, "p50_ms": pick(0.5), "p99_ms": pick(0.99), "max_ms": round(times[-1], 2)}))

#!/usr/bin/env python3
"""End-to-end latency of one search as Sonda's widget asks it (GET /search) and as an InstantSearch page asks
it through instant-meilisearch (POST /multi-search: facets, every field highlighted, the text cropped),
over one keep-alive connection to a running sonda-serve on 127.0.0.1, started with --cache-mb 0 (rounds repeat
the queries, which the response cache would answer). Prints medians and p95 per route.

usage: bench/meilisearch_latency.py PORT [QUERIES.jsonl] [ROUNDS]
QUERIES.jsonl: lines with a "query" (or "q") (default ../shared/data/queries/bench_queries.jsonl; a built-in list when absent).
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

BUILT_IN = ["châtiments corporels", "castigo físico", "petite enfance Loreto", "visites à domicile", "ley",
            "primera infancia", "plaidoyer budget", "crèches communautaires", "enfants talibés", "allaitement"]


def queries(path):
    try:
        with open(path, encoding="utf-8") as lines:
            found = [(lambda r: r.get("q", r.get("query")))(json.loads(line)) for line in lines if line.strip()]
            return found[:200] or BUILT_IN
    except OSError:
        print(f"{path} is absent: using {len(BUILT_IN)} built-in queries", file=sys.stderr)
        return BUILT_IN


def timed(connection, method, path, body=None):
    headers = {"Content-Type": "application/json", "X-Meilisearch-Client": "bench"} if body else {}
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def main():
    port = int(sys.argv[1])
    words = queries(sys.argv[2] if len(sys.argv) > 2 else "../shared/data/queries/bench_queries.jsonl")
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    native, meili = [], []
    for _ in range(rounds):
        for q in words:
            native.append(timed(connection, "GET", "/search?" + urllib.parse.urlencode(
                {"q": q, "facets": "country,topic,lang", "hitsPerPage": 8})))
            body = {"queries": [{"indexUid": "documents", "q": q, "facets": ["country", "lang", "topic", "year"],
                                 "attributesToHighlight": ["*"], "attributesToCrop": ["text:30"],
                                 "highlightPreTag": "__ais-highlight__", "highlightPostTag": "__/ais-highlight__",
                                 "hitsPerPage": 8, "page": 1}]}
            meili.append(timed(connection, "POST", "/multi-search", json.dumps(body)))
    for name, values in (("GET /search (widget)", native), ("POST /multi-search (InstantSearch)", meili)):
        values.sort()
        print(f"{name:38s} n={len(values):4d} median {statistics.median(values):6.2f} ms  "
              f"p95 {values[int(len(values) * 0.95) - 1]:6.2f} ms")
    print(f"ratio of medians: {statistics.median(meili) / statistics.median(native):.2f}")


if __name__ == "__main__":
    main()

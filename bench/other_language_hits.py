#!/usr/bin/env python3
"""How many of the first ten hits of each query are documents of another language than the query's, over a
running sonda-serve on 127.0.0.1 (no `lang`, no `crossLanguage`: what a site's search box sends). A French
query should find French documents first; the other language's come through `crossLanguage`.

usage: bench/other_language_hits.py PORT [QUERIES.jsonl]
QUERIES.jsonl: lines with a "query" and its "lang" (default ../shared/data/queries/bench_queries.jsonl).
Prints, for the queries finished (a trailing space) and as typed (the last word still being typed): queries
answered, queries with another language's hits, those hits, and the queries.
"""
import json
import sys
import urllib.parse
import urllib.request


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    port = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/queries/bench_queries.jsonl"
    try:
        with open(path, encoding="utf-8") as lines:
            cases = [json.loads(line) for line in lines if line.strip()]
    except OSError:
        sys.exit(f"{path} is absent: this measure needs queries labelled with their language")
    report = {}
    for kind, tail in (("finished", " "), ("as_typed", "")):  # a trailing space: the last word is finished
        answered, mixed, others, examples = 0, 0, 0, []
        for case in cases:
            url = (f"http://127.0.0.1:{port}/search?hitsPerPage=10&highlight=false&q="
                   + urllib.parse.quote(case["query"] + tail))
            with urllib.request.urlopen(url) as response:
                hits = json.load(response)["hits"]
            if not hits:
                continue
            answered += 1
            count = sum(1 for hit in hits if hit.get("lang") != case["lang"])
            others += count
            if count:
                mixed += 1
                examples.append(f"{case['lang']}: {case['query']} ({count})")
        report[kind] = {"queries": answered, "with_other_language_hits": mixed, "other_language_hits": others,
                        "queries_so": examples}
    print(json.dumps(report, ensure_ascii=False))

if __name__ == "__main__":
    main()

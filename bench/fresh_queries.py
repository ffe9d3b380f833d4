#!/usr/bin/env python3
"""Queries the typing benchmark has never seen, drawn from the corpus, as JSON Lines on stdout.

  fresh_queries.py SEED COUNT CORPUS.jsonl[.gz]...

Each query is one, two or three words (four letters or more, not all capitals) picked at random from the
first 3,000 characters of a random document, lowercased: {"qid", "lang", "query", "kind": "1w"|"2w"|"3w"},
the shape of the shared bench queries. A fixed SEED gives the same queries on every machine; a new SEED
gives a fresh set, to see whether what the bench queries show holds on queries no one tuned for."""
import json, random, re, sys

from peers.common import records

WORD = re.compile(r"[^\W\d_]+")


def main():
    seed, count, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    documents = [(r.get("lang", ""), (r.get("text") or "")[:3000]) for r in records(paths) if r.get("text")]
    chosen = random.Random(seed)
    made = 0
    while made < count:
        lang, text = chosen.choice(documents)
        words = [w for w in WORD.findall(text) if len(w) >= 4 and not w.isupper()]
        if len(words) < 3:
            continue
        size = chosen.choice([1, 2, 3])
        query = " ".join(w.lower() for w in chosen.sample(words, size))
        print(json.dumps({"qid": f"f{made:04d}", "lang": lang if lang in ("fr", "es") else "", "query": query,
                          "kind": f"{size}w"}, ensure_ascii=False))
        made += 1


if __name__ == "__main__":
    main()

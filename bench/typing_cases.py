#!/usr/bin/env python3
"""The cases of the typing benchmark, from the 1w/2w/3w bench queries, as JSON Lines on stdout.

  typing_cases.py QUERIES.jsonl

Each case: {"qid", "kind": "cut"|"typo", "query", "finished"}. A cut is the query with its last word cut
after 3, 4, … letters (every cut shorter than the word); a typo is the finished query with one deterministic
typo in its longest word of 5 letters or more (a letter dropped, doubled, swapped with the next or replaced,
never the first letter), followed by a space so that it is a finished word."""
import hashlib, json, sys

from peers.common import queries


def typo(word, seed):
    at = 1 + seed % (len(word) - 2)  # never the first letter; a swap needs a letter after
    kind = (seed // 7) % 4
    if kind == 0:
        return word[:at] + word[at + 1:]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    if kind == 2:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    replacement = "e" if word[at] != "e" else "a"
    return word[:at] + replacement + word[at + 1:]


for query in queries(sys.argv[1]):
    if query.get("kind") not in ("1w", "2w", "3w"):
        continue
    text = query["query"].strip()
    words = text.split()
    last = words[-1]
    for cut in range(3, len(last)):
        print(json.dumps({"qid": query["qid"], "kind": "cut", "query": " ".join(words[:-1] + [last[:cut]]),
                          "finished": text}, ensure_ascii=False))
    longest = max(words, key=len)
    if len(longest) >= 5 and longest.isalpha():
        seed = int(hashlib.sha256(query["qid"].encode()).hexdigest(), 16)
        typed = " ".join(typo(w, seed) if w is longest else w for w in words)
        print(json.dumps({"qid": query["qid"], "kind": "typo", "query": typed + " ", "finished": text},
                         ensure_ascii=False))

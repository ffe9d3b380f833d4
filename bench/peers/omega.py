#!/usr/bin/env python3
"""Xapian Omega as a peer of Sonda: scriptindex to build, quest to search (one database per language,
each with its Snowball stemmer, as Omega is usually set up).

  omega.py index DIR FILE...              scriptindex into DIR/fr and DIR/es; seconds as JSON
  omega.py search DIR QUERIES [ROUNDS]    quest top 10 (AND of words, phrases kept), one process per query
  omega.py relevance DIR QUERIES QRELS [PER_QUERY.tsv]  quest top 10 (its default OR), nDCG@10 and MRR@10
"""
import json, os, subprocess, sys, time

from common import latency_report, qrels, queries, records, relevance_report

SCRIPT = """id : field boolean=Q unique=Q
lang : field boolean=L
title : field index=S index
text : field index
"""
STEMMER = {"fr": "french", "es": "spanish"}


def index(directory, paths):
    started = time.perf_counter()
    os.makedirs(directory, exist_ok=True)
    script = os.path.join(directory, "index.script")
    with open(script, "w") as out:
        out.write(SCRIPT)
    dumps = {lang: open(os.path.join(directory, f"{lang}.dump"), "w", encoding="utf-8") for lang in STEMMER}
    for r in records(paths):
        out = dumps.get(r.get("lang"), dumps["fr"])
        for key in ("id", "lang", "title", "text"):
            out.write(key + "=" + str(r.get(key, "")).replace("\r", " ").replace("\n", "\n=") + "\n")
        out.write("\n")
    for out in dumps.values():
        out.close()
    for lang, stemmer in STEMMER.items():
        subprocess.run(["scriptindex", "-s", stemmer, "--overwrite", os.path.join(directory, lang), script,
                        os.path.join(directory, f"{lang}.dump")], check=True, capture_output=True)
        os.unlink(os.path.join(directory, f"{lang}.dump"))
    print(json.dumps({"seconds": round(time.perf_counter() - started, 3)}))


def quest(directory, lang, query, operator):
    lang = lang if lang in STEMMER else "fr"
    output = subprocess.run(["quest", "-d", os.path.join(directory, lang), "-s", STEMMER[lang], "-o", operator,
                             "-m", "10", query], capture_output=True, text=True).stdout
    return [line[3:] for line in output.splitlines() if line.startswith("id=")]


def search(directory, queries_path, rounds):
    asked = queries(queries_path)
    times = []
    for round_number in range(rounds + 1):
        for query in asked:
            started = time.perf_counter()
            quest(directory, query["lang"], query["query"], "and")
            if round_number:
                times.append((time.perf_counter() - started) * 1000)
    print(latency_report(times, len(asked), rounds))


def relevance(directory, queries_path, qrels_path, per_query=None):
    relevant = qrels(qrels_path)
    ranked = {query["qid"]: quest(directory, query["lang"], query["query"], "or")
              for query in queries(queries_path) if query["qid"] in relevant}
    print(relevance_report(ranked, relevant, per_query))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "index":
        index(args[0], args[1:])
    elif command == "search":
        search(args[0], args[1], int(args[2]) if len(args) > 2 else 3)
    elif command == "relevance":
        relevance(*args[:4])
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""Xapian Omega as a peer of Sonda: scriptindex to build, quest to search (one database per language,
each with its Snowball stemmer, as Omega is usually set up).

  omega.py index DIR FILE...              scriptindex into DIR/fr and DIR/es; seconds as JSON
  omega.py search DIR QUERIES [ROUNDS]    quest top 10 (AND of words, phrases kept), one process per query
  omega.py relevance DIR QUERIES QRELS    quest top 10 (its default OR), nDCG@10 and MRR@10
"""
import gzip, json, math, os, subprocess, sys, tempfile, time

SCRIPT = """id : field boolean=Q unique=Q
lang : field boolean=L
title : field index=S index
text : field index
"""
STEMMER = {"fr": "french", "es": "spanish"}


def records(paths):
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


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


def percentile(values, p):
    values = sorted(values)
    return values[max(1, math.ceil(p / 100 * len(values))) - 1]


def search(directory, queries_path, rounds):
    queries = [json.loads(line) for line in open(queries_path, encoding="utf-8") if line.strip()]
    times = []
    for round_number in range(rounds + 1):
        for query in queries:
            started = time.perf_counter()
            quest(directory, query["lang"], query["query"], "and")
            if round_number:
                times.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"queries": len(queries), "rounds": rounds, "p50_ms": round(percentile(times, 50), 3),
                      "p95_ms": round(percentile(times, 95), 3), "p99_ms": round(percentile(times, 99), 3)}))


def relevance(directory, queries_path, qrels_path):
    relevant = {}
    for line in open(qrels_path, encoding="utf-8"):
        qid, docid, grade = line.split("\t")
        if grade.strip() != "0":
            relevant.setdefault(qid, set()).add(docid)
    ndcg = mrr = 0.0
    judged = 0
    for line in open(queries_path, encoding="utf-8"):
        query = json.loads(line)
        wanted = relevant.get(query["qid"])
        if not wanted:
            continue
        ids = quest(directory, query["lang"], query["query"], "or")
        ndcg += sum(1 / math.log2(r + 2) for r, d in enumerate(ids) if d in wanted) / \
            sum(1 / math.log2(r + 2) for r in range(min(10, len(wanted))))
        first = next((r for r, d in enumerate(ids) if d in wanted), None)
        mrr += 0 if first is None else 1 / (first + 1)
        judged += 1
    print(json.dumps({"queries": judged, "ndcg_at_10": round(ndcg / judged, 4), "mrr_at_10": round(mrr / judged, 4)}))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "index":
        index(args[0], args[1:])
    elif command == "search":
        search(args[0], args[1], int(args[2]) if len(args) > 2 else 3)
    elif command == "relevance":
        relevance(args[0], args[1], args[2])
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""SQLite FTS5 as a peer of Sonda: the same documents, queries and relevance sets, measured the same way.

  fts5.py index DB FILE...            build the index (unicode61 remove_diacritics 2), print seconds as JSON
  fts5.py search DB QUERIES [ROUNDS]  top 10 with bm25() and snippet(), plus the total count, per query
  fts5.py relevance DB QUERIES QRELS  nDCG@10 and MRR@10, questions matched as OR of their words
"""
import gzip, json, math, re, sqlite3, sys, time

WORD = re.compile(r"\w+", re.UNICODE)


def records(paths):
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def index(db, paths):
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, "
                       "tokenize='unicode61 remove_diacritics 2')")
    rows = ((r["id"], r.get("title", ""), r.get("text", "")) for r in records(paths))
    connection.executemany("INSERT INTO docs(id, title, text) VALUES (?, ?, ?)", rows)
    connection.commit()
    connection.execute("INSERT INTO docs(docs) VALUES('optimize')")
    connection.commit()
    count = connection.execute("SELECT count(*) FROM docs").fetchone()[0]
    print(json.dumps({"documents": count, "seconds": round(time.perf_counter() - started, 3)}))


def fts_query(text, any_word=False):
    """Words AND-ed (or OR-ed), "phrases" kept, every term quoted so FTS5 syntax cannot break."""
    phrases = re.findall(r'"([^"]+)"', text)
    rest = re.sub(r'"[^"]*"', " ", text)
    terms = ['"' + " ".join(WORD.findall(p)) + '"' for p in phrases if WORD.findall(p)]
    terms += ['"' + w + '"' for w in WORD.findall(rest)]
    return (" OR " if any_word else " AND ").join(terms)


def percentile(values, p):
    values = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(values)))
    return values[rank - 1]


def search(db, queries_path, rounds):
    connection = sqlite3.connect(db)
    queries = [json.loads(line)["query"] for line in open(queries_path, encoding="utf-8") if line.strip()]
    top = ("SELECT id, bm25(docs, 0, 4, 1), snippet(docs, 2, '<mark>', '</mark>', '…', 32) FROM docs "
           "WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 1) LIMIT 10")
    total = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    times = []
    for round_number in range(rounds + 1):
        for query in queries:
            expression = fts_query(query)
            started = time.perf_counter()
            if expression:
                connection.execute(top, (expression,)).fetchall()
                connection.execute(total, (expression,)).fetchone()
            elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                times.append(elapsed)
    print(json.dumps({"queries": len(queries), "rounds": rounds, "p50_ms": round(percentile(times, 50), 3),
                      "p95_ms": round(percentile(times, 95), 3), "p99_ms": round(percentile(times, 99), 3)}))


def relevance(db, queries_path, qrels_path):
    connection = sqlite3.connect(db)
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
        expression = fts_query(query["query"], any_word=True)
        ids = [row[0] for row in connection.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 1) LIMIT 10", (expression,))] if expression else []
        dcg = sum(1 / math.log2(rank + 2) for rank, docid in enumerate(ids) if docid in wanted)
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, len(wanted))))
        first = next((rank for rank, docid in enumerate(ids) if docid in wanted), None)
        ndcg += dcg / ideal
        mrr += 0 if first is None else 1 / (first + 1)
        judged += 1
    print(json.dumps({"queries": judged, "ndcg_at_10": round(ndcg / judged, 4), "mrr_at_10": round(mrr / judged, 4)}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "index":
        index(sys.argv[2], sys.argv[3:])
    elif command == "search":
        search(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    elif command == "relevance":
        relevance(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)

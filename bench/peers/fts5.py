#!/usr/bin/env python3
"""SQLite FTS5 as a peer of Sonda: the same documents, queries and relevance sets, measured the same way.

  fts5.py index DB FILE...            build the index (unicode61 remove_diacritics 2), print seconds as JSON
  fts5.py search DB QUERIES [ROUNDS]  top 10 with bm25() and snippet(), plus the total count, per query
  fts5.py relevance DB QUERIES QRELS [PER_QUERY.tsv]  nDCG@10 and MRR@10, questions matched as OR of their words
  fts5.py typing DB CASES             the typing benchmark (bench/typing_cases.py): words AND-ed, the last
                                      one of a cut as a prefix query (corpo*); FTS5 has no typo tolerance
"""
import json, re, sqlite3, sys, time

from common import latency_report, qrels, queries, records, relevance_report, typing_report

WORD = re.compile(r"\w+", re.UNICODE)


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


def search(db, queries_path, rounds):
    connection = sqlite3.connect(db)
    texts = [query["query"] for query in queries(queries_path)]
    top = ("SELECT id, bm25(docs, 0, 4, 1), snippet(docs, 2, '<mark>', '</mark>', '…', 32) FROM docs "
           "WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 1) LIMIT 10")
    total = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    times = []
    for round_number in range(rounds + 1):
        for query in texts:
            expression = fts_query(query)
            started = time.perf_counter()
            if expression:
                connection.execute(top, (expression,)).fetchall()
                connection.execute(total, (expression,)).fetchone()
            elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                times.append(elapsed)
    print(latency_report(times, len(texts), rounds))


def relevance(db, queries_path, qrels_path, per_query=None):
    connection = sqlite3.connect(db)
    relevant = qrels(qrels_path)
    ranked = {}
    for query in queries(queries_path):
        if query["qid"] not in relevant:
            continue
        expression = fts_query(query["query"], any_word=True)
        ranked[query["qid"]] = [row[0] for row in connection.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 1) LIMIT 10", (expression,))] if expression else []
    print(relevance_report(ranked, relevant, per_query))


def typing(db, cases_path):
    connection = sqlite3.connect(db)
    top = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 1) LIMIT 10"
    ids = lambda expression: [row[0] for row in connection.execute(top, (expression,))] if expression else []
    finished_top, report = {}, typing_report()
    for case in queries(cases_path):
        if case["finished"] not in finished_top:
            finished_top[case["finished"]] = (ids(fts_query(case["finished"])) or [None])[0]
        expected = finished_top[case["finished"]]
        if expected is None:
            continue
        expression = fts_query(case["query"])
        if case["kind"] == "cut" and expression:
            expression += "*"  # the last quoted word becomes a prefix query: "corpo"*
        started = time.perf_counter()
        found = ids(expression)
        report.add(case["kind"], expected in found, False, (time.perf_counter() - started) * 1000)
    print(report.json())


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "index":
        index(sys.argv[2], sys.argv[3:])
    elif command == "search":
        search(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    elif command == "typing":
        typing(sys.argv[2], sys.argv[3])
    elif command == "relevance":
        relevance(*sys.argv[2:6])
    else:
        sys.exit(__doc__)

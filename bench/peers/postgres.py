#!/usr/bin/env python3
"""PostgreSQL 15 full-text search as a peer of Sonda, in a throw-away cluster on 127.0.0.1, driven by psql.

  postgres.py start DIR PORT                   initdb + start a cluster in DIR on 127.0.0.1 (as a non-root user)
  postgres.py index DIR PORT FILE...           load, tsvector per language (french/spanish + unaccent), GIN; seconds
  postgres.py search DIR PORT QUERIES [ROUNDS] top 10 by ts_rank_cd with ts_headline, plus count(*), per query
  postgres.py relevance DIR PORT QUERIES QRELS [PER_QUERY.tsv] nDCG@10 and MRR@10, question words OR-ed
  postgres.py create DIR PORT NAME             another database (select it with SONDA_PG_DATABASE=NAME)
  postgres.py stop DIR
"""
import json, os, re, subprocess, sys, tempfile, time

from common import latency_report, qrels, queries, records, relevance_report

BIN = "/usr/lib/postgresql/15/bin"
DATABASE = os.environ.get("SONDA_PG_DATABASE", "bench")  # one database per data set
CONFIG = {"fr": "fr_unaccent", "es": "es_unaccent"}


def psql(directory, port, sql, quiet=True):
    command = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", DATABASE, "-X", "-q", "-At",
               "-F", "\t", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(command, input=sql, text=True, capture_output=True, check=True).stdout


def start(directory, port):
    subprocess.run([f"{BIN}/initdb", "-D", directory, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([f"{BIN}/pg_ctl", "-D", directory, "-l", f"{directory}/log", "-w", "-o",
                    f"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c shared_buffers=256MB "
                    "-c work_mem=64MB -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off", "start"],
                   check=True, capture_output=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "bench"], check=True)


def create(port, name):
    subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", name], check=True)


def stop(directory):
    subprocess.run([f"{BIN}/pg_ctl", "-D", directory, "-m", "fast", "stop"], capture_output=True)


def copy_field(text):
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n").replace("\r", " ")


def index(directory, port, paths):
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".tsv", delete=False) as rows:
        for r in records(paths):
            lang = r.get("lang", "fr") if r.get("lang") in CONFIG else "fr"
            rows.write("\t".join(copy_field(x) for x in (r["id"], lang, r.get("title", ""), r.get("text", ""))) + "\n")
    os.chmod(rows.name, 0o644)
    psql(directory, port, f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION es_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TABLE docs (id text PRIMARY KEY, lang text, title text, body text, tsv tsvector);
\\copy docs (id, lang, title, body) FROM '{rows.name}'
UPDATE docs SET tsv = setweight(to_tsvector((CASE lang WHEN 'es' THEN 'es_unaccent' ELSE 'fr_unaccent' END)::regconfig, title), 'A')
                   || to_tsvector((CASE lang WHEN 'es' THEN 'es_unaccent' ELSE 'fr_unaccent' END)::regconfig, body);
CREATE INDEX docs_tsv ON docs USING gin (tsv);
VACUUM ANALYZE docs;
""")
    os.unlink(rows.name)
    count = psql(directory, port, "SELECT count(*) FROM docs;").strip()
    print(json.dumps({"documents": int(count), "seconds": round(time.perf_counter() - started, 3)}))


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def both(query, function="websearch_to_tsquery", joiner="||"):
    """The query analysed in French and in Spanish, either matching (Sonda searches both languages too)."""
    return f"({function}('fr_unaccent', {quote(query)}) {joiner} {function}('es_unaccent', {quote(query)}))"


def search(directory, port, queries_path, rounds):
    texts = [query["query"] for query in queries(queries_path)]
    script = ["\\timing on"]
    for round_number in range(rounds + 1):
        for query in texts:
            tsquery = both(query)
            script.append(f"\\echo Q{round_number}")
            script.append(f"SELECT id, ts_rank_cd(tsv, q) AS rank, ts_headline(body, q, 'MaxFragments=1, MaxWords=30') "
                          f"FROM docs, (SELECT {tsquery} AS q) AS query WHERE tsv @@ q ORDER BY rank DESC LIMIT 10;")
            script.append(f"SELECT count(*) FROM docs WHERE tsv @@ {tsquery};")
    output = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", DATABASE, "-X", "-At",
                             "-v", "ON_ERROR_STOP=1"],
                            input="\n".join(script), text=True, capture_output=True, check=True).stdout
    times, current, round_number = [], 0.0, None
    for line in output.splitlines():
        if re.fullmatch(r"Q\d+", line):
            if round_number:
                times.append(current)
            round_number, current = int(line[1:]), 0.0
        elif line.startswith("Time: "):
            current += float(line.split()[1])
    if round_number:
        times.append(current)
    print(latency_report(times, len(texts), rounds))


def relevance(directory, port, queries_path, qrels_path, per_query=None):
    relevant = qrels(qrels_path)
    script = []
    for query in queries(queries_path):
        if query["qid"] not in relevant:
            continue
        config = CONFIG.get(query["lang"], "fr_unaccent")
        words = " ".join(re.findall(r"\w+", query["query"]))
        tsquery = f"to_tsquery('{config}', replace(plainto_tsquery('{config}', {quote(words)})::text, '&', '|'))"
        script.append(f"\\echo Q:{query['qid']}")
        script.append(f"SELECT id FROM docs, {tsquery} AS q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10;")
    ranked, qid = {}, None
    for line in psql(directory, port, "\n".join(script)).splitlines():
        if line.startswith("Q:"):
            qid = line[2:]
            ranked[qid] = []
        elif qid:
            ranked[qid].append(line)
    print(relevance_report(ranked, relevant, per_query))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "start":
        start(args[0], int(args[1]))
    elif command == "create":
        create(int(args[1]), args[2])
    elif command == "stop":
        stop(args[0])
    elif command == "index":
        index(args[0], int(args[1]), args[2:])
    elif command == "search":
        search(args[0], int(args[1]), args[2], int(args[3]) if len(args) > 3 else 3)
    elif command == "relevance":
        relevance(args[0], int(args[1]), *args[2:5])
    else:
        sys.exit(__doc__)

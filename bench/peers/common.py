"""What every peer script shares: reading the data sets, latency percentiles, and nDCG@10 / MRR@10."""
import gzip, json, math


def records(paths):
    """Every JSON Lines record of `paths` (plain or gzip)."""
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def queries(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def qrels(path):
    """qid → set of relevant document ids."""
    relevant = {}
    for line in open(path, encoding="utf-8"):
        qid, docid, grade = line.split("\t")
        if grade.strip() != "0":
            relevant.setdefault(qid, set()).add(docid)
    return relevant


def percentile(values, p):
    values = sorted(values)
    return values[max(1, math.ceil(p / 100 * len(values))) - 1]


def latency_report(times, count, rounds):
    return json.dumps({"queries": count, "rounds": rounds, "p50_ms": round(percentile(times, 50), 3),
                       "p95_ms": round(percentile(times, 95), 3), "p99_ms": round(percentile(times, 99), 3)})


def relevance_report(ranked, relevant, per_query=None):
    """nDCG@10 and MRR@10 of `ranked` (qid → ids in rank order) against `relevant` (qid → ids); with
    `per_query`, each query's two scores are written there (qid, ndcg, mrr; tab-separated) for bootstrap.py."""
    ndcg = mrr = 0.0
    rows = []
    for qid, ids in ranked.items():
        wanted = relevant[qid]
        one = sum(1 / math.log2(r + 2) for r, d in enumerate(ids[:10]) if d in wanted) / \
            sum(1 / math.log2(r + 2) for r in range(min(10, len(wanted))))
        first = next((r for r, d in enumerate(ids[:10]) if d in wanted), None)
        reciprocal = 0 if first is None else 1 / (first + 1)
        ndcg += one
        mrr += reciprocal
        rows.append(f"{qid}\t{one:.6f}\t{reciprocal:.6f}\n")
    if per_query:
        with open(per_query, "w") as out:
            out.writelines(rows)
    return json.dumps({"queries": len(ranked), "ndcg_at_10": round(ndcg / len(ranked), 4),
                       "mrr_at_10": round(mrr / len(ranked), 4)})


class typing_report:
    """Recall@10 of cuts and typos (is the finished query's top hit in the top 10?), suggestions, latency."""

    def __init__(self):
        self.found = {"cut": [], "typo": []}
        self.suggested = 0
        self.times = {"cut": [], "typo": []}

    def add(self, kind, found, suggested, milliseconds):
        self.found[kind].append(found)
        self.times[kind].append(milliseconds)
        if kind == "cut":
            self.suggested += suggested

    def json(self):
        share = lambda values: round(sum(values) / len(values), 4) if values else 0
        return json.dumps({"cuts": len(self.found["cut"]), "prefix_recall_at_10": share(self.found["cut"]),
                           "typos": len(self.found["typo"]), "typo_recall_at_10": share(self.found["typo"]),
                           "suggestion_share": round(self.suggested / max(1, len(self.found["cut"])), 4),
                           **{f"{kind}_p{p}_ms": round(percentile(self.times[kind], p), 3) if self.times[kind] else 0
                              for kind in ("cut", "typo") for p in (50, 99)}})

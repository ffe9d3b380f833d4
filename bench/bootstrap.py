#!/usr/bin/env python3
"""Paired bootstrap of two runs' per-query scores on one relevance set (files of qid, ndcg, mrr).

  bootstrap.py A.tsv B.tsv [resamples]

Prints, as JSON, each metric's means and the mean of B − A with its 95% interval (percentiles of 1,000
resamples of the queries by default, seed 1): a difference whose interval excludes 0 is unlikely noise.
Only the queries both runs scored are compared.
"""
import json
import random
import sys


def scores(path):
    out = {}
    with open(path) as lines:
        for line in lines:
            qid, ndcg, mrr = line.rstrip("\n").split("\t")
            out[qid] = (float(ndcg), float(mrr))
    return out


def interval(differences, resamples, rng):
    n = len(differences)
    means = sorted(sum(differences[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    a, b = scores(sys.argv[1]), scores(sys.argv[2])
    resamples = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    shared = sorted(set(a) & set(b))
    if not shared:
        sys.exit("bootstrap: the two runs share no query")
    rng = random.Random(1)
    report = {"queries": len(shared), "resamples": resamples}
    for index, metric in enumerate(["ndcg_at_10", "mrr_at_10"]):
        differences = [b[q][index] - a[q][index] for q in shared]
        low, high = interval(differences, resamples, rng)
        report[metric] = {"a": round(sum(a[q][index] for q in shared) / len(shared), 4),
                          "b": round(sum(b[q][index] for q in shared) / len(shared), 4),
                          "difference": round(sum(differences) / len(shared), 4),
                          "interval_95": [round(low, 4), round(high, 4)]}
    print(json.dumps(report))


if __name__ == "__main__":
    main()

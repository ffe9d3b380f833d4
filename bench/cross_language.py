#!/usr/bin/env python3
"""The cross-language evaluation on the UDHR in French and Spanish (articles aligned by number).

  cross_language.py UDHR.jsonl PORT

For each article in one language, a keyword query: its three words of 6 letters or more with the highest
tf-idf among the articles of that language (deterministic: ties by the word). The relevant document is the
same article in the other language; the search is restricted to that language (lang=…). MRR@10 and
success@10, with and without crossLanguage, in both match modes, as JSON. Sonda must be serving the UDHR
index on 127.0.0.1:PORT."""
import collections, json, math, re, sys, urllib.parse, urllib.request

WORD = re.compile(r"\w+", re.UNICODE)


def keyword_queries(articles):
    """(query, language, relevant id) for every article with a counterpart in the other language."""
    by_lang = collections.defaultdict(list)
    for article in articles:
        by_lang[article["lang"]].append(article)
    ids = {a["id"] for a in articles}
    out = []
    for lang, group in by_lang.items():
        documents = [collections.Counter(w.lower() for w in WORD.findall(a["text"]) if len(w) >= 6) for a in group]
        df = collections.Counter(w for d in documents for w in d)
        for article, counts in zip(group, documents):
            other = "es" if lang == "fr" else "fr"
            relevant = article["id"].replace(f"udhr-{lang}-", f"udhr-{other}-")
            if relevant not in ids or not counts:
                continue
            scored = sorted(counts, key=lambda w: (-counts[w] * math.log(len(group) / df[w]), w))
            out.append((" ".join(scored[:3]), lang, relevant))
    return out


def reciprocal_rank(port, query, lang, relevant, cross, match):
    params = {"q": query + " ", "lang": "es" if lang == "fr" else "fr", "hitsPerPage": 10, "match": match,
              "highlight": "false"}
    if cross:
        params.update({"crossLanguage": "true", "queryLang": lang})
    url = f"http://127.0.0.1:{port}/search?" + urllib.parse.urlencode(params)
    hits = [h["id"] for h in json.load(urllib.request.urlopen(url))["hits"]]
    return 1 / (hits.index(relevant) + 1) if relevant in hits else 0.0


articles = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
queries = keyword_queries(articles)
report = {"queries": len(queries), "example": queries[1][0] if len(queries) > 1 else ""}
for match in ("all", "any"):
    for cross in (False, True):
        ranks = [reciprocal_rank(sys.argv[2], q, lang, rel, cross, match) for q, lang, rel in queries]
        key = f"{'cross' if cross else 'plain'}_{match}"
        report[key] = {"mrr_at_10": round(sum(ranks) / len(ranks), 4),
                       "success_at_10": round(sum(r > 0 for r in ranks) / len(ranks), 4)}
print(json.dumps(report, ensure_ascii=False))

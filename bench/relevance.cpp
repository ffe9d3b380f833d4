// sonda-bench-relevance: nDCG@10 and MRR@10 of Sonda's /search path on a relevance set, as JSON.
//
//   sonda-bench-relevance DB QUERIES.jsonl QRELS.tsv [all|any] [cross]
//
// "cross" asks with crossLanguage=true (the question's language as queryLang), through Apertium's
// dictionaries, to show what translating costs a monolingual set.
#include <cmath>
#include <cstdio>
#include <string>

#include "bench/bench_queries.h"
#include "enrich/gazetteer.h"
#include "search/searcher.h"
#include "translate/apertium_lexicon.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: sonda-bench-relevance DB QUERIES.jsonl QRELS.tsv [all|any]\n");
    return 2;
  }
  bool match_any = argc < 5 || std::string(argv[4]) == "any";
  bool cross = argc > 5 && std::string(argv[5]) == "cross";
  auto queries = sonda::bench::load_queries(argv[2]);
  auto qrels = sonda::bench::load_qrels(argv[3]);
  auto gazetteer = sonda::enrich::Gazetteer::load("");
  if (!queries || !qrels || !gazetteer) return 2;
  auto searcher = sonda::search::Searcher::open(argv[1], *gazetteer);
  if (!searcher) return 2;
  auto lexicon =
      cross ? sonda::translate::ApertiumLexicon::open() : sonda::Error{sonda::ErrorCode::not_found, ""};
  if (cross && !lexicon) {
    std::fprintf(stderr, "%s\n", lexicon.error().message.c_str());
    return 2;
  }
  if (cross) (*searcher)->use_lexicon(lexicon->get());
  constexpr int kDepth = 10;
  double ndcg_sum = 0, mrr_sum = 0;
  size_t judged = 0;
  for (const auto& query : *queries) {
    auto relevant = qrels->find(query.id);
    if (relevant == qrels->end()) continue;
    sonda::search::SearchRequest request;
    request.q = query.text;
    request.lang = query.lang;
    request.match_any = match_any;
    request.cross_language = cross;
    request.query_lang = query.lang;
    request.hits_per_page = kDepth;
    request.highlight = false;
    auto response = (*searcher)->search(request);
    if (!response) return 3;
    double dcg = 0, ideal = 0, reciprocal = 0;
    for (int rank = 0; rank < static_cast<int>(response->hits.size()); ++rank) {
      if (!relevant->second.contains(response->hits[rank].document.id)) continue;
      dcg += 1.0 / std::log2(rank + 2.0);
      if (reciprocal == 0) reciprocal = 1.0 / (rank + 1);
    }
    for (int rank = 0; rank < std::min<int>(kDepth, static_cast<int>(relevant->second.size())); ++rank)
      ideal += 1.0 / std::log2(rank + 2.0);
    ndcg_sum += dcg / ideal;
    mrr_sum += reciprocal;
    ++judged;
  }
  std::printf(
      "{\"queries\": %zu, \"ndcg_at_10\": %.4f, \"mrr_at_10\": %.4f, \"match\": \"%s\", \"crossLanguage\": "
      "%s}\n",
      judged, ndcg_sum / judged, mrr_sum / judged, match_any ? "any" : "all", cross ? "true" : "false");
  return 0;
}

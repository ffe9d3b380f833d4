// sonda-bench-relevance: nDCG@10 and MRR@10 of Sonda's /search path on a relevance set, as JSON.
//
//   sonda-bench-relevance DB QUERIES.jsonl QRELS.tsv [all|any] [cross] [bm25] [c=C] [exact=W] [k1=K] [b=B]
//                         [slack=S] [near=W] [xapian-counts] [per-query=FILE]
//
// "cross" asks with crossLanguage=true (the question's language as queryLang), through Apertium's
// dictionaries, to show what translating costs a monolingual set. "bm25" ranks `any` by BM25 instead of
// IneB2, c= with another IneB2 parameter, exact= with another weight of a word's own form; k1= and b= rank
// with other BM25 parameters, slack= and near= with another proximity window (the words' count plus S) and
// weight; xapian-counts counts every match by Xapian's exhaustive match (as before MatchedDocuments);
// per-query= writes each query's scores (qid, ndcg, mrr; tab-separated) for bench/bootstrap.py.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench/bench_queries.h"
#include "enrich/gazetteer.h"
#include "search/searcher.h"
#include "translate/french_spanish.h"

namespace {

struct Options {
  bool match_any = true;
  bool cross = false;
  bool feedback = false;
  bool xapian_counts = false;
  sonda::search::Ranking ranking;
  std::string per_query;
};

// The options after the three paths; false for one it does not know.
bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 4; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "all" || arg == "any")
      options.match_any = arg == "any";
    else if (arg == "cross")
      options.cross = true;
    else if (arg == "feedback")
      options.feedback = true;
    else if (arg == "xapian-counts")
      options.xapian_counts = true;
    else if (arg.starts_with("fb-documents="))
      options.ranking.feedback_documents = static_cast<Xapian::doccount>(std::stoul(arg.substr(13)));
    else if (arg.starts_with("fb-terms="))
      options.ranking.feedback_terms = static_cast<Xapian::termcount>(std::stoul(arg.substr(9)));
    else if (arg.starts_with("fb-weight="))
      options.ranking.feedback_weight = std::stod(arg.substr(10));
    else if (arg == "bm25")
      options.ranking.any_by_divergence = false;
    else if (arg.starts_with("c="))
      options.ranking.any_c = std::stod(arg.substr(2));
    else if (arg.starts_with("exact="))
      options.ranking.any_exact_word = std::stod(arg.substr(6));
    else if (arg.starts_with("k1="))
      options.ranking.k1 = std::stod(arg.substr(3));
    else if (arg.starts_with("b="))
      options.ranking.b = std::stod(arg.substr(2));
    else if (arg.starts_with("per-query="))
      options.per_query = arg.substr(10);
    else if (arg.starts_with("slack="))
      options.ranking.proximity_slack = static_cast<unsigned>(std::stoul(arg.substr(6)));
    else if (arg.starts_with("near="))
      options.ranking.proximity_weight = std::stod(arg.substr(5));
    else
      return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (argc < 4 || !parse_options(argc, argv, options)) {
    std::fprintf(
        stderr,
        "usage: sonda-bench-relevance DB QUERIES.jsonl QRELS.tsv [all|any] [cross] [bm25] [c=C] [exact=W] "
        "[k1=K] [b=B] [slack=S] [near=W] [feedback] [fb-documents=K] [fb-terms=T] [fb-weight=W] "
        "[xapian-counts] [per-query=FILE]\n");
    return 2;
  }
  bool match_any = options.match_any;
  bool cross = options.cross;
  auto queries = sonda::bench::load_queries(argv[2]);
  auto qrels = sonda::bench::load_qrels(argv[3]);
  auto gazetteer = sonda::enrich::Gazetteer::load("");
  if (!queries || !qrels || !gazetteer) return 2;
  auto searcher = sonda::search::Searcher::open(argv[1], *gazetteer);
  if (!searcher) return 2;
  auto lexicon =
      cross ? sonda::translate::open_french_spanish() : sonda::Error{sonda::ErrorCode::not_found, ""};
  if (cross && !lexicon) {
    std::fprintf(stderr, "%s\n", lexicon.error().message.c_str());
    return 2;
  }
  if (cross) (*searcher)->use_lexicon(lexicon->get());
  (*searcher)->set_ranking(options.ranking);
  (*searcher)->count_by_sonda(!options.xapian_counts);
  std::ofstream per_query;
  if (!options.per_query.empty()) per_query.open(options.per_query);
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
    request.feedback = options.feedback;
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
    if (per_query.is_open()) per_query << query.id << '\t' << dcg / ideal << '\t' << reciprocal << '\n';
    ++judged;
  }
  std::printf(
      "{\"queries\": %zu, \"ndcg_at_10\": %.4f, \"mrr_at_10\": %.4f, \"match\": \"%s\", \"crossLanguage\": "
      "%s, \"feedback\": %s}\n",
      judged, ndcg_sum / judged, mrr_sum / judged, match_any ? "any" : "all", cross ? "true" : "false",
      options.feedback ? "true" : "false");
  return 0;
}

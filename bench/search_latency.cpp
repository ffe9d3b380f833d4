// sonda-bench-search: in-process /search latency over a query file, with facets and snippets, as JSON.
//
//   sonda-bench-search DB QUERIES.jsonl [ROUNDS] [MODE] [SLOWEST]
//
// MODE "full" (the default) is what the widget asks: four facets, ten hits with snippets. "no-facets",
// "no-hits" and "no-proximity" (ranked without the proximity clause) leave out a part, to see what each
// costs; "cross" is "full" with crossLanguage (Apertium's dictionaries), "feedback" with pseudo-relevance
// feedback, "xapian-counts" with every match counted by Xapian's exhaustive match instead of from the posting
// lists by Sonda (MatchedDocuments). SLOWEST > 0 lists that many of the slowest queries of the counted
// rounds, with their planning time, and that many of the slowest first runs' plannings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <tuple>

#include "bench/bench_queries.h"
#include "enrich/gazetteer.h"
#include "search/searcher.h"
#include "translate/french_spanish.h"
#include "util/allocator.h"

int main(int argc, char** argv) {
  sonda::keep_large_blocks_in_the_heap();  // as sonda-serve does
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: sonda-bench-search DB QUERIES.jsonl [ROUNDS] "
                 "[full|no-facets|no-hits|no-proximity|cross|feedback] [SLOWEST]\n");
    return 2;
  }
  int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  std::string mode = argc > 4 ? argv[4] : "full";
  size_t slowest = argc > 5 ? static_cast<size_t>(std::atoi(argv[5])) : 0;  // listed on stderr
  auto queries = sonda::bench::load_queries(argv[2]);
  auto gazetteer = sonda::enrich::Gazetteer::load("");
  if (!queries || !gazetteer) return 2;
  auto searcher = sonda::search::Searcher::open(argv[1], *gazetteer);
  if (!searcher) {
    std::fprintf(stderr, "%s\n", searcher.error().message.c_str());
    return 2;
  }
  auto lexicon = mode == "cross" ? sonda::translate::open_french_spanish()
                                 : sonda::Error{sonda::ErrorCode::not_found, "not asked"};
  if (mode == "cross" && !lexicon) {
    std::fprintf(stderr, "%s\n", lexicon.error().message.c_str());
    return 2;
  }
  if (lexicon) (*searcher)->use_lexicon(lexicon->get());
  if (mode == "no-proximity") (*searcher)->set_ranking(sonda::search::Ranking{.proximity_weight = 0});
  if (mode == "xapian-counts") (*searcher)->count_by_sonda(false);
  std::vector<double> milliseconds, planning,
      first_planning;  // first: each query's first run (word lists cold)
  size_t hits = 0;
  std::vector<std::tuple<double, double, std::string>> by_query;  // (ms, planning ms, query), counted rounds
  std::vector<std::pair<double, std::string>> first_by_query;     // (planning ms, query), first runs
  auto started = std::chrono::steady_clock::now();
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms the caches and is not counted
    for (const auto& query : *queries) {
      sonda::search::SearchRequest request;
      request.q = query.text;
      if (mode != "no-facets") request.facets = {"country", "topic", "lang", "year"};
      if (mode == "no-hits") request.hits_per_page = 0;
      request.cross_language = mode == "cross";
      request.feedback = mode == "feedback";
      request.query_lang = mode == "cross" ? query.lang : "";
      auto begin = std::chrono::steady_clock::now();
      auto response = (*searcher)->search(request);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
      if (!response) return 3;
      if (round == 0) {
        first_planning.push_back(response->planning_ms);
        if (slowest) first_by_query.emplace_back(response->planning_ms, query.text);
        started = std::chrono::steady_clock::now();
        continue;
      }
      milliseconds.push_back(ms);
      planning.push_back(response->planning_ms);
      if (slowest) by_query.emplace_back(ms, response->planning_ms, query.text);
      hits += response->hits.size();
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::sort(by_query.begin(), by_query.end(), std::greater<>());
  for (size_t i = 0; i < std::min(slowest, by_query.size()); ++i)
    std::fprintf(stderr, "%8.3f ms (planning %.3f)  %s\n", std::get<0>(by_query[i]), std::get<1>(by_query[i]),
                 std::get<2>(by_query[i]).c_str());
  std::sort(first_by_query.begin(), first_by_query.end(), std::greater<>());
  for (size_t i = 0; i < std::min(slowest, first_by_query.size()); ++i)
    std::fprintf(stderr, "first run's planning %8.3f ms  %s\n", first_by_query[i].first,
                 first_by_query[i].second.c_str());
  std::printf(
      "{\"queries\": %zu, \"rounds\": %d, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, "
      "\"max_ms\": %.3f, \"qps_one_thread\": %.0f, \"hits_per_query\": %.2f, \"planning_p50_ms\": %.3f, "
      "\"planning_p99_ms\": %.3f, \"planning_max_ms\": %.3f, \"first_planning_p99_ms\": %.3f, "
      "\"first_planning_max_ms\": %.3f}\n",
      queries->size(), rounds, sonda::bench::percentile(milliseconds, 50),
      sonda::bench::percentile(milliseconds, 95), sonda::bench::percentile(milliseconds, 99),
      sonda::bench::percentile(milliseconds, 100), milliseconds.size() / seconds,
      double(hits) / double(milliseconds.size()), sonda::bench::percentile(planning, 50),
      sonda::bench::percentile(planning, 99), sonda::bench::percentile(planning, 100),
      sonda::bench::percentile(first_planning, 99), sonda::bench::percentile(first_planning, 100));
  return 0;
}

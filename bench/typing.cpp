// sonda-bench-typing: the typing benchmark (bench/typing_cases.py) in process, as JSON: for every cut of a
// query's last word and every query with a typo, is the finished query's top hit in the top 10?
//
//   sonda-bench-typing DB CASES.jsonl [MISSES.jsonl]
//
// With MISSES.jsonl, every case whose finished top hit is not in the top 10 is written there with the rank
// of that hit in the first 100 (0: not there), for the analysis of what misses.
//
// Requests are what a widget sends while a visitor types: four facets, ten hits with snippets, defaults.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "bench/bench_queries.h"
#include "enrich/gazetteer.h"
#include "search/searcher.h"
#include "util/allocator.h"

namespace {

struct Tally {
  size_t cases = 0, found = 0, suggested = 0;
  std::vector<double> milliseconds;
  double share(size_t n) const {
    return cases ? std::round(10000.0 * double(n) / double(cases)) / 10000.0 : 0;
  }
};

sonda::search::SearchRequest widget_request(const std::string& q) {
  sonda::search::SearchRequest request;
  request.q = q;
  request.facets = {"country", "topic", "lang", "year"};
  return request;
}

// The case, the rank of `expected` in the first 100 hits of its query (0: not there) and the total.
void write_miss(std::ostream& out, sonda::search::Searcher& searcher, nlohmann::json record,
                const std::string& expected) {
  sonda::search::SearchRequest request;
  request.q = record["query"];
  request.hits_per_page = 100;
  request.snippets = false;
  auto answer = searcher.search(request);
  if (!answer) return;
  size_t rank = 0;
  for (size_t i = 0; i < answer->hits.size() && rank == 0; ++i)
    if (answer->hits[i].document.id == expected) rank = i + 1;
  record["rank"] = rank;
  record["total"] = answer->total_hits;
  out << record.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  sonda::keep_large_blocks_in_the_heap();  // as sonda-serve does
  if (argc < 3) {
    std::fprintf(stderr, "usage: sonda-bench-typing DB CASES.jsonl [MISSES.jsonl]\n");
    return 2;
  }
  auto gazetteer = sonda::enrich::Gazetteer::load("");
  auto searcher = gazetteer ? sonda::search::Searcher::open(argv[1], *gazetteer) : gazetteer.error();
  std::ifstream cases(argv[2]);
  if (!searcher || !cases) {
    std::fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
    return 2;
  }
  std::ofstream misses;
  if (argc > 3) misses.open(argv[3]);
  std::map<std::string, std::string> finished_top;
  std::map<std::string, Tally> tallies;
  for (std::string line; std::getline(cases, line);) {
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded()) return 2;
    std::string finished = record["finished"], kind = record["kind"];
    if (!finished_top.contains(finished)) {
      auto answer = (*searcher)->search(widget_request(finished + " "));
      if (!answer) return 3;
      finished_top[finished] = answer->hits.empty() ? "" : answer->hits.front().document.id;
    }
    const std::string& expected = finished_top[finished];
    if (expected.empty()) continue;
    auto begin = std::chrono::steady_clock::now();
    auto answer = (*searcher)->search(widget_request(record["query"]));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    if (!answer) return 3;
    Tally& tally = tallies[kind];
    ++tally.cases;
    bool found = false;
    for (const auto& hit : answer->hits) found = found || hit.document.id == expected;
    tally.found += found;
    if (!found && misses.is_open()) write_miss(misses, **searcher, record, expected);
    tally.suggested += answer->suggestion.has_value();
    tally.milliseconds.push_back(ms);
  }
  const Tally &cut = tallies["cut"], &typo = tallies["typo"];
  std::printf(
      "{\"cuts\": %zu, \"prefix_recall_at_10\": %.4f, \"typos\": %zu, \"typo_recall_at_10\": %.4f, "
      "\"suggestion_share\": %.4f, \"cut_p50_ms\": %.3f, \"cut_p99_ms\": %.3f, \"typo_p50_ms\": %.3f, "
      "\"typo_p99_ms\": %.3f}\n",
      cut.cases, cut.share(cut.found), typo.cases, typo.share(typo.found), cut.share(cut.suggested),
      sonda::bench::percentile(cut.milliseconds, 50), sonda::bench::percentile(cut.milliseconds, 99),
      sonda::bench::percentile(typo.milliseconds, 50), sonda::bench::percentile(typo.milliseconds, 99));
  return 0;
}

// Query and judgement files of the benchmark data (JSON Lines queries, TSV qrels), for the bench tools.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "util/result.h"

namespace sonda::bench {

// One query of bench_queries.jsonl or an eval set's queries.jsonl.
struct BenchQuery {
  std::string id;
  std::string lang;
  std::string text;
};

// Reads {"qid","lang","query"} records.
Result<std::vector<BenchQuery>> load_queries(const std::string& path);

// Reads "qid<TAB>docid<TAB>grade" lines: the relevant document ids of each query.
Result<std::map<std::string, std::set<std::string>>> load_qrels(const std::string& path);

// The p-th percentile (0–100) of `values`, by nearest rank; 0 when empty.
double percentile(std::vector<double> values, double p);

}  // namespace sonda::bench

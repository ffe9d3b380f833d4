// Query and judgement files of the benchmark data (JSON Lines queries, TSV qrels), for the bench tools.
#include "bench/bench_queries.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace sonda::bench {

Result<std::vector<BenchQuery>> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::not_found, "cannot read " + path};
  std::vector<BenchQuery> queries;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("query"))
      return Error{ErrorCode::invalid_argument, "bad line in " + path};
    queries.push_back(
        {record.value("qid", ""), record.value("lang", ""), record["query"].get<std::string>()});
  }
  return queries;
}

Result<std::map<std::string, std::set<std::string>>> load_qrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::not_found, "cannot read " + path};
  std::map<std::string, std::set<std::string>> relevant;
  std::string qid, docid, grade;
  while (in >> qid >> docid >> grade)
    if (grade != "0") relevant[qid].insert(docid);
  return relevant;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

}  // namespace sonda::bench

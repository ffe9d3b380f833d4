// Request counters and a latency histogram, rendered in the Prometheus text format.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "server/response_cache.h"

namespace sonda::server {

// Thread-safe request statistics of one server.
class Metrics {
 public:
  // Records one finished request.
  void record(const std::string& route, int status, double milliseconds);

  // Prometheus exposition text; `documents` is the size of the served index (-1 when unavailable), `cache`
  // how the response cache has done.
  std::string render(long long documents, const CacheStats& cache) const;

 private:
  static constexpr std::array<double, 11> kBucketsMs = {0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000};

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::array<unsigned long long, kBucketsMs.size() + 1> buckets_{};
  double latency_sum_ms_ = 0;
  unsigned long long latency_count_ = 0;
};

}  // namespace sonda::server

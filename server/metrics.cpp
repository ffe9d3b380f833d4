// Request counters and a latency histogram, rendered in the Prometheus text format.
#include "server/metrics.h"

#include <sstream>

namespace sonda::server {

void Metrics::record(const std::string& route, int status, double milliseconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  size_t bucket = 0;
  while (bucket < kBucketsMs.size() && milliseconds > kBucketsMs[bucket]) ++bucket;
  ++buckets_[bucket];
  latency_sum_ms_ += milliseconds;
  ++latency_count_;
}

std::string Metrics::render(long long documents, const CacheStats& cache) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP sonda_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE sonda_http_requests_total counter\n";
  for (const auto& [key, count] : requests_)
    out << "sonda_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << count << '\n';
  out << "# HELP sonda_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE sonda_http_request_duration_seconds histogram\n";
  unsigned long long cumulative = 0;
  for (size_t i = 0; i < kBucketsMs.size(); ++i) {
    cumulative += buckets_[i];
    out << "sonda_http_request_duration_seconds_bucket{le=\"" << kBucketsMs[i] / 1000.0 << "\"} "
        << cumulative << '\n';
  }
  cumulative += buckets_.back();
  out << "sonda_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << '\n'
      << "sonda_http_request_duration_seconds_sum " << latency_sum_ms_ / 1000.0 << '\n'
      << "sonda_http_request_duration_seconds_count " << latency_count_ << '\n'
      << "# HELP sonda_cache_requests_total Searches looked up in the response cache, by outcome.\n"
      << "# TYPE sonda_cache_requests_total counter\n"
      << "sonda_cache_requests_total{outcome=\"hit\"} " << cache.hits << '\n'
      << "sonda_cache_requests_total{outcome=\"miss\"} " << cache.misses << '\n';
  auto single = [&out](const char* name, const char* type, const char* help, auto value) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
        << name << ' ' << value << '\n';
  };
  single("sonda_index_documents", "gauge", "Documents in the served index.", documents);
  single("sonda_cache_evictions_total", "counter",
         "Answers dropped from the response cache to stay within its bound.", cache.evictions);
  single("sonda_cache_drops_total", "counter",
         "Times the response cache was emptied because the index changed.", cache.drops);
  single("sonda_cache_entries", "gauge", "Answers in the response cache.", cache.entries);
  single("sonda_cache_bytes", "gauge", "Bytes the response cache holds.", cache.bytes);
  single("sonda_cache_max_bytes", "gauge", "The response cache's bound (--cache-mb).", cache.max_bytes);
  return out.str();
}

}  // namespace sonda::server

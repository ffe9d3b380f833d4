// Answers to repeated searches, kept while the index state they came from is the one being served.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sonda::server {

// What the cache holds and how it has done, for /metrics.
struct CacheStats {
  unsigned long long hits = 0;
  unsigned long long misses = 0;
  unsigned long long evictions = 0;  // answers dropped to stay within the bound
  unsigned long long drops = 0;      // times every answer was dropped because the index changed
  size_t entries = 0;
  size_t bytes = 0;
  size_t max_bytes = 0;
};

// A bounded, least-recently-used map from (index version, request key) to a JSON answer. An answer is served
// only for the version it was computed under, and answers are kept for one version at a time: the first
// answer stored under another version (the index was reopened) drops every other. A searcher not yet
// refreshed may store an answer of the version before for a moment (the pool refreshes within its interval):
// it then drops the newer answers, never serves them. Each answer's "processingTimeMs" values are found once
// and replaced, when served, by the time the serving request took. Thread-safe.
class ResponseCache {
 public:
  // Holds at most `max_bytes` of keys and answers (0: keeps nothing).
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool enabled() const { return max_bytes_ > 0; }

  // The answer to `key` under `version`, its processing times written `time_text`; nullopt (a miss)
  // when absent.
  std::optional<std::string> find(const std::string& version, const std::string& key,
                                  std::string_view time_text);

  // Keeps `body` as the answer to `key` under `version` (dropping the answers of any other version), unless
  // it is larger than an eighth of the bound.
  void store(const std::string& version, const std::string& key, std::string body);

  CacheStats stats() const;

 private:
  struct Entry {
    std::string key;
    std::string body;
    std::vector<std::pair<size_t, size_t>> time_spans;  // offset and length of each processingTimeMs value
    size_t bytes() const { return key.size() + body.size() + time_spans.size() * 16 + kEntryOverhead; }
  };
  static constexpr size_t kEntryOverhead = 128;  // list and map nodes
  // Makes `version` the one answers are kept for, dropping the others'.
  void take_version(const std::string& version);
  void evict_to(size_t max_bytes);

  size_t max_bytes_;
  mutable std::mutex mutex_;
  std::string version_;
  bool has_version_ = false;
  std::list<Entry> entries_;                                                // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // views into entries' keys
  CacheStats stats_;
};

}  // namespace sonda::server

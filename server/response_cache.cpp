// Answers to repeated searches, kept while the index state they came from is the one being served.
#include "server/response_cache.h"

namespace sonda::server {
namespace {

constexpr std::string_view kTimeField = "\"processingTimeMs\":";

// Where each processingTimeMs value of a JSON text is. A key spelled so can only be a key: inside a string
// its quotes would be escaped.
std::vector<std::pair<size_t, size_t>> time_spans(const std::string& body) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t at = body.find(kTimeField); at != std::string::npos; at = body.find(kTimeField, at)) {
    at += kTimeField.size();
    size_t end = at;
    while (end < body.size() && body[end] != ',' && body[end] != '}') ++end;
    spans.emplace_back(at, end - at);
  }
  return spans;
}

}  // namespace

std::optional<std::string> ResponseCache::find(const std::string& version, const std::string& key,
                                               std::string_view time_text) {
  std::lock_guard lock(mutex_);
  auto found = has_version_ && version == version_ ? index_.find(key) : index_.end();
  if (found == index_.end()) {
    ++stats_.misses;
    return std::nullopt;
  }
  ++stats_.hits;
  entries_.splice(entries_.begin(), entries_, found->second);
  const Entry& entry = *found->second;
  std::string out;
  out.reserve(entry.body.size() + entry.time_spans.size() * time_text.size());
  size_t copied = 0;
  for (const auto& [offset, length] : entry.time_spans) {
    out.append(entry.body, copied, offset - copied);
    out += time_text;
    copied = offset + length;
  }
  out.append(entry.body, copied);
  return out;
}

void ResponseCache::store(const std::string& version, const std::string& key, std::string body) {
  if (!enabled()) return;
  Entry entry{key, std::move(body), {}};
  if (entry.bytes() > max_bytes_ / 8) return;
  entry.time_spans = time_spans(entry.body);
  std::lock_guard lock(mutex_);
  take_version(version);
  if (auto old = index_.find(key); old != index_.end()) {
    stats_.bytes -= old->second->bytes();
    entries_.erase(old->second);
    index_.erase(old);
  }
  evict_to(max_bytes_ - entry.bytes());
  stats_.bytes += entry.bytes();
  entries_.push_front(std::move(entry));
  index_.emplace(entries_.front().key, entries_.begin());
}

void ResponseCache::take_version(const std::string& version) {
  if (has_version_ && version == version_) return;
  if (!entries_.empty()) ++stats_.drops;
  index_.clear();
  entries_.clear();
  stats_.bytes = 0;
  version_ = version;
  has_version_ = true;
}

void ResponseCache::evict_to(size_t max_bytes) {
  while (stats_.bytes > max_bytes && !entries_.empty()) {
    const Entry& last = entries_.back();
    stats_.bytes -= last.bytes();
    index_.erase(last.key);
    entries_.pop_back();
    ++stats_.evictions;
  }
}

CacheStats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  CacheStats stats = stats_;
  stats.entries = entries_.size();
  stats.max_bytes = max_bytes_;
  return stats;
}

}  // namespace sonda::server

// The answers shared by a pool's Searchers, one index version at a time.
#include "search/shared_answers.h"

#include <mutex>

#include "search/term_cache.h"

namespace sonda::search {

std::optional<bool> SharedAnswers::both_held(const std::string& version, std::string_view a,
                                             std::string_view b) const {
  std::shared_lock lock(mutex_);
  if (version != version_) return std::nullopt;
  auto found = answers_.find(pair_key(a, b));
  if (found == answers_.end()) return std::nullopt;
  return found->second;
}

void SharedAnswers::remember_both_held(const std::string& version, std::string_view a, std::string_view b,
                                       bool held) {
  std::unique_lock lock(mutex_);
  keep_version(version);
  if (answers_.size() >= kMaxAnswers) answers_.clear();
  answers_.emplace(pair_key(a, b), held);
}

std::optional<Xapian::docid> SharedAnswers::best(const std::string& version, const std::string& key) const {
  std::shared_lock lock(mutex_);
  if (version != version_) return std::nullopt;
  auto found = bests_.find(key);
  if (found == bests_.end()) return std::nullopt;
  return found->second;
}

void SharedAnswers::remember_best(const std::string& version, const std::string& key, Xapian::docid best) {
  std::unique_lock lock(mutex_);
  keep_version(version);
  if (bests_.size() >= kMaxBests) bests_.clear();
  bests_.insert_or_assign(key, best);
}

void SharedAnswers::keep_version(const std::string& version) {
  if (version == version_) return;
  answers_.clear();
  bests_.clear();
  version_ = version;
}

}  // namespace sonda::search

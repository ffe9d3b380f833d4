// The word-list answers of one index revision, bounded.
#include "search/term_cache.h"

namespace sonda::search {

void TermCache::clear() {
  similar_.clear();
  completions_.clear();
}

std::string TermCache::key(std::string_view word, size_t a, size_t b) {
  return std::string(word) + '\t' + std::to_string(a) + '\t' + std::to_string(b);
}

void TermCache::make_room() {
  if (size() >= kMaxEntries) clear();
}

std::optional<std::vector<std::string>> TermCache::similar_words(std::string_view word, int max_distance,
                                                                 size_t limit) const {
  auto found = similar_.find(key(word, static_cast<size_t>(max_distance), limit));
  if (found == similar_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_similar(std::string_view word, int max_distance, size_t limit,
                                 std::vector<std::string> found) {
  make_room();
  similar_[key(word, static_cast<size_t>(max_distance), limit)] = std::move(found);
}

std::optional<std::vector<query::TermLookup::Completion>> TermCache::completions(std::string_view prefix,
                                                                                 size_t limit) const {
  auto found = completions_.find(key(prefix, limit, 0));
  if (found == completions_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_completions(std::string_view prefix, size_t limit,
                                     std::vector<query::TermLookup::Completion> found) {
  make_room();
  completions_[key(prefix, limit, 0)] = std::move(found);
}

}  // namespace sonda::search

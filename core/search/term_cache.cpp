// The word-list answers of one index revision, bounded.
#include "search/term_cache.h"

namespace sonda::search {

void TermCache::clear() {
  similar_.clear();
  completions_.clear();
  shared_.clear();
}

std::string TermCache::key(std::string_view word, size_t a, size_t b) {
  return std::string(word) + '\t' + std::to_string(a) + '\t' + std::to_string(b);
}

std::string TermCache::key(const std::vector<std::vector<std::string>>& groups) {
  std::string out;
  for (const auto& group : groups) {
    for (const auto& term : group) out.append(term).push_back('\0');
    out.push_back('\1');
  }
  return out;
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

std::optional<size_t> TermCache::documents_with_all(
    const std::vector<std::vector<std::string>>& groups) const {
  auto found = shared_.find(key(groups));
  if (found == shared_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_documents_with_all(const std::vector<std::vector<std::string>>& groups,
                                            size_t documents) {
  make_room();
  shared_[key(groups)] = documents;
}

}  // namespace sonda::search

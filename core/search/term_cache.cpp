// The word-list answers of one index revision, bounded.
#include "search/term_cache.h"

namespace sonda::search {
namespace {

constexpr size_t kNodeBytes = 96;    // a map node with its key's and value's own objects
constexpr size_t kStringBytes = 32;  // a string in a vector, before its characters

size_t bytes_of(const std::vector<std::string>& words) {
  size_t bytes = words.size() * kStringBytes;
  for (const auto& word : words) bytes += word.size();
  return bytes;
}

size_t bytes_of(const std::vector<query::TermLookup::Completion>& completions) {
  size_t bytes = completions.size() * sizeof(query::TermLookup::Completion);
  for (const auto& completion : completions) bytes += completion.word.size();
  return bytes;
}

}  // namespace

void TermCache::clear() {
  similar_.clear();
  completions_.clear();
  shared_.clear();
  forms_.clear();
  bytes_ = 0;
  frequencies_.clear();
  frequency_bytes_ = 0;
  slices_.clear();
  slice_bytes_ = 0;
}

std::string TermCache::key(std::string_view word, size_t a, size_t b) {
  return std::string(word) + '\t' + std::to_string(a) + '\t' + std::to_string(b);
}

std::string groups_key(std::span<const std::vector<std::string>> groups) {
  std::string out;
  for (const auto& group : groups) {
    for (const auto& term : group) out.append(term).push_back('\0');
    out.push_back('\1');
  }
  return out;
}

void TermCache::make_room(size_t bytes) {
  if (bytes_ + bytes > kMaxBytes) clear();
  bytes_ += bytes;
}

std::optional<std::vector<std::string>> TermCache::similar_words(std::string_view word, int max_distance,
                                                                 size_t limit) const {
  auto found = similar_.find(key(word, static_cast<size_t>(max_distance), limit));
  if (found == similar_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_similar(std::string_view word, int max_distance, size_t limit,
                                 std::vector<std::string> found) {
  std::string entry = key(word, static_cast<size_t>(max_distance), limit);
  if (similar_.contains(entry)) return;
  make_room(kNodeBytes + entry.size() + bytes_of(found));
  similar_.emplace(std::move(entry), std::move(found));
}

std::optional<std::vector<query::TermLookup::Completion>> TermCache::completions(std::string_view prefix,
                                                                                 size_t limit) const {
  auto found = completions_.find(key(prefix, limit, 0));
  if (found == completions_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_completions(std::string_view prefix, size_t limit,
                                     std::vector<query::TermLookup::Completion> found) {
  std::string entry = key(prefix, limit, 0);
  if (completions_.contains(entry)) return;
  make_room(kNodeBytes + entry.size() + bytes_of(found));
  completions_.emplace(std::move(entry), std::move(found));
}

std::optional<size_t> TermCache::documents_with_all(
    const std::vector<std::vector<std::string>>& groups) const {
  auto found = shared_.find(groups_key(groups));
  if (found == shared_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_documents_with_all(const std::vector<std::vector<std::string>>& groups,
                                            size_t documents) {
  std::string entry = groups_key(groups);
  if (shared_.contains(entry)) return;
  make_room(kNodeBytes + entry.size());
  shared_.emplace(std::move(entry), documents);
}

std::optional<std::vector<std::string>> TermCache::accented_forms(std::string_view folded) const {
  auto found = forms_.find(folded);
  if (found == forms_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_accented_forms(std::string_view folded, std::vector<std::string> forms) {
  if (forms_.contains(folded)) return;
  make_room(kNodeBytes + folded.size() + bytes_of(forms));
  forms_.emplace(std::string(folded), std::move(forms));
}

std::optional<size_t> TermCache::documents_with(std::string_view term) const {
  auto found = frequencies_.find(term);
  if (found == frequencies_.end()) return std::nullopt;
  return found->second;
}

void TermCache::remember_documents_with(std::string_view term, size_t documents) {
  if (frequencies_.contains(term)) return;
  size_t bytes = kNodeBytes + term.size();
  if (frequency_bytes_ + bytes > kMaxFrequencyBytes) {
    frequencies_.clear();
    frequency_bytes_ = 0;
  }
  frequency_bytes_ += bytes;
  frequencies_.emplace(std::string(term), documents);
}

std::string pair_key(std::string_view a, std::string_view b) {
  std::string key(a);
  key.push_back('\0');
  return key.append(b);
}

std::optional<bool> TermCache::both_held(std::string_view a, std::string_view b) const {
  if (auto documents = this->documents_with(pair_key(a, b))) return *documents > 0;
  return std::nullopt;
}

void TermCache::remember_both_held(std::string_view a, std::string_view b, bool held) {
  remember_documents_with(pair_key(a, b), held ? 1 : 0);
}

const WordSlice* TermCache::word_slice(std::string_view letter) const {
  auto found = slices_.find(letter);
  return found == slices_.end() ? nullptr : &found->second;
}

const WordSlice* TermCache::remember_word_slice(std::string_view letter, WordSlice slice) {
  size_t bytes = kNodeBytes + letter.size() + slice.bytes();
  if (bytes > kMaxSliceBytes) return nullptr;
  if (slice_bytes_ + bytes > kMaxSliceBytes) {
    slices_.clear();
    slice_bytes_ = 0;
  }
  slice_bytes_ += bytes;
  return &slices_.insert_or_assign(std::string(letter), std::move(slice)).first->second;
}

}  // namespace sonda::search

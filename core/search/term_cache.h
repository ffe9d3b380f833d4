// Remembers what the index's word list answered (typo variants, completions, shared documents) while it
// stays the same.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "query/term_lookup.h"
#include "search/word_slice.h"

namespace sonda::search {

// A text naming groups of terms, each group's terms in order: the same groups, the same text.
std::string groups_key(std::span<const std::vector<std::string>> groups);
// A text naming two terms, which no term can be (terms hold no NUL).
std::string pair_key(std::string_view a, std::string_view b);

// The answers of the word-list scans behind typo tolerance and completions, while the database stays the
// same: a visitor typing sends the same words again at every keystroke. Bounded in bytes (keys, answers and
// the maps' own nodes, approximately): emptied when the next answer would take it past kMaxBytes; its owner
// empties it whenever the database may have changed (so no answer is ever stale). Terms' document counts
// (a round trip to every remote shard each) have a bound of their own, kMaxFrequencyBytes, so that many
// cheap counts never empty the scans' answers; so have the word list's slices read from remote shards,
// kMaxSliceBytes.
class TermCache {
 public:
  static constexpr size_t kMaxBytes = 4 << 20;
  static constexpr size_t kMaxFrequencyBytes = 1 << 20;
  static constexpr size_t kMaxSliceBytes = 4 << 20;

  void clear();

  std::optional<std::vector<std::string>> similar_words(std::string_view word, int max_distance,
                                                        size_t limit) const;
  void remember_similar(std::string_view word, int max_distance, size_t limit,
                        std::vector<std::string> found);

  std::optional<std::vector<query::TermLookup::Completion>> completions(std::string_view prefix,
                                                                        size_t limit) const;
  void remember_completions(std::string_view prefix, size_t limit,
                            std::vector<query::TermLookup::Completion> found);

  std::optional<size_t> documents_with_all(const std::vector<std::vector<std::string>>& groups) const;
  void remember_documents_with_all(const std::vector<std::vector<std::string>>& groups, size_t documents);

  std::optional<std::vector<std::string>> accented_forms(std::string_view folded) const;
  void remember_accented_forms(std::string_view folded, std::vector<std::string> forms);

  std::optional<size_t> documents_with(std::string_view term) const;
  void remember_documents_with(std::string_view term, size_t documents);

  // Whether some document holds both terms, when kept (within the counts' bound).
  std::optional<bool> both_held(std::string_view a, std::string_view b) const;
  void remember_both_held(std::string_view a, std::string_view b, bool held);

  // The word list's words starting with `letter`, when kept.
  const WordSlice* word_slice(std::string_view letter) const;
  // Keeps `slice` as the words starting with `letter` (not when it alone passes kMaxSliceBytes; the others
  // go when it would take them past it); what was kept, or nullptr.
  const WordSlice* remember_word_slice(std::string_view letter, WordSlice slice);

  size_t size() const {
    return similar_.size() + completions_.size() + shared_.size() + forms_.size() + frequencies_.size();
  }
  // What the answers held take, approximately.
  size_t bytes() const { return bytes_; }

 private:
  static std::string key(std::string_view word, size_t a, size_t b);
  // Empties the cache when an answer of `bytes` would take it past kMaxBytes, then counts them.
  void make_room(size_t bytes);

  std::map<std::string, std::vector<std::string>, std::less<>> similar_;
  std::map<std::string, std::vector<query::TermLookup::Completion>, std::less<>> completions_;
  std::map<std::string, size_t, std::less<>> shared_;
  std::map<std::string, std::vector<std::string>, std::less<>> forms_;
  size_t bytes_ = 0;
  std::map<std::string, size_t, std::less<>> frequencies_;
  size_t frequency_bytes_ = 0;
  std::map<std::string, WordSlice, std::less<>> slices_;
  size_t slice_bytes_ = 0;
};

}  // namespace sonda::search

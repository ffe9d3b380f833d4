// Answers about one index revision's terms that every serving thread may reuse.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sonda::search {

// Whether a document holds both of two terms (the language checks of a query's stems), and the best
// document of a reading's query (a word being typed finished as one of its readings), kept for the Searchers
// of one pool: each serving thread's own caches start cold, and a stream of distinct queries spread over many
// threads would ask each again, as would the next keystroke of a visitor typing, served by another thread.
// Thread-safe. Kept for one index version at a time (another version empties it), at most kMaxAnswers
// answers and kMaxBests bests (then each starts again).
class SharedAnswers {
 public:
  static constexpr size_t kMaxAnswers = 200'000;
  static constexpr size_t kMaxBests = 16'384;

  // The answer kept for `a` and `b` at `version`, if any.
  std::optional<bool> both_held(const std::string& version, std::string_view a, std::string_view b) const;
  void remember_both_held(const std::string& version, std::string_view a, std::string_view b, bool held);

  // The best document kept for the query keyed `key` at `version` (0: nothing matches it), if any.
  std::optional<Xapian::docid> best(const std::string& version, const std::string& key) const;
  void remember_best(const std::string& version, const std::string& key, Xapian::docid best);

 private:
  // Empties both maps when `version` is not the one kept (the lock held).
  void keep_version(const std::string& version);

  mutable std::shared_mutex mutex_;
  std::string version_;
  std::unordered_map<std::string, bool> answers_;
  std::unordered_map<std::string, Xapian::docid> bests_;
};

}  // namespace sonda::search

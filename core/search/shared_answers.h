// Answers about one index revision's terms that every serving thread may reuse.
#pragma once

#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sonda::search {

// Whether a document holds both of two terms (the language checks of a query's stems), kept for the
// Searchers of one pool: each serving thread's own term cache starts cold, and a stream of distinct queries
// spread over many threads would ask each again. Thread-safe. Kept for one index version at a time (another
// version empties it) and at most kMaxAnswers answers (then it starts again).
class SharedAnswers {
 public:
  static constexpr size_t kMaxAnswers = 200'000;

  // The answer kept for `a` and `b` at `version`, if any.
  std::optional<bool> both_held(const std::string& version, std::string_view a, std::string_view b) const;
  void remember_both_held(const std::string& version, std::string_view a, std::string_view b, bool held);

 private:
  mutable std::shared_mutex mutex_;
  std::string version_;
  std::unordered_map<std::string, bool> answers_;
};

}  // namespace sonda::search

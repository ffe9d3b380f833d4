// Remembers the best document of queries already ranked while the database stays the same.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "search/shared_answers.h"

namespace sonda::search {

// The best document of each query asked (keyed by the query with its filters and weighting, as text): a
// visitor typing sends the same readings of a word again at every keystroke (`probl`, `proble`, `problè`
// all read as `problème`). Bounded (emptied when full); its owner empties it whenever the database may have
// changed, so no answer is ever stale. Shared (`share`), it keeps its answers in a pool's SharedAnswers
// instead, for the index version its owner names, where the Searcher serving the next keystroke finds them.
class BestHits {
 public:
  static constexpr size_t kMaxEntries = 4096;

  // The best document of the query keyed `key`, 0 when nothing matches it; nullopt when not known.
  std::optional<Xapian::docid> find(const std::string& key) const;
  void remember(const std::string& key, Xapian::docid best);
  void clear() { bests_.clear(); }
  // Keeps the answers in `shared`, for the index version `*version` (both must outlive this).
  void share(SharedAnswers* shared, const std::string* version) {
    shared_ = shared;
    version_ = version;
  }

 private:
  std::unordered_map<std::string, Xapian::docid> bests_;
  SharedAnswers* shared_ = nullptr;
  const std::string* version_ = nullptr;
};

}  // namespace sonda::search

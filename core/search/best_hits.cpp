// Remembers the best document of queries already ranked while the database stays the same.
#include "search/best_hits.h"

namespace sonda::search {

std::optional<Xapian::docid> BestHits::find(const std::string& key) const {
  auto known = bests_.find(key);
  if (known == bests_.end()) return std::nullopt;
  return known->second;
}

void BestHits::remember(const std::string& key, Xapian::docid best) {
  if (bests_.size() >= kMaxEntries) bests_.clear();
  bests_.insert_or_assign(key, best);
}

}  // namespace sonda::search

// Remembers the best document of queries already ranked while the database stays the same.
#include "search/best_hits.h"

namespace sonda::search {

std::optional<Xapian::docid> BestHits::find(const std::string& key) const {
  if (shared_) return shared_->best(*version_, key);
  auto known = bests_.find(key);
  if (known == bests_.end()) return std::nullopt;
  return known->second;
}

void BestHits::remember(const std::string& key, Xapian::docid best) {
  if (shared_) return shared_->remember_best(*version_, key, best);
  if (bests_.size() >= kMaxEntries) bests_.clear();
  bests_.insert_or_assign(key, best);
}

}  // namespace sonda::search

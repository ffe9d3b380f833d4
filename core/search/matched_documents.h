// The documents a query matches, found from posting lists alone, so a ranked match need not visit them all.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace sonda::search {

// The documents of one local database that a query matches, as a set of document numbers. Only the query
// shapes a search builds for words, completions, typos, names and facet filters are evaluated here (terms,
// OR, AND, AND_NOT, FILTER, SYNONYM, SCALE_WEIGHT, the left side of AND_MAYBE, match-all and fixed-weight
// sources); a phrase, a proximity clause that must match, a value range or any other shape is left to
// Xapian. Reading every posting of a query's terms once is cheaper than Xapian's exhaustive match when
// many documents match (a word being typed, OR-ed with its completions) and never needs weights.
class MatchedDocuments {
 public:
  // The documents `query` matches in `database` (one local database); nullopt for a shape not evaluated.
  static std::optional<MatchedDocuments> of(const Xapian::Database& database, const Xapian::Query& query);

  // How many documents match.
  Xapian::doccount size() const;

  // Calls visit(docid) for each matching document, in ascending order.
  template <class Visit>
  void each(Visit&& visit) const {
    for (size_t word = 0; word < bits_.size(); ++word)
      for (uint64_t left = bits_[word]; left != 0; left &= left - 1)
        visit(static_cast<Xapian::docid>(word * 64 + static_cast<size_t>(__builtin_ctzll(left))));
  }

 private:
  explicit MatchedDocuments(std::vector<uint64_t> bits) : bits_(std::move(bits)) {}
  std::vector<uint64_t> bits_;  // bit d: document d matches
};

}  // namespace sonda::search

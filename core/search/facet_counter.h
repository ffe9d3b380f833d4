// Facet counts and numeric bounds from a match's counts of joined value lists.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "search/search_response.h"

namespace sonda::search {

// The documents of a match holding each distinct joined value list of one facet ("Pérou␟Bolivie" → 3).
using JoinedCounts = std::vector<std::pair<std::string, Xapian::doccount>>;

// Per-value document counts from `joined`, merging spellings with one key ("Pérou"/"Perou"), sorted by count
// then value, at most `limit`.
FacetCounts facet_counts(const JoinedCounts& joined, const index::FacetField& field, size_t limit);

// The smallest and largest numeric value among `joined`, if any (year).
std::optional<FacetStats> numeric_stats(const JoinedCounts& joined, const index::FacetField& field);

}  // namespace sonda::search

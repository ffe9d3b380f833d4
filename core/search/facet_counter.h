// Exact, multi-valued facet counts with Xapian's built-in ValueCountMatchSpy (remote-backend safe).
#pragma once

#include <xapian.h>

#include <optional>

#include "index/schema.h"
#include "search/search_response.h"

namespace sonda::search {

// Turns a spy's counts of joined value lists ("Pérou␟Bolivie" → 3) into per-value document counts,
// merging spellings with one key ("Pérou"/"Perou"), sorted by count then value, at most `limit`.
FacetCounts facet_counts(const Xapian::ValueCountMatchSpy& spy, const index::FacetField& field, size_t limit);

// The smallest and largest numeric value a spy saw, if any (year).
std::optional<FacetStats> numeric_stats(const Xapian::ValueCountMatchSpy& spy,
                                        const index::FacetField& field);

}  // namespace sonda::search

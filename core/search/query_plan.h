// The Xapian queries one search runs: text, the filter tree, language and years, and their combinations.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "query/term_lookup.h"
#include "search/filter.h"
#include "search/search_request.h"

namespace sonda::search {

// The Xapian query of a filter tree; facet values are mapped to their stored form by `lookup` (gazetteer
// keys). The tree must have passed validate_filter().
Xapian::Query filter_query(const FilterNode& filter, const query::TermLookup& lookup);

// Filters of a request, with the top-level conditions kept apart so that a facet's counts can leave out
// the conditions on that facet alone (multi-select facets).
class FilterSet {
 public:
  FilterSet(const SearchRequest& request, const query::TermLookup& lookup);

  // Every filter combined; nullopt when there is none (Xapian's MatchNothing is an empty Query, so "no
  // filter" cannot be one).
  std::optional<Xapian::Query> all() const { return combine(""); }

  // Every filter except the top-level conditions on `field` alone.
  std::optional<Xapian::Query> all_but(const std::string& field) const { return combine(field); }

  // True when some top-level condition is on `field` alone (and facets are multi-select).
  bool filters(const std::string& field) const;

 private:
  struct Condition {
    FilterNode node;
    Xapian::Query query;
  };
  std::optional<Xapian::Query> combine(const std::string& skipped) const;

  std::vector<Condition> conditions_;        // top-level conjuncts of the filter tree
  std::vector<Xapian::Query> restrictions_;  // lang, year range, excluded ids: never skipped
  bool disjunctive_ = true;
};

// `text` restricted by `filter` (filter weight 0), or `text` alone when there is no filter.
Xapian::Query restrict(const Xapian::Query& text, const std::optional<Xapian::Query>& filter);

}  // namespace sonda::search

// The Xapian queries one search runs: text, filters grouped by facet, year range, and their combinations.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/term_lookup.h"
#include "search/search_request.h"

namespace sonda::search {

// Filters of a request, kept per facet so that a facet's counts can leave out its own filter.
class FilterSet {
 public:
  // Filter values are mapped to their stored form by `lookup` (gazetteer keys).
  FilterSet(const SearchRequest& request, const query::TermLookup& lookup);

  // Every filter combined (values of one field OR, fields AND); empty Query when there is none.
  Xapian::Query all() const { return combine(""); }

  // Every filter except those on `field`.
  Xapian::Query all_but(const std::string& field) const { return combine(field); }

  bool filters(const std::string& field) const { return by_field_.contains(field); }

 private:
  Xapian::Query combine(const std::string& skipped) const;

  std::map<std::string, std::vector<std::string>> by_field_;  // canonical field → terms
  std::vector<Xapian::Query> restrictions_;                   // lang and year range: never skipped
};

// `text` restricted by `filter` (filter weight 0), or `text` alone when the filter is empty.
Xapian::Query restrict(const Xapian::Query& text, const Xapian::Query& filter);

}  // namespace sonda::search

// The Xapian queries one search runs: text, filters grouped by facet, year range, and their combinations.
#include "search/query_plan.h"

#include "index/schema.h"

namespace sonda::search {

FilterSet::FilterSet(const SearchRequest& request, const query::TermLookup& lookup) {
  for (const auto& [name, value] : request.filters) {
    auto field = index::find_facet(name);
    if (field)
      by_field_[std::string(field->name)].push_back(
          index::facet_term(*field, lookup.facet_value(field->name, value)));
  }
  if (request.lang == "fr" || request.lang == "es") restrictions_.emplace_back("L" + request.lang);
  if (request.year_from || request.year_to) {
    restrictions_.emplace_back(Xapian::Query::OP_VALUE_RANGE, index::kYearSlot,
                               Xapian::sortable_serialise(request.year_from.value_or(0)),
                               Xapian::sortable_serialise(request.year_to.value_or(9999)));
  }
}

Xapian::Query FilterSet::combine(const std::string& skipped) const {
  std::vector<Xapian::Query> parts = restrictions_;
  for (const auto& [field, terms] : by_field_) {
    if (field == skipped) continue;
    parts.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query restrict(const Xapian::Query& text, const Xapian::Query& filter) {
  if (filter.empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

}  // namespace sonda::search

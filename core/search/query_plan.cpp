// The Xapian queries one search runs: text, the filter tree, language and years, and their combinations.
#include "search/query_plan.h"

#include <cmath>

#include "index/schema.h"
#include "query/match_all.h"

namespace sonda::search {
namespace {

using Kind = FilterNode::Kind;

Xapian::Query year_range(std::optional<double> low, std::optional<double> high) {
  if (low && high && *low > *high) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::kYearSlot,
                       Xapian::sortable_serialise(low.value_or(-1e9)),
                       Xapian::sortable_serialise(high.value_or(1e9)));
}

// Years are whole numbers: `> 2018.5` and `>= 2019` keep the same documents.
Xapian::Query numeric_range(const FilterNode& node) {
  std::optional<double> low = node.low;
  std::optional<double> high = node.high;
  if (low) low = std::floor(*low) == *low ? (node.low_inclusive ? *low : *low + 1) : std::ceil(*low);
  if (high) high = std::floor(*high) == *high ? (node.high_inclusive ? *high : *high - 1) : std::floor(*high);
  return year_range(low, high);
}

// "2019.0" and "2019" name one year; other values are taken as written.
std::string numeric_value(const std::string& value) {
  char* end = nullptr;
  double number = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number) ||
      std::floor(number) != number || std::fabs(number) > 1e9)
    return value;
  return std::to_string(static_cast<long long>(number));
}

Xapian::Query children_query(const FilterNode& node, const query::TermLookup& lookup) {
  std::vector<Xapian::Query> parts;
  for (const FilterNode& child : node.children) parts.push_back(filter_query(child, lookup));
  if (parts.empty()) return node.kind == Kind::all ? query::match_all() : Xapian::Query::MatchNothing;
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(node.kind == Kind::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                       parts.end());
}

}  // namespace

Xapian::Query filter_query(const FilterNode& node, const query::TermLookup& lookup) {
  switch (node.kind) {
    case Kind::all:
    case Kind::any: return children_query(node, lookup);
    case Kind::negate:
      return Xapian::Query(Xapian::Query::OP_AND_NOT, query::match_all(),
                           filter_query(node.children.front(), lookup));
    default: break;
  }
  auto field = index::find_facet(node.field);
  if (!field) return Xapian::Query::MatchNothing;
  if (node.kind == Kind::exists)  // a document with no value has an empty (absent) facet slot
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, field->slot, std::string(1, '\0'));
  if (node.kind == Kind::range) return numeric_range(node);
  std::string value = field->numeric ? numeric_value(node.value) : node.value;
  return Xapian::Query(index::facet_term(*field, lookup.facet_value(field->name, value)));
}

FilterSet::FilterSet(const SearchRequest& request, const query::TermLookup& lookup)
    : disjunctive_(request.disjunctive_facets) {
  const FilterNode& tree = request.filter;
  if (tree.kind == Kind::all) {
    for (const FilterNode& child : tree.children) conditions_.push_back({child, filter_query(child, lookup)});
  } else {
    conditions_.push_back({tree, filter_query(tree, lookup)});
  }
  if (request.lang == "fr" || request.lang == "es") restrictions_.emplace_back("L" + request.lang);
  if (!request.excluded_ids.empty()) {
    std::vector<Xapian::Query> excluded;
    for (const std::string& id : request.excluded_ids) excluded.emplace_back(index::id_term(id));
    restrictions_.emplace_back(Xapian::Query::OP_AND_NOT, query::match_all(),
                               Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }
  if (request.year_from || request.year_to) {
    restrictions_.push_back(
        year_range(request.year_from ? std::optional<double>(*request.year_from) : std::nullopt,
                   request.year_to ? std::optional<double>(*request.year_to) : std::nullopt));
  }
}

bool FilterSet::filters(const std::string& field) const {
  if (!disjunctive_) return false;
  for (const Condition& condition : conditions_)
    if (condition.node.only_about(field)) return true;
  return false;
}

std::optional<Xapian::Query> FilterSet::combine(const std::string& skipped) const {
  std::vector<Xapian::Query> parts = restrictions_;
  for (const Condition& condition : conditions_) {
    if (!skipped.empty() && disjunctive_ && condition.node.only_about(skipped)) continue;
    parts.push_back(condition.query);
  }
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query restrict(const Xapian::Query& text, const std::optional<Xapian::Query>& filter) {
  if (!filter) return text;
  if (filter->empty()) return Xapian::Query::MatchNothing;  // a filter nothing passes
  return Xapian::Query(Xapian::Query::OP_FILTER, text, *filter);
}

}  // namespace sonda::search

// The boolean filter tree every filter syntax is parsed into: all/any/not over equality, ranges, exists.
#include "search/filter.h"

#include <cmath>
#include <map>

#include "analysis/text_cleaner.h"
#include "index/schema.h"

namespace sonda::search {
namespace {

Error invalid(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

std::string number_text(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  return std::to_string(value);
}

Status check(const FilterNode& node, size_t depth, size_t& leaves) {
  if (depth > kMaxFilterDepth)
    return invalid("the filter nests deeper than " + std::to_string(kMaxFilterDepth) + " levels");
  using Kind = FilterNode::Kind;
  if (node.kind == Kind::all || node.kind == Kind::any || node.kind == Kind::negate) {
    if (node.kind == Kind::negate && node.children.size() != 1)
      return invalid("a negation needs one operand");
    for (const FilterNode& child : node.children)
      if (Status status = check(child, depth + 1, leaves); !status) return status;
    return Status::success();
  }
  if (++leaves > kMaxFilterLeaves)
    return invalid("the filter has more than " + std::to_string(kMaxFilterLeaves) + " conditions");
  auto field = index::find_facet(node.field);
  if (!field) {
    std::string known;
    for (const auto& facet : index::facet_fields())
      known += (known.empty() ? "" : ", ") + std::string(facet.name);
    return invalid("unknown filter field '" + node.field + "'; the filterable fields are " + known);
  }
  if (node.kind == Kind::equals && !analysis::is_valid_utf8(node.value))
    return invalid("filter value is not valid UTF-8");
  if (node.kind == Kind::range) {
    if (!field->numeric)
      return invalid("'" + std::string(field->name) + "' is not numeric: compare it with = or IN");
    for (const auto& bound : {node.low, node.high})
      if (bound && !std::isfinite(*bound)) return invalid("a range bound is not a finite number");
  }
  return Status::success();
}

}  // namespace

FilterNode FilterNode::all_of(std::vector<FilterNode> children) {
  FilterNode node;
  node.kind = Kind::all;
  node.children = std::move(children);
  return node;
}

FilterNode FilterNode::any_of(std::vector<FilterNode> children) {
  FilterNode node;
  node.kind = Kind::any;
  node.children = std::move(children);
  return node;
}

FilterNode FilterNode::negation(FilterNode child) {
  FilterNode node;
  node.kind = Kind::negate;
  node.children.push_back(std::move(child));
  return node;
}

FilterNode FilterNode::equality(std::string field, std::string value) {
  FilterNode node;
  node.kind = Kind::equals;
  node.field = std::move(field);
  node.value = std::move(value);
  return node;
}

FilterNode FilterNode::between(std::string field, std::optional<double> low, bool low_inclusive,
                               std::optional<double> high, bool high_inclusive) {
  FilterNode node;
  node.kind = Kind::range;
  node.field = std::move(field);
  node.low = low;
  node.high = high;
  node.low_inclusive = low_inclusive;
  node.high_inclusive = high_inclusive;
  return node;
}

FilterNode FilterNode::presence(std::string field) {
  FilterNode node;
  node.kind = Kind::exists;
  node.field = std::move(field);
  return node;
}

bool FilterNode::only_about(const std::string& name) const {
  if (kind == Kind::all || kind == Kind::any || kind == Kind::negate) {
    if (children.empty()) return false;
    for (const FilterNode& child : children)
      if (!child.only_about(name)) return false;
    return true;
  }
  auto canonical = index::find_facet(field);
  return canonical && canonical->name == name;
}

FilterNode facet_value_filter(const std::vector<std::pair<std::string, std::string>>& field_values) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<FilterNode>> by_field;
  for (const auto& [field, value] : field_values) {
    auto canonical = index::find_facet(field);
    std::string name = canonical ? std::string(canonical->name) : field;
    if (!by_field.contains(name)) order.push_back(name);
    by_field[name].push_back(FilterNode::equality(field, value));
  }
  std::vector<FilterNode> groups;
  for (const std::string& name : order) {
    auto& values = by_field[name];
    groups.push_back(values.size() == 1 ? std::move(values.front()) : FilterNode::any_of(std::move(values)));
  }
  return FilterNode::all_of(std::move(groups));
}

Status validate_filter(const FilterNode& filter) {
  size_t leaves = 0;
  return check(filter, 0, leaves);
}

std::string describe(const FilterNode& filter) {
  using Kind = FilterNode::Kind;
  switch (filter.kind) {
    case Kind::all:
    case Kind::any:
    case Kind::negate: {
      std::string out = filter.kind == Kind::all ? "all(" : filter.kind == Kind::any ? "any(" : "not(";
      for (size_t i = 0; i < filter.children.size(); ++i)
        out += (i ? ", " : "") + describe(filter.children[i]);
      return out + ")";
    }
    case Kind::equals: return filter.field + " = " + filter.value;
    case Kind::exists: return filter.field + " exists";
    case Kind::range: {
      std::string out = filter.field + " in ";
      out += filter.low ? (filter.low_inclusive ? "[" : "(") + number_text(*filter.low) : "(-inf";
      out += ", ";
      out += filter.high ? number_text(*filter.high) + (filter.high_inclusive ? "]" : ")") : "inf)";
      return out;
    }
  }
  return {};
}

}  // namespace sonda::search

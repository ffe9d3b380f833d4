// The boolean filter tree every filter syntax is parsed into: all/any/not over equality, ranges, exists.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace sonda::search {

// One node of a filter. Fields are facet names (index/schema.h); values are matched as facet filters are
// (any gazetteer name, any case or accents). A default-constructed node is an empty `all`: no filter.
struct FilterNode {
  enum class Kind {
    all,     // every child holds (none: everything)
    any,     // some child holds (none: nothing)
    negate,  // its one child does not hold; documents without the field included
    equals,  // `field` has `value`
    range,   // a numeric `field` within [low, high], each bound optional and inclusive or not
    exists,  // `field` has some value
  };

  Kind kind = Kind::all;
  std::string field;
  std::string value;
  std::optional<double> low;
  std::optional<double> high;
  bool low_inclusive = true;
  bool high_inclusive = true;
  std::vector<FilterNode> children;

  static FilterNode all_of(std::vector<FilterNode> children);
  static FilterNode any_of(std::vector<FilterNode> children);
  static FilterNode negation(FilterNode child);
  static FilterNode equality(std::string field, std::string value);
  static FilterNode between(std::string field, std::optional<double> low, bool low_inclusive,
                            std::optional<double> high, bool high_inclusive);
  static FilterNode presence(std::string field);

  // True for the empty `all`: the filter keeps every document.
  bool keeps_everything() const { return kind == Kind::all && children.empty(); }

  // True when every leaf below names `field` (canonical facet name).
  bool only_about(const std::string& field) const;

  bool operator==(const FilterNode&) const = default;
};

// Facet values as the native API lists them: values of one field OR-ed, fields AND-ed, fields in
// first-seen order.
FilterNode facet_value_filter(const std::vector<std::pair<std::string, std::string>>& field_values);

// How deep a filter tree may nest, and how many leaves it may hold.
inline constexpr size_t kMaxFilterDepth = 150;
inline constexpr size_t kMaxFilterLeaves = 256;

// Checks a filter against the schema: known fields, ranges only on numeric fields, valid UTF-8 values,
// bounded depth and size. The message names what is wrong, for the client.
Status validate_filter(const FilterNode& filter);

// A readable form of the tree ("all(country = PE, not(year >= 2018))"), for tests and messages.
std::string describe(const FilterNode& filter);

}  // namespace sonda::search

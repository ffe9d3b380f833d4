// The index schema: facet field table and the helpers that turn values into terms and slots.
#include "index/schema.h"

#include <algorithm>
#include <array>

#include "analysis/unicode_fold.h"
#include "util/hash.h"
#include "util/varint.h"

namespace sonda::index {
namespace {

constexpr std::array<FacetField, kFacetFieldCount> kFacets = {{
    {"country", "XC", 10},
    {"region", "XR", 11},
    {"organisation", "XO", 12},
    {"topic", "XT", 13},
    {"type", "XK", 14},
    {"lang", "L", 15},
    {"year", "Y", 16, true},
    {"format", "T", 17},
}};

std::string_view canonical_facet_name(std::string_view name) {
  if (name == "org" || name == "organization" || name == "organisations") return "organisation";
  if (name == "countries") return "country";
  if (name == "regions") return "region";
  if (name == "topics") return "topic";
  if (name == "language") return "lang";
  return name;
}

}  // namespace

std::span<const FacetField> facet_fields() {
  return kFacets;
}

size_t place_of(std::span<const FacetField> fields, const FacetField& field) {
  return static_cast<size_t>(
      std::find_if(fields.begin(), fields.end(), [&](const FacetField& f) { return f.name == field.name; }) -
      fields.begin());
}

std::optional<FacetField> find_facet(std::string_view name) {
  name = canonical_facet_name(name);
  for (const FacetField& field : kFacets)
    if (field.name == name) return field;
  return std::nullopt;
}

std::vector<std::string> facet_values(const Document& document, const FacetField& field) {
  if (field.name == "country") return document.countries;
  if (field.name == "region") return document.regions;
  if (field.name == "organisation") return document.organisations;
  if (field.name == "topic") return document.topics;
  if (field.name == "type")
    return document.type.empty() ? std::vector<std::string>{} : std::vector<std::string>{document.type};
  if (field.name == "lang")
    return document.lang.empty() ? std::vector<std::string>{} : std::vector<std::string>{document.lang};
  if (field.name == "year" && document.year) return {std::to_string(*document.year)};
  if (field.name == "format")
    return document.format.empty() ? std::vector<std::string>{} : std::vector<std::string>{document.format};
  return {};
}

std::string facet_key(std::string_view value) {
  std::string key = analysis::fold_diacritics(analysis::fold_case(value));
  if (key.size() > kMaxKeyBytes) key.resize(kMaxKeyBytes);
  return key;
}

std::string facet_term(const FacetField& field, std::string_view value) {
  return std::string(field.prefix) + facet_key(value);
}

std::string id_term(std::string_view id) {
  std::string term(kIdPrefix);
  term.append(id);
  return term;
}

std::string date_sort_key(std::string_view compact_date, std::string_view id) {
  std::string key(compact_date);
  key.push_back('\0');
  key.append(id);
  return key;
}

std::string source_term(std::string_view source) {
  std::string term(kSourcePrefix);
  if (term.size() + source.size() <= kMaxKeyBytes) return term.append(source);
  return term.append("#").append(to_hex(fnv1a(source)));
}

std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> values;
  if (joined.empty()) return values;
  size_t start = 0;
  while (true) {
    size_t end = joined.find(kValueSeparator, start);
    values.emplace_back(joined.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return values;
}

std::string encode_facet_values(std::span<const std::string> joined_by_field) {
  std::string out;
  for (const std::string& joined : joined_by_field) {
    append_varint(out, joined.size());
    out += joined;
  }
  return out;
}

bool decode_facet_values(std::string_view value, std::span<std::string_view> joined_by_field) {
  if (joined_by_field.size() != kFacets.size()) return false;
  for (std::string_view& joined : joined_by_field) {
    uint64_t length = 0;
    if (!read_varint(value, length) || length > value.size()) return false;
    joined = value.substr(0, length);
    value.remove_prefix(length);
  }
  return value.empty();
}

}  // namespace sonda::index

// The canonical text of a search request: what caches key its answers by.
#include "search/request_key.h"

#include <charconv>

namespace sonda::search {
namespace {

void write_filter(KeyWriter& key, const FilterNode& node) {
  key.number(static_cast<int>(node.kind));
  key.text(node.field);
  key.text(node.value);
  key.maybe(node.low);
  key.maybe(node.high);
  key.flag(node.low_inclusive);
  key.flag(node.high_inclusive);
  key.number(static_cast<long long>(node.children.size()));
  for (const auto& child : node.children) write_filter(key, child);
}

void write_marking(KeyWriter& key, const std::optional<FieldMarking>& marking) {
  key.flag(marking.has_value());
  if (!marking) return;
  key.texts(marking->highlight);
  key.number(static_cast<long long>(marking->crop.size()));
  for (const auto& [field, words] : marking->crop) {
    key.text(field);
    key.number(static_cast<long long>(words));
  }
  key.text(marking->pre_tag);
  key.text(marking->post_tag);
  key.text(marking->crop_marker);
  key.number(static_cast<long long>(marking->text_words));
  key.flag(marking->escape_html);
}

}  // namespace

void KeyWriter::text(std::string_view value) {
  number(static_cast<long long>(value.size()));
  out_ += ':';
  out_ += value;
}

void KeyWriter::number(long long value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
  out_ += ';';
}

void KeyWriter::real(double value) {
  char digits[40];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;  // shortest exact form
  out_.append(digits, end);
  out_ += ';';
}

void KeyWriter::texts(const std::vector<std::string>& values) {
  number(static_cast<long long>(values.size()));
  for (const auto& value : values) text(value);
}

std::string request_key(const SearchRequest& request) {
  // Fields added to SearchRequest or FieldMarking must be written below: the sizes catch a forgotten one.
  static_assert(sizeof(void*) != 8 || sizeof(SearchRequest) == 552, "write the new field into the key");
  static_assert(sizeof(void*) != 8 || sizeof(FieldMarking) == 160, "write the new field into the key");
  std::string out;
  out.reserve(128 + request.q.size());
  KeyWriter key(out);
  key.text(request.q);
  key.text(request.lang);
  key.text(request.labels_lang);
  write_filter(key, request.filter);
  key.texts(request.facets);
  key.maybe(request.year_from);
  key.maybe(request.year_to);
  key.number(static_cast<int>(request.sort));
  key.number(request.page);
  key.number(request.hits_per_page);
  key.number(request.max_values_per_facet);
  key.maybe(request.offset);
  key.flag(request.highlight);
  key.flag(request.disjunctive_facets);
  key.flag(request.relax_when_empty);
  key.flag(request.with_body);
  key.flag(request.snippets);
  key.flag(request.locate);
  key.number(request.passages);
  key.texts(request.excluded_ids);
  key.flag(request.match_positions);
  write_marking(key, request.marking);
  key.flag(request.match_any);
  key.flag(request.any_as_question);
  key.flag(request.prefix);
  key.flag(request.typo_tolerance);
  key.flag(request.cross_language);
  key.flag(request.feedback);
  key.text(request.query_lang);
  return out;
}

}  // namespace sonda::search

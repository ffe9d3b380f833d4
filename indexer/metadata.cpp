// Metadata fields shared by every input format (front matter, JSON Lines), applied to a Document.
#include "indexer/metadata.h"

#include <charconv>

namespace sonda::indexer {
namespace {

std::string first(const std::vector<std::string>& values) {
  return values.empty() ? "" : values.front();
}

void append_all(std::vector<std::string>& out, const std::vector<std::string>& values) {
  for (const std::string& value : values)
    if (!trim(value).empty()) out.emplace_back(trim(value));
}

Status apply_year(index::Document& document, const std::string& value) {
  std::string_view text = trim(value);
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < 0 || year > 9999)
    return Error{ErrorCode::invalid_argument, "year is not a number: '" + value + "'"};
  document.year = year;
  return Status::success();
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

Status apply_metadata(index::Document& document, std::string_view key,
                      const std::vector<std::string>& values) {
  if (key == "id")
    document.id = first(values);
  else if (key == "title")
    document.title = first(values);
  else if (key == "lang" || key == "language")
    document.lang = first(values);
  else if (key == "date")
    document.date = first(values);
  else if (key == "year")
    return values.empty() ? Status::success() : apply_year(document, values.front());
  else if (key == "country" || key == "countries")
    append_all(document.countries, values);
  else if (key == "region" || key == "regions")
    append_all(document.regions, values);
  else if (key == "organisation" || key == "organisations" || key == "organization" || key == "organizations")
    append_all(document.organisations, values);
  else if (key == "topic" || key == "topics")
    append_all(document.topics, values);
  else if (key == "type" || key == "doc_type")
    document.type = first(values);
  else if (key == "url")
    document.url = first(values);
  return Status::success();
}

}  // namespace sonda::indexer

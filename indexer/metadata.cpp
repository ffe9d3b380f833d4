// Metadata fields shared by every input format (front matter, JSON Lines), applied to a Document.
#include "indexer/metadata.h"

#include <charconv>

#include "util/strings.h"

namespace sonda::indexer {
namespace {

std::string first(const std::vector<std::string>& values) {
  return values.empty() ? "" : values.front();
}

// Sets a multi-valued field: a later source of metadata (a sidecar) replaces an earlier one.
void replace_all(std::vector<std::string>& out, const std::vector<std::string>& values) {
  out.clear();
  for (const std::string& value : values)
    if (!trim(value).empty()) out.emplace_back(trim(value));
}

bool digits_at(std::string_view text, size_t at, size_t count) {
  if (text.size() < at + count) return false;
  for (size_t i = at; i < at + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

// "2021-03-15T09:00:00Z" → "2021-03-15", "2021-03" and "2021" kept, "15/03/2021" → "2021-03-15";
// anything else → "" (unknown).
std::string normalised_date(std::string_view text) {
  text = trim(text);
  if (digits_at(text, 0, 4)) {
    size_t length = 4;
    if (text.size() >= 7 && text[4] == '-' && digits_at(text, 5, 2)) length = 7;
    if (length == 7 && text.size() >= 10 && text[7] == '-' && digits_at(text, 8, 2)) length = 10;
    return std::string(text.substr(0, length));
  }
  if (text.size() == 10 && digits_at(text, 0, 2) && digits_at(text, 3, 2) && digits_at(text, 6, 4) &&
      (text[2] == '/' || text[2] == '.') && text[5] == text[2])
    return std::string(text.substr(6, 4)) + "-" + std::string(text.substr(3, 2)) + "-" +
           std::string(text.substr(0, 2));
  return {};
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

Status apply_metadata(index::Document& document, std::string_view key,
                      const std::vector<std::string>& values) {
  if (key == "id")
    document.id = first(values);
  else if (key == "title")
    document.title = first(values);
  else if (key == "description" || key == "summary")
    document.description = first(values);
  else if (key == "keywords" || key == "tags")
    replace_all(document.keywords, values);
  else if (key == "author" || key == "authors" || key == "creator")
    document.author = join(values, ", ");
  else if (key == "lang" || key == "language")
    document.lang = first(values);
  else if (key == "date")
    document.date = normalised_date(first(values));
  else if (key == "year")
    return values.empty() ? Status::success() : apply_year(document, values.front());
  else if (key == "country" || key == "countries")
    replace_all(document.countries, values);
  else if (key == "region" || key == "regions")
    replace_all(document.regions, values);
  else if (key == "organisation" || key == "organisations" || key == "organization" || key == "organizations")
    replace_all(document.organisations, values);
  else if (key == "topic" || key == "topics")
    replace_all(document.topics, values);
  else if (key == "type" || key == "doc_type")
    document.type = first(values);
  else if (key == "url")
    document.url = first(values);
  return Status::success();
}

}  // namespace sonda::indexer

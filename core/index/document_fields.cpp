// A document's fields by name, as text: what clients retrieve, mark and crop.
#include "index/document_fields.h"

#include <array>

namespace sonda::index {
namespace {

constexpr std::array<std::string_view, 17> kFields = {
    "id",      "title",  "description",  "keywords", "author", "lang",   "url",    "date", "year",
    "country", "region", "organisation", "topic",    "type",   "format", "source", "text"};

std::vector<std::string> one(const std::string& value) {
  return value.empty() ? std::vector<std::string>{} : std::vector<std::string>{value};
}

}  // namespace

std::span<const std::string_view> document_field_names() {
  return kFields;
}

bool is_list_field(std::string_view name) {
  return name == "keywords" || name == "country" || name == "region" || name == "organisation" ||
         name == "topic";
}

std::optional<std::vector<std::string>> field_text(const Document& document, std::string_view name) {
  if (name == "id") return one(document.id);
  if (name == "title") return one(document.title);
  if (name == "description") return one(document.description);
  if (name == "keywords") return document.keywords;
  if (name == "author") return one(document.author);
  if (name == "lang") return one(document.lang);
  if (name == "url") return one(document.url);
  if (name == "date") return one(document.date);
  if (name == "year") return document.year ? one(std::to_string(*document.year)) : std::vector<std::string>{};
  if (name == "country") return document.countries;
  if (name == "region") return document.regions;
  if (name == "organisation") return document.organisations;
  if (name == "topic") return document.topics;
  if (name == "type") return one(document.type);
  if (name == "format") return one(document.format);
  if (name == "source") return one(document.source);
  if (name == "text") return one(document.body);
  return std::nullopt;
}

}  // namespace sonda::index

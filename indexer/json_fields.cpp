// JSON metadata (sidecar files, JSON Lines records) as metadata fields: every value a list of strings.
#include "indexer/json_fields.h"

#include <nlohmann/json.hpp>

#include "analysis/text_cleaner.h"

namespace sonda::indexer {
namespace {

std::vector<std::string> strings_of(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_string())
    out.push_back(value.get<std::string>());
  else if (value.is_number_integer())
    out.push_back(std::to_string(value.get<long long>()));
  else if (value.is_array())
    for (const auto& item : value)
      if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

}  // namespace

Result<extract::MetadataFields> parse_json_fields(std::string_view json) {
  std::string repaired;
  if (!analysis::is_valid_utf8(json)) json = repaired = analysis::clean_text(json);
  nlohmann::json object = nlohmann::json::parse(json, nullptr, false);
  if (object.is_discarded()) return Error{ErrorCode::invalid_argument, "not valid JSON"};
  if (!object.is_object()) return Error{ErrorCode::invalid_argument, "not a JSON object"};
  extract::MetadataFields fields;
  for (const auto& [key, value] : object.items()) {
    if (key == "text" && !value.is_string())
      return Error{ErrorCode::invalid_argument, "'text' is not a string"};
    fields.emplace_back(key, strings_of(value));
  }
  return fields;
}

}  // namespace sonda::indexer

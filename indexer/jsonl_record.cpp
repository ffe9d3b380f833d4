// One JSON Lines record (the format of Sonda's bulk inputs) → a Document.
#include "indexer/jsonl_record.h"

#include <nlohmann/json.hpp>

#include "analysis/text_cleaner.h"
#include "indexer/metadata.h"

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

Result<index::Document> parse_jsonl_record(std::string_view line) {
  std::string repaired;
  if (!analysis::is_valid_utf8(line)) line = repaired = analysis::clean_text(line);
  nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
  if (record.is_discarded()) return Error{ErrorCode::invalid_argument, "not valid JSON"};
  if (!record.is_object()) return Error{ErrorCode::invalid_argument, "not a JSON object"};
  index::Document document;
  for (const auto& [key, value] : record.items()) {
    if (key == "text") {
      if (!value.is_string()) return Error{ErrorCode::invalid_argument, "'text' is not a string"};
      document.body = value.get<std::string>();
      continue;
    }
    if (Status status = apply_metadata(document, key, strings_of(value)); !status) return status.error();
  }
  if (document.id.empty()) return Error{ErrorCode::invalid_argument, "record has no 'id'"};
  if (!record.contains("text")) return Error{ErrorCode::invalid_argument, "record has no 'text'"};
  document.format = "jsonl";
  return document;
}

}  // namespace sonda::indexer

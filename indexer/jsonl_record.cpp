// One JSON Lines record (the format of Sonda's bulk inputs) → a Document.
#include "indexer/jsonl_record.h"

#include "indexer/json_fields.h"
#include "indexer/metadata.h"

namespace sonda::indexer {

Result<index::Document> parse_jsonl_record(std::string_view line) {
  auto fields = parse_json_fields(line);
  if (!fields) return fields.error();
  index::Document document;
  bool has_text = false;
  for (auto& [key, values] : *fields) {
    if (key == "text") {
      document.body = values.empty() ? std::string() : std::move(values.front());
      has_text = true;
      continue;
    }
    if (Status status = apply_metadata(document, key, values); !status) return status.error();
  }
  if (document.id.empty()) return Error{ErrorCode::invalid_argument, "record has no 'id'"};
  if (!has_text) return Error{ErrorCode::invalid_argument, "record has no 'text'"};
  document.format = "jsonl";
  return document;
}

}  // namespace sonda::indexer

// One JSON Lines record (the format of Sonda's bulk inputs) → a Document.
#pragma once

#include <string_view>

#include "index/document.h"
#include "util/result.h"

namespace sonda::indexer {

// Parses `line` as a JSON object with `id`, `text` and optional `title`, `lang` and metadata fields
// (strings, numbers or arrays of strings). Malformed JSON or a missing id or text is an error.
Result<index::Document> parse_jsonl_record(std::string_view line);

}  // namespace sonda::indexer

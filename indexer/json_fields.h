// JSON metadata (sidecar files, JSON Lines records) as metadata fields: every value a list of strings.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::indexer {

// The members of a JSON object as (key, values): a string or number is one value, an array of them many;
// objects, booleans and null give no value. Invalid UTF-8 is repaired first. Not an object: an error.
Result<extract::MetadataFields> parse_json_fields(std::string_view json);

}  // namespace sonda::indexer

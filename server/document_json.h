// A document's fields as JSON values, shared by every wire protocol that returns documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "index/document.h"

namespace sonda::server {

// Field `name` of `document` as JSON: lists as arrays, year as a number (null when unknown), the rest as
// strings; null for a name no field has.
nlohmann::ordered_json field_json(const index::Document& document, std::string_view name);

// Every field but the body (`text`), in the schema's order.
nlohmann::ordered_json metadata_json(const index::Document& document);

}  // namespace sonda::server

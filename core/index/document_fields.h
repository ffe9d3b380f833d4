// A document's fields by name, as text: what clients retrieve, mark and crop.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/document.h"

namespace sonda::index {

// The names of a document's fields, in the order responses list them ("text" is the body).
std::span<const std::string_view> document_field_names();

// True for the fields that hold several values (keywords, country, region, organisation, topic).
bool is_list_field(std::string_view name);

// The values of field `name` as text (a list field's values, one value for the others, none when empty;
// year as digits), or nullopt when no field has that name.
std::optional<std::vector<std::string>> field_text(const Document& document, std::string_view name);

}  // namespace sonda::index

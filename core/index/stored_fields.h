// Encoding of the document data Sonda stores beside the terms: metadata and the cleaned text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "index/document.h"

namespace sonda::index {

// Serialises a document's displayable fields (everything in Document) into Xapian document data.
std::string encode_stored_fields(const Document& document);

// The inverse of encode_stored_fields; nullopt when `data` was not written by it.
std::optional<Document> decode_stored_fields(std::string_view data);

}  // namespace sonda::index

// Encoding of the document data Sonda stores beside the terms: metadata and the cleaned text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "index/document.h"
#include "index/packed_body.h"

namespace sonda::index {

// Serialises a document's displayable fields (everything in Document) into Xapian document data. With
// `outside`, a long body's chunks go there (to be stored under their keys beside the record) instead of into
// the record, so that a hit reads only the chunks it shows rather than the whole record.
std::string encode_stored_fields(const Document& document, OutsideChunks* outside = nullptr);

// How decoding treats a long body stored packed: inflated into `body`, or left in `packed_body` for
// body_range() to inflate only the bytes asked for.
enum class BodyReading { whole, deferred };

// The inverse of encode_stored_fields; nullopt when `data` was not written by it. A body whose chunks are
// kept outside the record is read from `store` (the document's own database); without one, such a body
// cannot be read (nullopt with BodyReading::whole).
std::optional<Document> decode_stored_fields(std::string_view data, BodyReading reading = BodyReading::whole,
                                             ChunkStore store = {});

// decode_stored_fields() of a record it takes: a long body left packed keeps the record's bytes instead of
// a copy of them (hundreds of KB for a long document).
std::optional<Document> decode_stored_record(std::string record, BodyReading reading = BodyReading::whole,
                                             ChunkStore store = {});

// The length of `document`'s body, packed or not.
size_t body_size(const Document& document);

// Bytes [begin, begin + length) of `document`'s body (shorter at its end; a packed body's chunks kept in
// `cache` when given); nullopt when its packed body is corrupt.
std::optional<std::string> body_range(const Document& document, size_t begin, size_t length,
                                      PackedBody::InflatedChunks* cache = nullptr);

// Inflates a packed body into `body`; false (body left empty) when it is corrupt.
bool unpack_body(Document& document);

}  // namespace sonda::index

// Text encodings of plain-text files: UTF-8 kept, UTF-16 and Windows-1252/Latin-1 converted, binary refused.
#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace sonda::analysis {

// Text converted to UTF-8 and the encoding it was read as ("UTF-8", "UTF-16LE", "windows-1252"…).
struct DecodedText {
  std::string text;
  std::string encoding;
};

// Decodes the bytes of a text file: a BOM decides when present; valid UTF-8 stays UTF-8; anything else
// that looks like text is Windows-1252 (a superset of Latin-1's printable range). Bytes that look
// binary (NUL bytes, many control characters) are ErrorCode::invalid_argument.
Result<DecodedText> decode_text(std::string_view bytes);

// True when the first few kilobytes of `bytes` hold NUL bytes or mostly control characters.
bool looks_binary(std::string_view bytes);

}  // namespace sonda::analysis

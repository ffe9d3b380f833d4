// Text encodings of plain-text files: UTF-8 kept, UTF-16 and Windows-1252/Latin-1 converted, binary refused.
#include "analysis/encoding.h"

#include <unicode/unistr.h>

#include <algorithm>

#include "analysis/text_cleaner.h"

namespace sonda::analysis {
namespace {

constexpr size_t kSniffBytes = 8192;

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.starts_with(prefix);
}

std::string convert_to_utf8(std::string_view bytes, const char* encoding) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), encoding);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find('\0') != std::string_view::npos) return true;
  size_t controls = std::count_if(head.begin(), head.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
  });
  return controls * 20 > head.size();  // more than 5% control characters
}

Result<DecodedText> decode_text(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (starts_with(bytes, "\xFF\xFE"))
    return DecodedText{convert_to_utf8(bytes.substr(2), "UTF-16LE"), "UTF-16LE"};
  if (starts_with(bytes, "\xFE\xFF"))
    return DecodedText{convert_to_utf8(bytes.substr(2), "UTF-16BE"), "UTF-16BE"};
  if (looks_binary(bytes))
    return Error{ErrorCode::invalid_argument, "binary content, not text (NUL or control bytes)"};
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  return DecodedText{convert_to_utf8(bytes, "windows-1252"), "windows-1252"};
}

}  // namespace sonda::analysis

// Ingestion clean-up: any bytes → valid NFC UTF-8 with ligatures, soft hyphens and line-end hyphens undone.
#include "analysis/text_cleaner.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <cctype>
#include <vector>

namespace sonda::analysis {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;
constexpr UChar32 kSoftHyphen = 0x00AD;

// Calls `visit` with each code point of `bytes`, or a negative value for each ill-formed sequence;
// stops early when `visit` returns false.
template <typename Visit>
void for_each_code_point(std::string_view bytes, Visit visit) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (!visit(c)) return;
  }
}

icu::UnicodeString decode_lenient(std::string_view raw) {
  icu::UnicodeString out;
  out.getBuffer(static_cast<int32_t>(raw.size()) + 1);
  out.releaseBuffer(0);
  for_each_code_point(raw, [&](UChar32 c) {
    out.append(c < 0 ? kReplacement : c);
    return true;
  });
  return out;
}

const char* ligature_expansion(UChar32 c) {
  switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";
    case 0xFB06: return "st";
    default: return nullptr;
  }
}

bool is_line_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// Copies `in` to `out` without soft hyphens and control characters, with ligatures expanded.
icu::UnicodeString strip_and_expand(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c == kSoftHyphen) continue;
    if (const char* expansion = ligature_expansion(c)) {
      out.append(icu::UnicodeString(expansion, -1, US_INV));
    } else if (c == '\n' || c == '\t') {
      out.append(c);
    } else if (u_iscntrl(c) || c == 0x2028 || c == 0x2029) {
      out.append(c == 0x2028 || c == 0x2029 ? UChar32('\n') : UChar32(' '));
    } else {
      out.append(c);
    }
  }
  return out;
}

// Removes "-<spaces>\n<spaces>" between a letter and a lowercase letter.
icu::UnicodeString rejoin_line_end_hyphens(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  int32_t n = in.length();
  for (int32_t i = 0; i < n; ++i) {
    UChar c = in.charAt(i);
    if (c == '-' && !out.isEmpty() && u_isalpha(out.char32At(out.length() - 1))) {
      int32_t j = i + 1;
      while (j < n && is_line_space(in.charAt(j))) ++j;
      if (j < n && in.charAt(j) == '\n') {
        ++j;
        while (j < n && is_line_space(in.charAt(j))) ++j;
        if (j < n && u_islower(in.char32At(j))) {
          i = j - 1;
          continue;
        }
      }
    }
    out.append(c);
  }
  return out;
}

// True when a non-ASCII byte at `i` starts something clean_text changes: a C1 control, a soft hyphen,
// a ligature (U+FB00…), a line or paragraph separator.
bool rewritten_sequence(std::string_view raw, size_t i) {
  auto at = [&](size_t k) { return k < raw.size() ? static_cast<unsigned char>(raw[k]) : 0u; };
  unsigned b = at(i);
  if (b == 0xC2) return at(i + 1) == 0xAD || (at(i + 1) >= 0x80 && at(i + 1) <= 0x9F);
  if (b == 0xEF) return at(i + 1) == 0xAC;
  if (b == 0xE2) return at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9);
  return false;
}

bool is_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  bool normalized =
      nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return U_SUCCESS(status) && normalized;
}

// False when `raw` is already what clean_text would return: the common case, copied without ICU.
bool needs_rewrite(std::string_view raw) {
  bool ascii = true;
  for (size_t i = 0; i < raw.size(); ++i) {
    auto b = static_cast<unsigned char>(raw[i]);
    if (b >= 0x80) {
      ascii = false;
      if (rewritten_sequence(raw, i)) return true;
      continue;
    }
    if (b < 0x20 && b != '\n' && b != '\t') return true;
    if (b == 0x7F) return true;
    if (b == '-' && i > 0 &&
        (std::isalpha(static_cast<unsigned char>(raw[i - 1])) ||
         static_cast<unsigned char>(raw[i - 1]) >= 0x80)) {
      size_t j = i + 1;
      while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t' || raw[j] == '\r')) ++j;
      if (j < raw.size() && raw[j] == '\n') return true;
    }
  }
  return !ascii && (!is_valid_utf8(raw) || !is_nfc(raw));
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  bool valid = true;
  for_each_code_point(bytes, [&](UChar32 c) { return valid = c >= 0; });
  return valid;
}

std::string clean_text(std::string_view raw) {
  if (!needs_rewrite(raw)) return std::string(raw);
  icu::UnicodeString text = decode_lenient(raw);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalized);
  }
  text = rejoin_line_end_hyphens(strip_and_expand(text));
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string collapse_layout(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pending_breaks = 0;  // line breaks seen since the last word
  bool pending_space = false;
  for (char c : text) {
    if (c == '\n') {
      ++pending_breaks;
      pending_space = false;
    } else if (c == ' ' || c == '\t') {
      pending_space = true;
    } else {
      if (!out.empty()) {
        if (pending_breaks >= 2)
          out += "\n\n";
        else if (pending_breaks == 1)
          out += '\n';
        else if (pending_space)
          out += ' ';
      }
      pending_breaks = 0;
      pending_space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace sonda::analysis

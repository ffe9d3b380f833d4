// Case folding and diacritic folding of single words (UTF-8 in, UTF-8 out).
#include "analysis/unicode_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sonda::analysis {
namespace {

bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

// Letters that carry no combining mark in NFD but still have a plain Latin spelling.
const char* plain_spelling(UChar32 c) {
  switch (c) {
    case 0x0153: return "oe";  // œ
    case 0x00E6: return "ae";  // æ
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x00DF: return "ss";  // ß
    default: return nullptr;
  }
}

}  // namespace

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

void lower_ascii(std::string& word) {
  for (char& c : word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string fold_case(std::string_view word) {
  if (is_ascii(word)) {
    std::string out(word);
    lower_ascii(out);
    return out;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
  text.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    out.append(is_apostrophe(c) ? UChar32('\'') : c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string fold_diacritics(std::string_view word) {
  if (is_ascii(word)) return std::string(word);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
  if (U_SUCCESS(status)) text = nfd->normalize(text, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* plain = plain_spelling(c)) {
      out.append(icu::UnicodeString(plain, -1, US_INV));
    } else {
      out.append(c);
    }
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace sonda::analysis

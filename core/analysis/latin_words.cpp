// Word segmentation of Latin-script text without ICU: UAX #29's word rules for the characters such text uses.
#include "analysis/latin_words.h"

#include <array>
#include <cstdint>

#include "util/strings.h"

namespace sonda::analysis {
namespace {

// UAX #29 Word_Break values of the characters handled here; `unknown` sends the text to ICU.
enum class Kind : uint8_t { letter, digit, mid_letter, mid_num, mid_both, other, unknown };

constexpr Kind ascii_kind_slow(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return Kind::letter;  // ICU: @ as ALetter
  if (c >= '0' && c <= '9') return Kind::digit;
  switch (c) {
    case '.':
    case '\'': return Kind::mid_both;  // MidNumLet, Single_Quote
    case ',':
    case ';': return Kind::mid_num;
    case ':': return Kind::other;    // MidLetter in UAX #29, left out by ICU's rules
    case '_': return Kind::unknown;  // ExtendNumLet
    default: return c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? Kind::unknown : Kind::other;
  }
}

constexpr std::array<Kind, 128> kAsciiKinds = [] {
  std::array<Kind, 128> kinds{};
  for (unsigned c = 0; c < 128; ++c) kinds[c] = ascii_kind_slow(static_cast<unsigned char>(c));
  kinds[0x7F] = Kind::unknown;
  return kinds;
}();

Kind kind_of(char32_t c) {
  if (c < 0x80) return kAsciiKinds[c];
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return Kind::letter;
  if (c == 0xB7) return Kind::mid_letter;
  if (c == 0xAD) return Kind::unknown;  // soft hyphen: Format
  if (c < 0xC0) return Kind::other;     // NBSP, « », °, §, ¿…
  if (c == 0xD7 || c == 0xF7) return Kind::other;
  if (c <= 0x24F || c == 0x2BC) return Kind::letter;  // Latin-1, Extended-A and -B; ʼ
  if (c == 0x2018 || c == 0x2019) return Kind::mid_both;
  if ((c >= 0x2010 && c <= 0x2017) || (c >= 0x201A && c <= 0x2023) || c == 0x2025 || c == 0x2026 ||
      (c >= 0x2030 && c <= 0x203E) || c == 0x20AC)
    return Kind::other;  // dashes, quotes, daggers, ellipsis, per mille, ‹ ›, €
  return Kind::unknown;
}

// True when the mid character `mid` joins `before` to `after` (WB6/WB7 for letters, WB11/WB12 for digits).
bool joins(Kind before, Kind mid, Kind after) {
  if (before == Kind::letter && after == Kind::letter)
    return mid == Kind::mid_letter || mid == Kind::mid_both;
  if (before == Kind::digit && after == Kind::digit) return mid == Kind::mid_num || mid == Kind::mid_both;
  return false;
}

bool is_word(Kind kind) {
  return kind == Kind::letter || kind == Kind::digit;
}

// The kind and length of the character at `at`.
inline std::pair<Kind, uint32_t> char_at(std::string_view text, uint32_t at) {
  unsigned char lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {kAsciiKinds[lead], 1};
  auto [code, length] = decode_utf8(text, at);
  return {kind_of(code), length};
}

}  // namespace

std::optional<std::vector<std::pair<uint32_t, uint32_t>>> latin_word_ranges(std::string_view utf8) {
  std::vector<std::pair<uint32_t, uint32_t>> words;
  const auto size = static_cast<uint32_t>(utf8.size());
  for (uint32_t at = 0; at < size;) {
    auto [kind, length] = char_at(utf8, at);
    if (kind == Kind::unknown) return std::nullopt;
    if (!is_word(kind)) {
      at += length;
      continue;
    }
    uint32_t begin = at;
    at += length;
    Kind last = kind;
    while (at < size) {  // every character is classified once at least, so an unknown one is never missed
      auto [next, next_length] = char_at(utf8, at);
      if (next == Kind::unknown) return std::nullopt;
      if (is_word(next)) {
        at += next_length;
        last = next;
        continue;
      }
      if (at + next_length >= size) break;
      auto [after, after_length] = char_at(utf8, at + next_length);
      if (after == Kind::unknown) return std::nullopt;
      if (!joins(last, next, after)) break;
      at += next_length + after_length;
      last = after;
    }
    words.emplace_back(begin, at);
  }
  return words;
}

}  // namespace sonda::analysis

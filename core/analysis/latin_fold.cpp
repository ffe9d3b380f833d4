// Case and diacritic folding of Latin-script words without ICU, each code point's folding asked of ICU once.
#include "analysis/latin_fold.h"

#include "analysis/unicode_fold.h"
#include "util/strings.h"

namespace sonda::analysis {
namespace {

// The code point starting at `at` of valid UTF-8 and its length in bytes; 0 for one of four bytes.
std::pair<char32_t, size_t> decode(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  if (lead < 0xE0) return {static_cast<char32_t>(((lead & 0x1F) << 6) | (byte(1) & 0x3F)), 2};
  if (lead < 0xF0)
    return {static_cast<char32_t>(((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F)), 3};
  return {0, 4};
}

}  // namespace

const LatinFolder::Folding* LatinFolder::folding(char32_t c) {
  Folding* slot = nullptr;
  if (c >= kFirst && c < kEnd)
    slot = &table_[c - kFirst];
  else if (c == 0x02BC)
    slot = &apostrophes_[0];
  else if (c == 0x2018 || c == 0x2019)
    slot = &apostrophes_[c - 0x2018 + 1];
  if (!slot) return nullptr;
  if (!slot->known) {
    std::string bytes = utf8_of(c);
    slot->word = fold_case(bytes);
    slot->folded = fold_diacritics(slot->word);
    slot->known = true;
  }
  return slot;
}

bool LatinFolder::fold(std::string_view text, std::string& word, std::string& folded) {
  std::string out_word, out_folded;
  out_word.reserve(text.size());
  out_folded.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    auto [c, length] = decode(text, at);
    at += length;
    if (length == 1) {  // ASCII: lowered below
      out_word.push_back(static_cast<char>(c));
      out_folded.push_back(static_cast<char>(c));
      continue;
    }
    const Folding* f = folding(c);
    if (!f) return false;
    out_word += f->word;
    out_folded += f->folded;
  }
  lower_ascii(out_word);
  lower_ascii(out_folded);
  word = std::move(out_word);
  folded = std::move(out_folded);
  return true;
}

}  // namespace sonda::analysis

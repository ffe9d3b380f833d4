// Case and diacritic folding of Latin-script words without ICU, each code point's folding asked of ICU once.
#include "analysis/latin_fold.h"

#include "analysis/unicode_fold.h"
#include "util/strings.h"

namespace sonda::analysis {

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
    auto [c, length] = decode_utf8(text, static_cast<uint32_t>(at));
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

// Case and diacritic folding of Latin-script words without ICU, each code point's folding asked of ICU once.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace sonda::analysis {

// Folds words written in ASCII, Latin-1 Supplement, Latin Extended-A and -B and typographic apostrophes
// exactly as fold_case and fold_diacritics do (both work code point by code point on such text), from a
// table filled on first use of each code point. Not thread-safe: one per thread (an Analyzer's).
class LatinFolder {
 public:
  // Sets `word` to fold_case(`text`) and `folded` to fold_diacritics(`word`); false, leaving both as they
  // were, when `text` (valid UTF-8) holds another code point.
  bool fold(std::string_view text, std::string& word, std::string& folded);

 private:
  struct Folding {
    bool known = false;
    std::string word;    // fold_case of the code point
    std::string folded;  // fold_diacritics of that
  };
  static constexpr char32_t kFirst = 0x80, kEnd = 0x250;  // the non-ASCII code points of the table
  const Folding* folding(char32_t c);                     // nullptr outside the table

  std::array<Folding, kEnd - kFirst> table_;
  std::array<Folding, 3> apostrophes_;  // U+02BC, U+2018, U+2019
};

}  // namespace sonda::analysis

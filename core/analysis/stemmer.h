// Snowball stemming per language, then diacritic folding of the stem, with a memo of recent words.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace sonda::analysis {

// Stems case-folded accented words with Xapian's Snowball stemmers and folds the result
// ("châtiments" → "chât" → "chat"). Languages without a stemmer yield the folded word itself.
// Not thread-safe: one per thread.
class Stemmer {
 public:
  Stemmer();

  // The folded stem of `word` (case-folded, accents intact) in `lang`.
  std::string stem(std::string_view word, std::string_view lang);

 private:
  struct Language {
    Xapian::Stem stemmer;
    std::unordered_map<std::string, std::string> memo;
  };
  Language* language(std::string_view lang);

  Language french_;
  Language spanish_;
};

}  // namespace sonda::analysis

// The analysis pipeline shared by indexing, querying and snippets: words → folded words and stems.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/latin_fold.h"
#include "analysis/stemmer.h"
#include "analysis/tokenizer.h"

namespace sonda::analysis {

// One analysed word: case-folded with accents, fully folded, and where it stands in the text.
struct Token {
  std::string word;    // "châtiments"
  std::string folded;  // "chatiments"
  uint32_t begin = 0;  // byte offsets in the cleaned text
  uint32_t end = 0;
};

// Composes segmentation, elision, case folding, stemming and diacritic folding. The same object
// serves the index, the query parser and the snippet builder, so all three agree on every word.
// Not thread-safe: one per thread.
class Analyzer {
 public:
  // The words of cleaned text (see clean_text), in order; a word's position is its index.
  std::vector<Token> tokens(std::string_view clean_text);

  // The same words segmented only (elisions cut off, nothing folded), for a caller that folds few of them.
  std::vector<RawToken> raw_tokens(std::string_view clean_text) { return tokenizer_.split(clean_text); }
  // One segmented word's Token: tokens() is raw_tokens() through this.
  Token token_of(const RawToken& raw);

  // One word as typed (any case, accents or not) → its Token, without segmentation.
  Token fold_word(std::string_view word);

  // The folded stem of a case-folded accented word in `lang`.
  std::string stem(std::string_view word, std::string_view lang) { return stemmer_.stem(word, lang); }

 private:
  struct Folded {
    std::string word;
    std::string folded;
  };
  const Folded& fold_cached(std::string_view raw);

  Tokenizer tokenizer_;
  LatinFolder latin_;
  Stemmer stemmer_;
  std::unordered_map<std::string, Folded> fold_memo_;
};

}  // namespace sonda::analysis

// Word segmentation (Latin script directly, anything else with ICU's word BreakIterator), plus French elision
// splitting.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace sonda::analysis {

// One word of the input: its bytes and its byte range in the input.
struct RawToken {
  std::string_view text;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Longest word kept, in bytes; longer runs (URLs, hashes, junk) are not words.
inline constexpr size_t kMaxWordBytes = 64;

// Splits valid UTF-8 into letter and number words. An elided article ("l’", "qu'", "jusqu’") is
// removed from the front of a word, so "l’enfance" yields "enfance". Not thread-safe: one per thread.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer& other);
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The words of `utf8`, in order. `utf8` must be valid UTF-8 (see clean_text). Latin-script text is
  // segmented without ICU (latin_words.h), with the same words.
  std::vector<RawToken> split(std::string_view utf8);

  // split() through ICU alone: the reference the Latin path must agree with.
  std::vector<RawToken> split_with_icu(std::string_view utf8);

 private:
  std::unique_ptr<icu::BreakIterator> breaker_;
};

// Length in bytes of an elided prefix at the start of `word` ("l'" → 2, "qu’" → 5), or 0.
size_t elision_length(std::string_view word);

}  // namespace sonda::analysis

// libFuzzer target: text clean-up, encoding detection, segmentation, folding and stemming on any bytes; the
// Latin-script segmentation must find exactly ICU's words wherever it applies.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/encoding.h"
#include "analysis/latin_words.h"
#include "analysis/text_cleaner.h"
#include "analysis/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sonda::analysis::Analyzer analyzer;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sonda::analysis::decode_text(bytes);
  std::string clean = sonda::analysis::clean_text(bytes);
  if (!sonda::analysis::is_valid_utf8(clean)) __builtin_trap();  // clean_text promises valid UTF-8
  static sonda::analysis::Tokenizer tokenizer;
  if (sonda::analysis::latin_word_ranges(clean)) {
    auto fast = tokenizer.split(clean);
    auto icu = tokenizer.split_with_icu(clean);
    if (fast.size() != icu.size()) __builtin_trap();
    for (size_t i = 0; i < fast.size(); ++i)
      if (fast[i].begin != icu[i].begin || fast[i].end != icu[i].end) __builtin_trap();
  }
  for (const auto& token : analyzer.tokens(clean)) {
    if (token.end > clean.size() || token.begin > token.end) __builtin_trap();
    (void)analyzer.stem(token.word, size % 2 ? "fr" : "es");
  }
  return 0;
}

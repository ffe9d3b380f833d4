// libFuzzer target: text clean-up, encoding detection, segmentation, folding and stemming on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/encoding.h"
#include "analysis/text_cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sonda::analysis::Analyzer analyzer;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sonda::analysis::decode_text(bytes);
  std::string clean = sonda::analysis::clean_text(bytes);
  if (!sonda::analysis::is_valid_utf8(clean)) __builtin_trap();  // clean_text promises valid UTF-8
  for (const auto& token : analyzer.tokens(clean)) {
    if (token.end > clean.size() || token.begin > token.end) __builtin_trap();
    (void)analyzer.stem(token.word, size % 2 ? "fr" : "es");
  }
  return 0;
}

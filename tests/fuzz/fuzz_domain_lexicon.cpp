// libFuzzer target: the domain list parser on any bytes (every error names its line; a parsed list's
// translations are never empty), and the bytes as words looked up in the built-in list.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "translate/domain_lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto builtin = sonda::translate::DomainLexicon::builtin();
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* from : {"fr", "es"})
    for (const auto& term : builtin->translate(text, from))
      if (term.empty()) std::abort();
  auto parsed = sonda::translate::DomainLexicon::parse(text);
  if (!parsed) {
    if (parsed.error().message.rfind("line ", 0) != 0) std::abort();
    return 0;
  }
  for (const char* probe : {"enfance", "petite enfance", "infancia"})
    for (const char* from : {"fr", "es"})
      for (const auto& term : (*parsed)->translate(probe, from))
        if (term.empty()) std::abort();
  return 0;
}

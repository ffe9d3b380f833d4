// libFuzzer target: any bytes through Apertium's analysis and bilingual look-up (both directions); a
// translation is never empty and never holds the stream format's reserved characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "translate/apertium_lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto lexicon = sonda::translate::ApertiumLexicon::open();
  if (!lexicon) std::abort();  // scripts/install-deps.sh installs apertium-fr-es
  std::string word(reinterpret_cast<const char*>(data), size);
  for (const char* from : {"fr", "es"})
    for (const auto& lemma : (*lexicon)->translate(word, from))
      if (lemma.empty() || lemma.find_first_of("^$/<>") != std::string::npos) std::abort();
  return 0;
}

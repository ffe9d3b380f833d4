// The lexicon crossLanguage searches use: Sonda's domain list first, then Apertium's dictionaries.
#include "translate/french_spanish.h"

#include "translate/domain_lexicon.h"

namespace sonda::translate {

Result<std::unique_ptr<Lexicon>> open_french_spanish(const std::string& folder) {
  auto apertium = ApertiumLexicon::open(folder);
  if (!apertium) return apertium.error();
  return std::unique_ptr<Lexicon>(new LayeredLexicon(DomainLexicon::builtin(), std::move(*apertium)));
}

}  // namespace sonda::translate

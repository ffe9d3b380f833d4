// The lexicon crossLanguage searches use: Sonda's domain list first, then Apertium's dictionaries.
#pragma once

#include <memory>
#include <string>

#include "translate/apertium_lexicon.h"
#include "translate/lexicon.h"
#include "util/result.h"

namespace sonda::translate {

// Apertium's fr-es dictionaries in `folder` under the built-in domain list (core/translate/domain_fr_es.tsv),
// which answers first for the words and multi-word units it holds; an error when Apertium's files cannot
// be read.
Result<std::unique_ptr<Lexicon>> open_french_spanish(
    const std::string& folder = std::string(kApertiumFolder));

}  // namespace sonda::translate

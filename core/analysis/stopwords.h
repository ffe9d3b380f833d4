// French and Spanish stop words: indexed (phrases need them), dropped from non-phrase queries.
#pragma once

#include <string_view>

namespace sonda::analysis {

// True when the diacritic-folded, case-folded `word` is a stop word of `lang` ("fr" or "es").
bool is_stopword(std::string_view folded_word, std::string_view lang);

}  // namespace sonda::analysis

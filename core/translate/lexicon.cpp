// Word translations between French and Spanish, behind a seam: Apertium's dictionaries, or a map in tests.
#include "translate/lexicon.h"

#include "analysis/unicode_fold.h"

namespace sonda::translate {

std::string other_language(std::string_view lang) {
  return lang == "fr" ? "es" : "fr";
}

MemoryLexicon::MemoryLexicon(
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& entries) {
  for (const auto& [from, pair] : entries)
    entries_[{from, analysis::fold_case(pair.first)}].push_back(pair.second);
}

std::vector<std::string> MemoryLexicon::translate(std::string_view word, std::string_view from) const {
  auto found = entries_.find({std::string(from), analysis::fold_case(word)});
  return found == entries_.end() ? std::vector<std::string>{} : found->second;
}

}  // namespace sonda::translate

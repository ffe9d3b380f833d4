// The first bytes a folded word must begin with to be one of a query's highlight terms.
#include "search/word_heads.h"

#include <algorithm>
#include <cctype>

namespace sonda::search {

WordHeads::WordHeads(const query::HighlightTerms& terms) {
  auto add = [&](std::string_view term) {
    std::string head(term.substr(0, query::HighlightTerms::kStemHeadBytes));
    if (std::find(heads_.begin(), heads_.end(), head) == heads_.end()) heads_.push_back(std::move(head));
  };
  for (const std::string& stem : terms.stems) add(stem);
  for (const std::string& word : terms.words) add(word);
  for (const std::string& word : terms.searched_words) add(word);
  for (const std::string& prefix : terms.prefixes) add(prefix);
}

bool WordHeads::may_fold_to_one(std::string_view raw) const {
  char start[query::HighlightTerms::kStemHeadBytes];
  size_t length = std::min(raw.size(), sizeof(start));
  for (size_t k = 0; k < length; ++k) {
    auto byte = static_cast<unsigned char>(raw[k]);
    if (byte >= 0x80) return true;
    start[k] = static_cast<char>(std::tolower(byte));
  }
  std::string_view lowered(start, length);
  return std::any_of(heads_.begin(), heads_.end(),
                     [&](const std::string& head) { return lowered.starts_with(head); });
}

}  // namespace sonda::search

// The first bytes a folded word must begin with to be one of a query's highlight terms, so that text
// analysed again (snippets, remote hits' matches) folds and stems only the few words that may match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/query_translator.h"

namespace sonda::search {

// The heads (first HighlightTerms::kStemHeadBytes bytes) of every stem, word, searched word and prefix of
// some highlight terms.
class WordHeads {
 public:
  explicit WordHeads(const query::HighlightTerms& terms);

  // False when segmented word `raw` cannot fold to a word beginning with one of the heads: an ASCII start
  // folds by lowering its letters alone; any other start may fold to anything.
  bool may_fold_to_one(std::string_view raw) const;

 private:
  std::vector<std::string> heads_;
};

}  // namespace sonda::search

// "Did you mean" corrections and search-as-you-type completions, from the index vocabulary.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "search/index_term_lookup.h"

namespace sonda::search {

// Uses the index's own word list (the unprefixed terms) as spelling data, so it needs nothing that
// Xapian's remote backend lacks. Corrections are chosen by edit distance, then by how often the
// corrected words stand together in documents, then by frequency; accents as documents write them.
class Speller {
 public:
  Speller(const Xapian::Database& database, analysis::Analyzer& analyzer)
      : database_(database), analyzer_(analyzer), lookup_(database) {}

  // A corrected query when some word of `words` (as typed) is not in the index; nullopt otherwise.
  std::optional<std::string> correct(const std::vector<std::string>& words);

  // Up to `limit` completions of the last word of `typed` present in the index, most frequent first,
  // each with the words before it ("châtiments corp" → "châtiments corporels").
  std::vector<std::string> complete(std::string_view typed, size_t limit);

 private:
  // The word itself when indexed, then the nearest and most frequent indexed words (folded).
  std::vector<std::string> candidates(const std::string& folded);
  Xapian::doccount phrase_count(const std::string& first, const std::string& second);

  const Xapian::Database& database_;
  analysis::Analyzer& analyzer_;
  IndexTermLookup lookup_;
};

}  // namespace sonda::search

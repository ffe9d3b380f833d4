// Where a snippet should come from, found with the positions of the matched terms instead of reading the
// body.
#pragma once

#include <xapian.h>

#include <optional>
#include <vector>

#include "index/body_map.h"
#include "query/query_translator.h"

namespace sonda::search {

// The byte offsets of the stored body from which the `count` densest clusters of matched words are in reach
// (a checkpoint a few words before each), best first; a word being typed counts through the document's words
// it begins (at most 64 of them); {0} when no body word matched, nullopt when the database cannot give
// positions.
std::optional<std::vector<size_t>> snippet_starts(const Xapian::Database& database, Xapian::docid document,
                                                  const index::BodyMap& map,
                                                  const query::HighlightTerms& terms, size_t count);

}  // namespace sonda::search

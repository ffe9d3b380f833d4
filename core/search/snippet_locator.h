// Where a snippet should come from, found with the positions of the matched terms instead of reading the
// body.
#pragma once

#include <xapian.h>

#include <optional>

#include "index/body_map.h"
#include "query/query_translator.h"

namespace sonda::search {

// The byte offset of the stored body from which the densest cluster of matched words is in reach (a
// checkpoint a few words before it), 0 when no body word matched, nullopt when positions cannot tell
// (wildcard terms, or the database cannot give positions).
std::optional<size_t> snippet_start(const Xapian::Database& database, Xapian::docid document,
                                    const index::BodyMap& map, const query::HighlightTerms& terms);

}  // namespace sonda::search

// Where a snippet should come from: found with the positions of the matched terms instead of reading the
// body, or (over remote shards, where each position list is a round trip) in the stored text analysed again.
#pragma once

#include <xapian.h>

#include <optional>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "index/body_map.h"
#include "index/document.h"
#include "query/query_translator.h"

namespace sonda::search {

// (position, query word) of every matched word inside a body, sorted by position: a hit locates them once
// and takes its snippet's, passages' and crop's starts from them.
using BodyMatches = std::vector<std::pair<Xapian::termpos, size_t>>;

// The matched words found with the database's positions; a word being typed counts through the terms its
// completions were searched as, a `word*` prefix through the document's words it begins (at most 64 of them,
// from its termlist); nullopt when the database cannot give positions.
std::optional<BodyMatches> body_matches(const Xapian::Database& database, Xapian::docid document,
                                        const index::BodyMap& map, const query::HighlightTerms& terms);

// The same matches, found by analysing the stored text as the indexer did instead of asking the database
// for positions and termlists (over a remote shard each is a round trip, and a termlist costs the shard a
// lookup per term): a word being typed through its searched terms (the body's words and their stems in the
// document's language); nullopt for a long body (stored packed, 32 KiB and more, or 4,096 words and more:
// positions are cheaper there) or one whose words do not add up to the body map's.
std::optional<BodyMatches> body_matches_in_text(analysis::Analyzer& analyzer, const index::Document& stored,
                                                const index::BodyMap& map,
                                                const query::HighlightTerms& terms);

// The byte offsets of the stored body from which the `count` densest clusters of `matches` are in reach (a
// checkpoint a few words before each), best first; {0} when no body word matched.
std::vector<size_t> snippet_starts(const BodyMatches& matches, const index::BodyMap& map, size_t count);

}  // namespace sonda::search

// Turns a page of ranked matches into Hits: stored fields, labels, score, snippet, marked fields, positions.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "enrich/gazetteer.h"
#include "query/query_translator.h"
#include "search/search_request.h"
#include "search/search_response.h"

namespace sonda::search {

// What the renderer needs to know about the search whose hits it renders.
struct HitContext {
  const query::Translation& text;  // the query's highlight terms
  const SearchRequest& request;
  const enrich::Gazetteer& gazetteer;
  std::string_view labels_lang;  // "fr"/"es", or "" for each document's own language
  // Where a hit's matched words are found: by the database's positions, or (over remote shards, where each
  // position list is a round trip) in its stored text analysed again.
  bool locate_in_text = false;
  // The value stored under a key beside a document (its own shard's; "" when none): a long body's chunks.
  std::function<std::string(Xapian::docid, const std::string& key)> metadata;
};

// A hit as ranked: its document's number, its weight and Xapian's percentage of the best possible.
struct RankedHit {
  Xapian::docid docid = 0;
  double weight = 0;
  int percent = 0;
};

// The first `count` hits of `matches`, as ranked.
std::vector<RankedHit> ranked_hits(const Xapian::MSet& matches, size_t count);

// The hits of `matches` (whose documents are `documents`, in the same order), in rank order; a document
// whose stored data cannot be read is left out.
std::vector<Hit> render_hits(const Xapian::Database& database, const std::vector<RankedHit>& matches,
                             const std::vector<Xapian::Document>& documents, analysis::Analyzer& analyzer,
                             const HitContext& context);

}  // namespace sonda::search

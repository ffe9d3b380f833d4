// The answer to a SearchRequest: ranked hits with snippets, totals, facet counts, suggestion.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "index/document.h"

namespace sonda::search {

// A matched word in a text: its byte offset and length.
struct MatchSpan {
  size_t start = 0;
  size_t length = 0;
};

// One of a hit's best passages: marked like the snippet, with its page for documents with pages and its
// section for documents with sections.
struct HitPassage {
  std::string snippet;
  std::optional<int> page;
  std::optional<index::DocumentSection> section;
};

// One ranked document, its body only when asked for.
struct Hit {
  index::Document document;
  double score = 0;
  double relevance = 0;     // 0–1: Xapian's percentage of the best possible match (1 when browsing)
  std::string snippet;      // HTML-escaped text with <mark>…</mark> around matched words
  std::optional<int> page;  // the page (from 1) the snippet stands on, for documents with pages (PDFs)
  std::optional<index::DocumentSection> section;  // the section it stands in, for documents with sections
  std::vector<HitPassage> passages;               // with passages > 1: the best passages, best first
  // With a FieldMarking: each field asked for, its values marked (and cropped) as the request says.
  std::vector<std::pair<std::string, std::vector<std::string>>> marked;
  // With match_positions: the matched words of title, description and text, by field.
  std::vector<std::pair<std::string, std::vector<MatchSpan>>> match_positions;
};

// The smallest and largest value of a numeric facet among the matches.
struct FacetStats {
  std::string field;
  double min = 0;
  double max = 0;
};

// Counts of one facet: (value, documents) sorted by count, then value.
struct FacetCounts {
  std::string field;
  std::vector<std::pair<std::string, size_t>> values;
};

// Everything a search returns.
struct SearchResponse {
  std::vector<Hit> hits;
  size_t total_hits = 0;
  bool total_hits_exact = true;
  int page = 1;
  int hits_per_page = 10;
  int total_pages = 0;
  size_t offset = 0;  // rank of the first hit
  std::vector<FacetCounts> facets;
  std::vector<FacetStats> facet_stats;  // for the numeric facets asked for that some match has
  std::optional<std::string> suggestion;
  // Words typed that no document holds, and the indexed word (as documents write it) they matched as.
  std::vector<std::pair<std::string, std::string>> corrections;
  // With crossLanguage: words typed and the other language's words they were also searched as.
  std::vector<std::pair<std::string, std::vector<std::string>>> translations;
  bool partial_match = false;                   // nothing matched every word; these hits match some of them
  std::vector<std::string> unavailable_shards;  // shards that could not be searched: the answer is partial
  double processing_ms = 0;
  double planning_ms = 0;  // of which parsing the query and expanding its words (for benchmarks)
};

}  // namespace sonda::search

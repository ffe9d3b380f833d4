// The answer to a SearchRequest: ranked hits with snippets, totals, facet counts, suggestion.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "index/document.h"

namespace sonda::search {

// One ranked document, without its body.
struct Hit {
  index::Document document;
  double score = 0;
  std::string snippet;  // HTML-escaped text with <mark>…</mark> around matched words
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
  std::vector<FacetCounts> facets;
  std::optional<std::string> suggestion;
  // Words typed that no document holds, and the indexed word (as documents write it) they matched as.
  std::vector<std::pair<std::string, std::string>> corrections;
  // With crossLanguage: words typed and the other language's words they were also searched as.
  std::vector<std::pair<std::string, std::vector<std::string>>> translations;
  bool partial_match = false;                   // nothing matched every word; these hits match some of them
  std::vector<std::string> unavailable_shards;  // shards that could not be searched: the answer is partial
  double processing_ms = 0;
};

}  // namespace sonda::search

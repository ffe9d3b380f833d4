// A search as any front end (HTTP today) asks it: text, language, filters, facets, sort and page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace sonda::search {

// How hits are ordered.
enum class SortOrder { relevance, date_desc, date_asc };

// Limits a request must respect; the server may lower them.
struct RequestLimits {
  size_t max_query_chars = 1000;
  int max_hits_per_page = 100;
  int max_page = 10000;
  int max_filters = 64;
};

// One search. Field names follow the HTTP API (and Meilisearch's where one exists).
struct SearchRequest {
  std::string q;
  std::string lang;         // "fr", "es", or empty / "any" for both
  std::string labels_lang;  // "fr"/"es": language of facet labels; empty: `lang`, else per document
  std::vector<std::pair<std::string, std::string>> filters;  // (field, value); same field OR, fields AND
  std::vector<std::string> facets;
  std::optional<int> year_from;
  std::optional<int> year_to;
  SortOrder sort = SortOrder::relevance;
  int page = 1;
  int hits_per_page = 10;
  int max_values_per_facet = 20;
  bool highlight = true;
  bool match_any = false;       // "match=any": rank documents with any of the words (questions, long queries)
  bool prefix = true;           // the last word, when q ends inside it, also matches its completions
  bool typo_tolerance = true;   // a word no document holds also matches indexed words a typo away
  bool cross_language = false;  // the words' translations into the other language match too
  std::string query_lang;       // "fr"/"es": the language the query is written in; empty: read both ways
};

// Checks `request` against the schema and `limits`: unknown filter or facet fields, bad pages,
// overlong or invalid UTF-8 text are ErrorCode::invalid_argument with a message for the client.
Status validate(const SearchRequest& request, const RequestLimits& limits);

}  // namespace sonda::search

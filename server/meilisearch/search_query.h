// A Meilisearch search query (a JSON body, or GET parameters) read into a core SearchRequest plus how to
// shape its answer.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/search_request.h"
#include "server/http_types.h"
#include "server/meilisearch/error.h"

namespace sonda::server::meilisearch {

// Meilisearch's window on the ranked hits: nothing past this rank is returned (its maxTotalHits default).
inline constexpr int kMaxTotalHits = 1000;

// A query and the parts of its answer that are Meilisearch's, not the core's.
struct SearchQuery {
  search::SearchRequest request;
  std::string index_uid;   // multi-search only
  bool page_mode = false;  // page/hitsPerPage asked: answer with totalHits and totalPages
  int page = 1;
  int hits_per_page = 20;
  int limit = 20;
  int offset = 0;
  std::vector<std::string> retrieved;  // fields of each hit, in the schema's order
  bool formatted = false;              // hits carry _formatted
  bool facets_asked = false;           // `facets` was given (maybe empty): the answer has facetDistribution
  bool ranking_score = false;
  bool matches_position = false;
  size_t crop_length = 10;  // words, for attributesToCrop entries without their own
  bool crop_length_set = false;
  std::string facet_name;   // facet-search only
  std::string facet_query;  // facet-search only
};

// Which route a query is for: fields of one are unknown to the other.
enum class QueryKind { search, multi_search, facet_search };

// The canonical text of `query` once its core request is final: equal for queries that get equal answers,
// whatever form (GET parameters, a body) they came in.
std::string query_key(const SearchQuery& query);

// Reads a JSON object. Unknown fields are `bad_request` for searches and ignored for facet searches, as
// Meilisearch does; every parameter error has its Meilisearch code.
ApiResult<SearchQuery> read_search_query(const nlohmann::json& body, QueryKind kind);

// Reads GET /indexes/{uid}/search parameters: arrays comma-joined, filter as one expression.
ApiResult<SearchQuery> read_search_params(const HttpRequest& request);

}  // namespace sonda::server::meilisearch

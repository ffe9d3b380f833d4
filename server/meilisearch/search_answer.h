// The JSON Meilisearch clients read back: search results, facet-search hits, documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/document.h"
#include "search/search_response.h"
#include "server/meilisearch/search_query.h"

namespace sonda::server::meilisearch {

// One search's result: hits with _formatted / _matchesPosition / _rankingScore as asked, the pagination
// fields of the query's mode, facetDistribution and facetStats when facets were asked.
nlohmann::ordered_json search_result_json(const SearchQuery& query, const search::SearchResponse& response);

// {"facetHits": [{"value", "count"}], "facetQuery", "processingTimeMs"}.
nlohmann::ordered_json facet_search_json(const SearchQuery& query, const search::FacetCounts& values,
                                         double ms);

// A document with the fields asked for (all of them, its text included, when `fields` is empty).
nlohmann::ordered_json document_result_json(const index::Document& document,
                                            const std::vector<std::string>& fields);

}  // namespace sonda::server::meilisearch

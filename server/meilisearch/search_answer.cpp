// The JSON Meilisearch clients read back: search results, facet-search hits, documents.
#include "server/meilisearch/search_answer.h"

#include <algorithm>
#include <cmath>

#include "index/document_fields.h"
#include "server/document_json.h"

namespace sonda::server::meilisearch {
namespace {

using Json = nlohmann::ordered_json;

// A retrieved value as _formatted shows it when nothing marked it: strings as they are, numbers as text.
Json unmarked(const index::Document& document, const std::string& field) {
  Json value = field_json(document, field);
  if (value.is_number()) return value.dump();
  return value;
}

Json formatted_json(const SearchQuery& query, const search::Hit& hit) {
  std::vector<std::string> fields = query.retrieved;
  const search::FieldMarking& marking = *query.request.marking;
  auto add = [&](const std::string& field) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  };
  for (const std::string& field : marking.highlight) add(field);
  for (const auto& [field, words] : marking.crop) add(field);
  Json out = Json::object();
  for (const std::string& field : fields) {
    auto marked =
        std::find_if(hit.marked.begin(), hit.marked.end(), [&](const auto& m) { return m.first == field; });
    if (marked == hit.marked.end()) {
      out[field] = unmarked(hit.document, field);
    } else if (index::is_list_field(field)) {
      out[field] = marked->second;
    } else {
      out[field] = marked->second.empty() ? std::string() : marked->second.front();
    }
  }
  return out;
}

Json hit_json(const SearchQuery& query, const search::Hit& hit) {
  Json out = Json::object();
  for (const std::string& field : query.retrieved) out[field] = field_json(hit.document, field);
  if (query.formatted) out["_formatted"] = formatted_json(query, hit);
  if (query.matches_position) {
    Json positions = Json::object();
    for (const auto& [field, spans] : hit.match_positions) {
      Json list = Json::array();
      for (const auto& span : spans) list.push_back({{"start", span.start}, {"length", span.length}});
      positions[field] = std::move(list);
    }
    out["_matchesPosition"] = std::move(positions);
  }
  if (query.ranking_score) out["_rankingScore"] = hit.relevance;
  return out;
}

}  // namespace

Json search_result_json(const SearchQuery& query, const search::SearchResponse& response) {
  Json hits = Json::array();
  for (const auto& hit : response.hits) hits.push_back(hit_json(query, hit));
  Json out;
  if (!query.index_uid.empty()) out["indexUid"] = query.index_uid;
  out["hits"] = std::move(hits);
  out["query"] = query.request.q;
  out["processingTimeMs"] = static_cast<long long>(std::llround(response.processing_ms));
  if (query.page_mode) {
    out["hitsPerPage"] = query.hits_per_page;
    out["page"] = query.page;
    out["totalPages"] = query.hits_per_page == 0
                            ? 0
                            : (response.total_hits + static_cast<size_t>(query.hits_per_page) - 1) /
                                  static_cast<size_t>(query.hits_per_page);
    out["totalHits"] = response.total_hits;
  } else {
    out["limit"] = query.limit;
    out["offset"] = query.offset;
    out["estimatedTotalHits"] = response.total_hits;
  }
  if (query.facets_asked) {
    Json distribution = Json::object();
    for (const auto& facet : response.facets) {
      Json values = Json::object();
      for (const auto& [value, count] : facet.values) values[value] = count;
      distribution[facet.field] = std::move(values);
    }
    out["facetDistribution"] = std::move(distribution);
    Json stats = Json::object();
    for (const auto& facet : response.facet_stats)
      stats[facet.field] = {{"min", facet.min}, {"max", facet.max}};
    out["facetStats"] = std::move(stats);
  }
  if (response.suggestion) out["suggestion"] = *response.suggestion;
  if (!response.unavailable_shards.empty()) out["unavailableShards"] = response.unavailable_shards;
  return out;
}

Json facet_search_json(const SearchQuery& query, const search::FacetCounts& values, double ms) {
  Json hits = Json::array();
  for (const auto& [value, count] : values.values) hits.push_back({{"value", value}, {"count", count}});
  Json out;
  out["facetHits"] = std::move(hits);
  out["facetQuery"] = query.facet_query.empty() ? Json(nullptr) : Json(query.facet_query);
  out["processingTimeMs"] = static_cast<long long>(std::llround(ms));
  return out;
}

Json document_result_json(const index::Document& document, const std::vector<std::string>& fields) {
  Json out = Json::object();
  if (fields.empty()) {
    out = metadata_json(document);
    out["text"] = document.body;
    return out;
  }
  for (const std::string& field : fields)
    if (index::field_text(document, field)) out[field] = field_json(document, field);
  return out;
}

}  // namespace sonda::server::meilisearch

// JSON for the API's answers: search responses, documents, completions, errors.
#include "server/response_codec.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "server/document_json.h"

namespace sonda::server {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A section as hits carry it: its heading and, when it has one, the anchor a link can point at.
Json section_json(const index::DocumentSection& section) {
  Json out = {{"heading", section.heading}};
  if (!section.anchor.empty()) out["anchor"] = section.anchor;
  return out;
}

}  // namespace

std::string search_response_json(const search::SearchResponse& response, const std::string& q,
                                 const SourceFiles& files) {
  Json hits = Json::array();
  for (const auto& hit : response.hits) {
    Json json = metadata_json(hit.document);
    json["score"] = hit.score;
    json["snippet"] = hit.snippet;
    if (hit.page) json["page"] = *hit.page;
    if (hit.section) json["section"] = section_json(*hit.section);
    if (files.enabled() && files.has_file(hit.document)) json["file"] = source_file_route(hit.document.id);
    if (!hit.passages.empty()) {
      Json passages = Json::array();
      for (const auto& passage : hit.passages) {
        Json item = {{"snippet", passage.snippet}};
        if (passage.page) item["page"] = *passage.page;
        if (passage.section) item["section"] = section_json(*passage.section);
        passages.push_back(std::move(item));
      }
      json["passages"] = std::move(passages);
    }
    hits.push_back(std::move(json));
  }
  Json facets = Json::object();
  for (const auto& facet : response.facets) {
    Json values = Json::object();
    for (const auto& [value, count] : facet.values) values[value] = count;
    facets[facet.field] = std::move(values);
  }
  Json out;
  out["hits"] = std::move(hits);
  out["query"] = q;
  out["totalHits"] = response.total_hits;
  out["totalHitsExact"] = response.total_hits_exact;
  out["page"] = response.page;
  out["hitsPerPage"] = response.hits_per_page;
  out["totalPages"] = response.total_pages;
  out["facetDistribution"] = std::move(facets);
  out["suggestion"] = response.suggestion ? Json(*response.suggestion) : Json(nullptr);
  Json corrections = Json::object();
  for (const auto& [typed, matched] : response.corrections) corrections[typed] = matched;
  out["corrections"] = std::move(corrections);
  Json translations = Json::object();
  for (const auto& [typed, other] : response.translations) translations[typed] = other;
  out["translations"] = std::move(translations);
  out["partialMatch"] = response.partial_match;
  out["partial"] = !response.unavailable_shards.empty();
  if (!response.unavailable_shards.empty()) out["unavailableShards"] = response.unavailable_shards;
  out["processingTimeMs"] = std::round(response.processing_ms * 1000.0) / 1000.0;
  return dump(out);
}

std::string document_json(const index::Document& document) {
  Json out = metadata_json(document);
  out["text"] = document.body;
  return dump(out);
}

std::string completions_json(const std::string& q, const std::vector<std::string>& completions) {
  Json out;
  out["query"] = q;
  out["suggestions"] = completions;
  return dump(out);
}

HttpResponse error_response(int status, const std::string& code, const std::string& message) {
  Json out;
  out["error"] = {{"code", code}, {"message", message}};
  HttpResponse response;
  response.status = status;
  response.body = dump(out);
  return response;
}

HttpResponse error_response(const Error& error) {
  switch (error.code) {
    case ErrorCode::invalid_argument: return error_response(400, "invalid_request", error.message);
    case ErrorCode::not_found: return error_response(404, "not_found", error.message);
    case ErrorCode::too_large: return error_response(413, "payload_too_large", error.message);
    case ErrorCode::unavailable:
    case ErrorCode::locked:
      return error_response(503, "index_unavailable", "the index is not available yet; try again shortly");
    case ErrorCode::corrupt:
      return error_response(503, "index_corrupt", "the index is damaged; rebuild it with sonda-index --full");
    default: return error_response(503, "search_unavailable", "the search could not be completed; try again");
  }
}

}  // namespace sonda::server

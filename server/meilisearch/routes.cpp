// The read part of Meilisearch's API, over the one index: multi-search, search, facet-search, documents,
// index description, settings and version. No sockets here.
#include "server/meilisearch/routes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "analysis/text_cleaner.h"
#include "index/schema.h"
#include "server/cached_answer.h"
#include "server/meilisearch/error.h"
#include "server/meilisearch/search_answer.h"
#include "server/meilisearch/search_query.h"
#include "server/time_text.h"
#include "util/strings.h"

namespace sonda::server::meilisearch {
namespace {

using Json = nlohmann::ordered_json;

HttpResponse json_response(const Json& body) {
  HttpResponse response;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

// The JSON body of a POST: Meilisearch's checks on its content type and form.
ApiResult<nlohmann::json> json_body(const HttpRequest& request) {
  auto type = request.headers.find("content-type");
  if (type == request.headers.end())
    return ApiError{415, "missing_content_type", "a Content-Type header is required; send application/json"};
  if (!type->second.starts_with("application/json"))
    return ApiError{415, "invalid_content_type",
                    "the Content-Type `" + type->second + "` is not supported; send application/json"};
  if (request.body.empty()) return bad("missing_payload", "a JSON body is required");
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return bad("malformed_payload", "the body is not valid JSON");
  return body;
}

// The core request of a query: Meilisearch's offset window, bounded by kMaxTotalHits.
ApiResult<search::SearchRequest> core_request(SearchQuery& query, const MeilisearchConfig& config,
                                              bool cross_language) {
  if (query.request.cross_language && !cross_language)
    return bad("cross_language_unavailable",
               "cross-language search needs Apertium's French-Spanish dictionaries (Debian package "
               "apertium-fr-es), which this server could not load");
  const search::RequestLimits& limits = config.limits;
  search::SearchRequest& request = query.request;
  if (request.labels_lang.empty())
    request.labels_lang = request.lang == "fr" || request.lang == "es" ? request.lang : config.labels_lang;
  int offset =
      query.page_mode ? (query.page == 0 ? 0 : (query.page - 1) * query.hits_per_page) : query.offset;
  int limit = query.page_mode ? (query.page == 0 ? 0 : query.hits_per_page) : query.limit;
  if (query.page_mode && query.page > 0 && query.hits_per_page > 0 &&
      query.page - 1 > kMaxTotalHits / query.hits_per_page)
    offset = kMaxTotalHits;
  offset = std::min(offset, kMaxTotalHits);
  request.offset = offset;
  request.hits_per_page = std::min(limit, kMaxTotalHits - offset);
  request.disjunctive_facets = false;  // Meilisearch counts within the whole filter; clients ask apart
  request.max_values_per_facet = 100;  // Meilisearch's maxValuesPerFacet default
  request.match_positions = query.matches_position;
  request.with_body =
      std::find(query.retrieved.begin(), query.retrieved.end(), "text") != query.retrieved.end();
  if (Status filter = search::validate_filter(request.filter); !filter)
    return bad("invalid_search_filter", filter.error().message);
  search::SearchRequest text_only;
  text_only.q = request.q;
  if (Status text = search::validate(text_only, limits); !text)
    return bad("invalid_search_q", text.error().message);
  search::RequestLimits window = limits;
  window.max_hits_per_page = kMaxTotalHits;
  if (Status valid = search::validate(request, window); !valid)
    return bad("bad_request", valid.error().message);
  return request;
}

// `error` as the answer to the `index`th query of a multi-search.
ApiError inside_query(size_t index, ApiError error) {
  error.message = "Inside `.queries[" + std::to_string(index) + "]`: " + error.message;
  return error;
}

// The `fields` a documents route asks for ("a,b"; none or "*": all).
std::vector<std::string> requested_fields(const std::string* list) {
  std::vector<std::string> fields;
  for (std::string& name : list ? split_trimmed(*list, ',') : std::vector<std::string>{})
    if (name != "*") fields.push_back(std::move(name));
  return fields;
}

}  // namespace

Routes::Routes(search::SearcherPool& pool, ResponseCache& cache, MeilisearchConfig config)
    : pool_(pool), cache_(cache), config_(std::move(config)) {}

bool Routes::owns(const std::string& path) {
  return path == "/multi-search" || path == "/version" || path == "/indexes" || path.starts_with("/indexes/");
}

std::string Routes::allowed_methods(const std::string& path) const {
  if (path == "/multi-search" || path.ends_with("/facet-search") || path.ends_with("/documents/fetch"))
    return "POST, OPTIONS";
  if (path.ends_with("/search")) return "GET, HEAD, POST, OPTIONS";
  return "GET, HEAD, OPTIONS";
}

HttpResponse Routes::handle(const HttpRequest& request, std::string& route_name) {
  const std::string& path = request.path;
  if (path == "/multi-search") {
    route_name = "/multi-search";
    return multi_search(request);
  }
  if (path == "/version") {
    route_name = "/version";
    return version();
  }
  if (path == "/indexes") {
    route_name = "/indexes";
    return index_description(true);
  }
  std::string rest = path.substr(std::string("/indexes/").size());
  size_t slash = rest.find('/');
  std::string uid = rest.substr(0, slash);
  std::string tail = slash == std::string::npos ? "" : rest.substr(slash);
  // Metrics name the route, never the path: a tail a client makes up would grow their labels.
  std::string known = tail.starts_with("/documents/") && tail != "/documents/fetch" ? "/documents/{id}"
                      : tail.starts_with("/settings")                               ? "/settings"
                                                                                    : tail;
  route_name = "/indexes/{uid}" + known;
  if (uid != config_.index_uid) {
    route_name = "/indexes/{uid}";
    return error_response(ApiError{404, "index_not_found", "Index `" + uid + "` not found."});
  }
  if (tail.empty()) return index_description(false);
  if (tail == "/search") return index_search(request);
  if (tail == "/facet-search") return facet_search(request);
  if (tail == "/settings" || tail.starts_with("/settings/"))
    return settings(tail.size() > 10 ? tail.substr(10) : "");
  if (tail == "/documents" || tail == "/documents/fetch") return documents(request);
  if (tail == "/stats") return stats();
  if (tail.starts_with("/documents/") && tail.size() > 11) return document(request, tail.substr(11));
  route_name = "other";
  return error_response(
      ApiError{404, "not_found", "no such route: Sonda answers Meilisearch's search routes"});
}

HttpResponse Routes::multi_search(const HttpRequest& request) {
  auto body = json_body(request);
  if (!body) return error_response(body.error());
  if (!body->is_object() || !body->contains("queries") || !(*body)["queries"].is_array())
    return error_response(bad("bad_request", "the body must be {\"queries\": [...]}"));
  const auto& given = (*body)["queries"];
  std::vector<SearchQuery> queries;
  std::string key = "multi-search|";
  for (size_t i = 0; i < given.size(); ++i) {
    auto prefixed = [i](ApiError error) { return inside_query(i, std::move(error)); };
    auto query = read_search_query(given[i], QueryKind::multi_search);
    if (!query) return error_response(prefixed(query.error()));
    if (query->index_uid.empty())
      return error_response(prefixed(bad("missing_index_uid", "`indexUid` is required")));
    if (query->index_uid != config_.index_uid)
      return error_response(
          prefixed(ApiError{404, "index_not_found", "Index `" + query->index_uid + "` not found."}));
    auto core = core_request(*query, config_, pool_.cross_language());
    if (!core) return error_response(prefixed(core.error()));
    key += query_key(*query) + "|";
    queries.push_back(std::move(*query));
  }
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(from_core(searcher.error()));
  return cached_answer(cache_, **searcher, key, TimeForm::whole, [&] {
    Json results = Json::array();
    for (size_t i = 0; i < queries.size(); ++i) {
      auto response = (*searcher)->search(queries[i].request);
      if (!response) return error_response(inside_query(i, from_core(response.error(), "invalid_search_q")));
      results.push_back(search_result_json(queries[i], *response));
    }
    Json out;
    out["results"] = std::move(results);
    return json_response(out);
  });
}

HttpResponse Routes::index_search(const HttpRequest& request) {
  ApiResult<SearchQuery> query = ApiError{};
  if (request.method == "POST") {
    auto body = json_body(request);
    if (!body) return error_response(body.error());
    query = read_search_query(*body, QueryKind::search);
  } else {
    query = read_search_params(request);
  }
  if (!query) return error_response(query.error());
  auto core = core_request(*query, config_, pool_.cross_language());
  if (!core) return error_response(core.error());
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(from_core(searcher.error()));
  return cached_answer(cache_, **searcher, "index-search|" + query_key(*query), TimeForm::whole, [&] {
    auto response = (*searcher)->search(*core);
    if (!response) return error_response(from_core(response.error(), "invalid_search_q"));
    return json_response(search_result_json(*query, *response));
  });
}

HttpResponse Routes::facet_search(const HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  auto body = json_body(request);
  if (!body) return error_response(body.error());
  auto query = read_search_query(*body, QueryKind::facet_search);
  if (!query) return error_response(query.error());
  if (query->facet_name.empty())
    return error_response(bad("missing_facet_search_facet_name", "`facetName` is required"));
  auto field = index::find_facet(query->facet_name);
  if (!field)
    return error_response(bad("invalid_facet_search_facet_name",
                              "`" + query->facet_name +
                                  "` is not a facet: the filterable attributes are country, "
                                  "region, organisation, topic, type, lang, year and format"));
  query->request.facets.clear();
  auto core = core_request(*query, config_, pool_.cross_language());
  if (!core) return error_response(core.error());
  if (!analysis::is_valid_utf8(query->facet_query) ||
      query->facet_query.size() > config_.limits.max_query_chars)
    return error_response(
        bad("invalid_facet_search_facet_query", "`facetQuery` must be valid UTF-8 and short"));
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(from_core(searcher.error()));
  constexpr size_t kMaxFacetHits = 100;
  auto values = (*searcher)->facet_search(*core, std::string(field->name), query->facet_query, kMaxFacetHits);
  if (!values) return error_response(from_core(values.error()));
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return json_response(facet_search_json(*query, *values, ms));
}

HttpResponse Routes::document(const HttpRequest& request, const std::string& id) {
  if (!analysis::is_valid_utf8(id))
    return error_response(ApiError{404, "document_not_found", "Document `" + id + "` not found."});
  std::vector<std::string> fields = requested_fields(request.param("fields"));
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(from_core(searcher.error()));
  auto document = (*searcher)->document(id);
  if (!document) {
    if (document.error().code == ErrorCode::not_found)
      return error_response(ApiError{404, "document_not_found", "Document `" + id + "` not found."});
    return error_response(from_core(document.error()));
  }
  return json_response(document_result_json(*document, fields));
}

HttpResponse Routes::index_description(bool listed) {
  auto searcher = pool_.acquire();
  Result<search::IndexStats> stats =
      searcher ? (*searcher)->stats() : Result<search::IndexStats>(searcher.error());
  if (!stats) return error_response(from_core(stats.error()));
  Json index;
  index["uid"] = config_.index_uid;
  index["primaryKey"] = "id";
  index["createdAt"] = utc_time_text(stats->created_unix);
  index["updatedAt"] = utc_time_text(stats->updated_unix);
  if (!listed) return json_response(index);
  Json out;
  out["results"] = Json::array({index});
  out["offset"] = 0;
  out["limit"] = 20;
  out["total"] = 1;
  return json_response(out);
}

HttpResponse Routes::stats() {
  auto searcher = pool_.acquire();
  Result<search::IndexStats> stats =
      searcher ? (*searcher)->stats() : Result<search::IndexStats>(searcher.error());
  if (!stats) return error_response(from_core(stats.error()));
  Json out;
  out["numberOfDocuments"] = stats->documents;
  out["isIndexing"] = false;
  out["fieldDistribution"] = Json::object();
  return json_response(out);
}

HttpResponse Routes::documents(const HttpRequest& request) {
  nlohmann::json options = nlohmann::json::object();
  if (request.method == "POST") {
    auto body = json_body(request);
    if (!body) return error_response(body.error());
    options = std::move(*body);
  } else {
    for (const auto& [name, value] : request.params) options[name] = value;
  }
  if (!options.is_object()) return error_response(bad("bad_request", "the body must be a JSON object"));
  auto number = [&](const char* name, int fallback, const char* code) -> ApiResult<int> {
    if (!options.contains(name)) return fallback;
    const auto& value = options[name];
    long long parsed = -1;
    if (value.is_number_integer()) parsed = value.get<long long>();
    if (value.is_string()) {  // GET parameters
      const std::string& text = value.get_ref<const std::string&>();
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (ec != std::errc() || end != text.data() + text.size() || text.empty()) parsed = -1;
    }
    if (parsed < 0 || parsed > kMaxTotalHits * 100)
      return bad(code, std::string("`") + name + "` must be a non-negative integer");
    return static_cast<int>(parsed);
  };
  auto offset = number("offset", 0, "invalid_document_offset");
  if (!offset) return error_response(offset.error());
  auto limit = number("limit", 20, "invalid_document_limit");
  if (!limit) return error_response(limit.error());
  SearchQuery query;
  if (options.contains("filter")) {
    auto filter = read_search_query({{"filter", options["filter"]}}, QueryKind::search);
    if (!filter) return error_response(bad("invalid_document_filter", filter.error().message));
    query.request.filter = std::move(filter->request.filter);
  }
  std::vector<std::string> fields;
  if (options.contains("fields") && options["fields"].is_array()) {
    for (const auto& field : options["fields"])
      if (field.is_string() && field.get<std::string>() != "*") fields.push_back(field.get<std::string>());
  } else if (options.contains("fields") && options["fields"].is_string()) {
    std::string list = options["fields"].get<std::string>();
    fields = requested_fields(&list);
  }
  query.offset = *offset;
  query.limit = std::min(*limit, kMaxTotalHits);
  query.retrieved = {"text"};
  query.request.sort = search::SortOrder::date_asc;
  auto core = core_request(query, config_, pool_.cross_language());
  if (!core) return error_response(core.error());
  core->snippets = false;
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(from_core(searcher.error()));
  auto response = (*searcher)->search(*core);
  if (!response) return error_response(from_core(response.error()));
  Json results = Json::array();
  for (const auto& hit : response->hits) results.push_back(document_result_json(hit.document, fields));
  Json out;
  out["results"] = std::move(results);
  out["offset"] = *offset;
  out["limit"] = *limit;
  out["total"] = response->total_hits;
  return json_response(out);
}

HttpResponse Routes::settings(const std::string& which) const {
  Json filterable = Json::array();
  for (const auto& field : index::facet_fields()) filterable.push_back(field.name);
  Json out;
  out["displayedAttributes"] = {"*"};
  out["searchableAttributes"] = {"title", "description", "keywords", "text"};
  out["filterableAttributes"] = filterable;
  out["sortableAttributes"] = {"date", "year"};
  out["typoTolerance"] = {{"enabled", true},
                          {"minWordSizeForTypos", {{"oneTypo", 5}, {"twoTypos", 9}}},
                          {"disableOnWords", Json::array()},
                          {"disableOnAttributes", Json::array()}};
  out["faceting"] = {{"maxValuesPerFacet", 100}, {"sortFacetValuesBy", {{"*", "count"}}}};
  out["pagination"] = {{"maxTotalHits", kMaxTotalHits}};
  if (which.empty()) return json_response(out);
  std::string key;  // "filterable-attributes" → "filterableAttributes"
  for (size_t i = 0; i < which.size(); ++i)
    key += which[i] == '-' && i + 1 < which.size() ? static_cast<char>(std::toupper(which[++i])) : which[i];
  if (!out.contains(key))
    return error_response(ApiError{404, "not_found", "Sonda has no setting `" + which + "`"});
  return json_response(out[key]);
}

HttpResponse Routes::version() const {
  Json out;
  out["commitSha"] = "unknown";
  out["commitDate"] = "unknown";
  out["pkgVersion"] = config_.version;
  return json_response(out);
}

}  // namespace sonda::server::meilisearch

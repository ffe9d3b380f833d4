// The read API's routes: /search, /documents/{id}, /suggest, /health, /metrics, and the demo page and widget.
// No sockets here.
#include "server/api.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/text_cleaner.h"
#include "search/request_key.h"
#include "server/cached_answer.h"
#include "server/export/export_routes.h"
#include "server/meilisearch/error.h"
#include "server/request_codec.h"
#include "server/response_codec.h"
#include "server/url_encoding.h"
#include "server/web_assets.h"

namespace sonda::server {
namespace {

HttpResponse json_response(std::string body) {
  HttpResponse response;
  response.body = std::move(body);
  return response;
}

// The demo page runs only its own script and styles, talks only to its own origin, and is never framed.
constexpr const char* kDemoPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

HttpResponse web_response(const WebAsset& asset) {
  HttpResponse response;
  response.content_type = std::string(asset.content_type);
  response.body = std::string(asset.body);
  response.headers.emplace_back("Cache-Control", "no-cache");
  if (asset.is_page) {
    response.headers.emplace_back("Content-Security-Policy", kDemoPagePolicy);
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
  }
  return response;
}

}  // namespace

HttpResponse Api::search(const HttpRequest& http) {
  Result<search::SearchRequest> request =
      http.method == "POST" ? search_request_from_json(http.body) : search_request_from_params(http);
  if (!request) return error_response(request.error());
  if (Status valid = search::validate(*request, config_.limits); !valid) return error_response(valid.error());
  if (request->cross_language && !pool_.cross_language())
    return error_response(400, "cross_language_unavailable",
                          "cross-language search needs Apertium's French-Spanish dictionaries "
                          "(Debian package apertium-fr-es), which this server could not load");
  std::string format = requested_format(http);
  if (format == "csv" || format == "ris") return export_records(pool_, *request, format, config_.max_export);
  if (format == "atom") {
    std::string base =
        "http://" + (http.headers.contains("host") ? http.headers.at("host") : std::string("localhost"));
    std::string query;
    for (const auto& [name, value] : http.params)
      query += (query.empty() ? "?" : "&") + percent_encode(name) + "=" + percent_encode(value);
    return atom_response(pool_, *request, base + "/search" + query, base);
  }
  if (format != "json")
    return error_response(400, "invalid_request",
                          "format must be one of " + std::string(kExportFormats) + ", not '" + format + "'");
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(searcher.error());
  return cached_answer(cache_, **searcher, "search|" + search::request_key(*request), TimeForm::fractional,
                       [&] {
                         auto response = (*searcher)->search(*request);
                         if (!response) return error_response(response.error());
                         return json_response(search_response_json(*response, request->q, files_));
                       });
}

HttpResponse Api::similar(const HttpRequest& http, const std::string& id) {
  Result<search::SearchRequest> request = search_request_from_params(http);
  if (!request) return error_response(request.error());
  if (Status valid = search::validate(*request, config_.limits); !valid) return error_response(valid.error());
  if (request->cross_language && !pool_.cross_language())
    return error_response(400, "cross_language_unavailable", "cross-language search is not available here");
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(searcher.error());
  std::string key = "similar|";
  search::KeyWriter(key).text(id);
  key += search::request_key(*request);
  return cached_answer(cache_, **searcher, key, TimeForm::fractional, [&] {
    auto response = (*searcher)->similar(id, *request);
    if (!response) return error_response(response.error());
    return json_response(search_response_json(*response, "", files_));
  });
}

Result<index::Document> Api::stored_document(const std::string& id) {
  if (id.empty() || !analysis::is_valid_utf8(id))
    return Error{ErrorCode::not_found, "no document with this id"};
  auto searcher = pool_.acquire();
  if (!searcher) return searcher.error();
  return (*searcher)->document(id);
}

HttpResponse Api::document(const std::string& id) {
  auto document = stored_document(id);
  if (!document) return error_response(document.error());
  return json_response(document_json(*document));
}

HttpResponse Api::original_file(const std::string& id) {
  auto document = stored_document(id);
  if (!document) return error_response(document.error());
  auto file = files_.find(*document);
  if (!file) return error_response(file.error());
  return file_response(*file);
}

HttpResponse Api::suggest(const HttpRequest& http) {
  const std::string* q = http.param("q");
  std::string typed = q ? *q : "";
  if (!analysis::is_valid_utf8(typed)) return error_response(400, "invalid_request", "q is not valid UTF-8");
  if (typed.size() > config_.limits.max_query_chars)
    return error_response(400, "invalid_request", "q is too long");
  auto searcher = pool_.acquire();
  if (!searcher) return error_response(searcher.error());
  auto completions = (*searcher)->complete(typed, config_.max_completions);
  if (!completions) return error_response(completions.error());
  return json_response(completions_json(typed, *completions));
}

HttpResponse Api::health(const HttpRequest& request) {
  auto searcher = pool_.acquire();
  Result<search::IndexStats> stats =
      searcher ? (*searcher)->stats() : Result<search::IndexStats>(searcher.error());
  if (request.headers.contains("x-meilisearch-client")) {  // meilisearch-js isHealthy() reads "available"
    if (!stats) return meilisearch::error_response(meilisearch::from_core(stats.error()));
    return json_response(R"({"status":"available"})");
  }
  if (!stats) {
    HttpResponse response = error_response(stats.error());
    nlohmann::ordered_json body = nlohmann::ordered_json::parse(response.body);
    body["status"] = stats.error().code == ErrorCode::corrupt ? "corrupt" : "unavailable";
    response.body = body.dump();
    return response;
  }
  nlohmann::ordered_json body;
  body["status"] = stats->unavailable_shards.empty() ? "ok" : "degraded";
  body["documents"] = stats->documents;
  body["revision"] = stats->revision;
  body["shards"] = stats->shards;
  if (!stats->unavailable_shards.empty()) body["unavailableShards"] = stats->unavailable_shards;
  return json_response(body.dump());
}

HttpResponse Api::metrics() {
  long long documents = -1;
  if (auto searcher = pool_.acquire())
    if (auto stats = (*searcher)->stats()) documents = stats->documents;
  HttpResponse response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics_.render(documents, cache_.stats());
  return response;
}

// The methods a known route answers ("" for a path that is no route).
std::string Api::allowed_methods(const std::string& path) const {
  if (meilisearch::Routes::owns(path)) return meilisearch_.allowed_methods(path);
  if (path == "/search") return "GET, HEAD, POST, OPTIONS";
  if (path.starts_with("/documents/") || path == "/suggest" || path == "/health" || path == "/metrics" ||
      find_web_asset(path))
    return "GET, HEAD, OPTIONS";
  return "";
}

HttpResponse Api::route(const HttpRequest& request, std::string& route_name) {
  const std::string& path = request.path;
  bool read = request.method == "GET" || request.method == "HEAD";
  std::string allowed = allowed_methods(path);
  if (!allowed.empty() && (", " + allowed + ",").find(", " + request.method + ",") == std::string::npos) {
    route_name = "other";
    std::string message = request.method + " is not allowed here; allowed: " + allowed;
    HttpResponse response = meilisearch::Routes::owns(path)
                                ? meilisearch::error_response({405, "method_not_allowed", message})
                                : error_response(405, "method_not_allowed", message);
    response.headers.emplace_back("Allow", allowed);
    return response;
  }
  if (request.method == "OPTIONS") {
    route_name = "preflight";
    HttpResponse response;
    response.status = 204;
    response.content_type.clear();
    return response;
  }
  if (auto refused = refuse_unauthorised(request)) {
    route_name = "unauthorised";
    return *refused;
  }
  if (meilisearch::Routes::owns(path)) {
    if (request.body.size() > config_.max_body_bytes)
      return meilisearch::error_response(
          {413, "payload_too_large", "the request body is larger than allowed"});
    return meilisearch_.handle(request, route_name);
  }
  if (path == "/search" && (read || request.method == "POST")) {
    route_name = "/search";
    if (request.body.size() > config_.max_body_bytes)
      return error_response(413, "payload_too_large", "the request body is larger than 64 KB");
    return search(request);
  }
  if (path.starts_with("/documents/") && path.ends_with("/similar") && path.size() > 19 && read) {
    route_name = "/documents/similar";
    return similar(request, path.substr(11, path.size() - 19));
  }
  if (path.starts_with("/documents/") && path.ends_with("/file") && path.size() > 16 && read) {
    route_name = "/documents/file";
    return original_file(path.substr(11, path.size() - 16));
  }
  if (path.starts_with("/documents/") && read) {
    route_name = "/documents";
    return document(path.substr(11));  // the HTTP layer has already decoded the path
  }
  if (read) {
    if (auto asset = find_web_asset(path)) {
      route_name = "web";
      return web_response(*asset);
    }
  }
  if (read && (path == "/suggest" || path == "/health" || path == "/metrics")) {
    route_name = path;
    if (path == "/suggest") return suggest(request);
    return path == "/health" ? health(request) : metrics();
  }
  route_name = "other";
  return error_response(404, "not_found", "no such route");
}

namespace {

// Equal strings, compared in time that depends on their lengths only.
bool same_secret(std::string_view given, std::string_view key) {
  unsigned char difference = given.size() == key.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ (key.empty() ? 0 : key[i % key.size()]));
  return difference == 0;
}

}  // namespace

std::optional<HttpResponse> Api::refuse_unauthorised(const HttpRequest& request) const {
  if (config_.api_key.empty() || request.path == "/health" || find_web_asset(request.path))
    return std::nullopt;
  bool meili = meilisearch::Routes::owns(request.path);
  auto header = request.headers.find("authorization");
  if (header == request.headers.end() || header->second.empty()) {
    std::string message = "the Authorization header is missing: send `Authorization: Bearer <API key>`";
    return meili ? meilisearch::error_response({401, "missing_authorization_header", message})
                 : error_response(401, "missing_authorization_header", message);
  }
  std::string_view given = header->second;
  if (given.starts_with("Bearer ")) given.remove_prefix(7);
  if (same_secret(given, config_.api_key)) return std::nullopt;
  std::string message = "the API key is invalid";
  return meili ? meilisearch::error_response({403, "invalid_api_key", message})
               : error_response(403, "invalid_api_key", message);
}

void Api::add_headers(HttpResponse& response) const {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (!config_.allowed_origin.empty()) {
    response.headers.emplace_back("Access-Control-Allow-Origin", config_.allowed_origin);
    response.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.headers.emplace_back("Access-Control-Allow-Headers",
                                  "Authorization, Content-Type, X-Meilisearch-Client");
    response.headers.emplace_back("Access-Control-Max-Age", "600");
  }
}

HttpResponse Api::transport_error(const std::string& path, int status, const std::string& code,
                                  const std::string& message) const {
  HttpResponse response = meilisearch::Routes::owns(path)
                              ? meilisearch::error_response({status, code, message})
                              : error_response(status, code, message);
  add_headers(response);
  return response;
}

HttpResponse Api::handle(const HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  std::string route_name;
  HttpResponse response = route(request, route_name);
  add_headers(response);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  metrics_.record(route_name, response.status, ms);
  char line[64];
  std::snprintf(line, sizeof line, " %d %.2fms\n", response.status, ms);
  std::lock_guard lock(log_mutex_);
  access_log_ << request.method << ' '
              << (analysis::is_valid_utf8(request.path) ? request.path : "(invalid path)") << line
              << std::flush;
  return response;
}

}  // namespace sonda::server

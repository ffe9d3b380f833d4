// The read API's routes: /search, /documents/{id}, /suggest, /health, /metrics, and the demo page and widget.
// No sockets here.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "search/search_request.h"
#include "search/searcher_pool.h"
#include "server/http_types.h"
#include "server/meilisearch/routes.h"
#include "server/metrics.h"
#include "server/response_cache.h"
#include "server/source_files.h"

namespace sonda::server {

// Settings the handlers need.
struct ApiConfig {
  search::RequestLimits limits;
  std::string allowed_origin = "*";  // CORS; empty disables the header
  size_t max_body_bytes = 64 * 1024;
  size_t max_completions = 10;
  size_t max_export = 10000;  // documents in one CSV or RIS export
  std::string
      api_key;  // when set, every read route but /health and the pages needs `Authorization: Bearer KEY`
  meilisearch::MeilisearchConfig meilisearch;
  std::vector<std::filesystem::path>
      file_folders;               // --files: where documents' original files are served from
  size_t cache_bytes = 64 << 20;  // --cache-mb: answers kept for repeated searches (0: none)
};

// Routes requests to the search core and maps results to HTTP. Thread-safe: the pool and metrics are.
class Api {
 public:
  Api(search::SearcherPool& pool, Metrics& metrics, ApiConfig config, std::ostream& access_log)
      : pool_(pool),
        metrics_(metrics),
        config_(std::move(config)),
        cache_(config_.cache_bytes),
        meilisearch_(pool, cache_, config_.meilisearch),
        files_(config_.file_folders),
        access_log_(access_log) {}

  // Answers one request: routing, CORS and security headers, metrics and one access-log line.
  HttpResponse handle(const HttpRequest& request);

  // An error the HTTP layer answers before any route runs (bad framing, a body too large, overload), in
  // the form of the protocol `path` belongs to, with the same CORS and security headers.
  HttpResponse transport_error(const std::string& path, int status, const std::string& code,
                               const std::string& message) const;

 private:
  HttpResponse route(const HttpRequest& request, std::string& route_name);
  std::string allowed_methods(const std::string& path) const;
  HttpResponse search(const HttpRequest& request);
  // The stored document `id` (not_found for an empty or malformed id).
  Result<index::Document> stored_document(const std::string& id);
  HttpResponse document(const std::string& id);
  HttpResponse original_file(const std::string& id);
  HttpResponse similar(const HttpRequest& request, const std::string& id);
  HttpResponse suggest(const HttpRequest& request);
  // Sonda's health, or Meilisearch's ({"status": "available"}) for a Meilisearch client
  // (X-Meilisearch-Client).
  HttpResponse health(const HttpRequest& request);
  HttpResponse metrics();
  void add_headers(HttpResponse& response) const;
  // The 401/403 answer when the request lacks the API key; nullopt when it may go on.
  std::optional<HttpResponse> refuse_unauthorised(const HttpRequest& request) const;

  search::SearcherPool& pool_;
  Metrics& metrics_;
  ApiConfig config_;
  ResponseCache cache_;
  meilisearch::Routes meilisearch_;
  SourceFiles files_;
  std::ostream& access_log_;
  std::mutex log_mutex_;
};

}  // namespace sonda::server

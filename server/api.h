// The read API's routes: /search, /documents/{id}, /suggest, /health, /metrics, and the demo page and widget.
// No sockets here.
#pragma once

#include <ostream>
#include <string>

#include "search/search_request.h"
#include "search/searcher_pool.h"
#include "server/http_types.h"
#include "server/metrics.h"

namespace sonda::server {

// Settings the handlers need.
struct ApiConfig {
  search::RequestLimits limits;
  std::string allowed_origin = "*";  // CORS; empty disables the header
  size_t max_body_bytes = 64 * 1024;
  size_t max_completions = 10;
};

// Routes requests to the search core and maps results to HTTP. Thread-safe: the pool and metrics are.
class Api {
 public:
  Api(search::SearcherPool& pool, Metrics& metrics, ApiConfig config, std::ostream& access_log)
      : pool_(pool), metrics_(metrics), config_(std::move(config)), access_log_(access_log) {}

  // Answers one request: routing, CORS and security headers, metrics and one access-log line.
  HttpResponse handle(const HttpRequest& request);

 private:
  HttpResponse route(const HttpRequest& request, std::string& route_name);
  std::string allowed_methods(const std::string& path) const;
  HttpResponse search(const HttpRequest& request);
  HttpResponse document(const std::string& id);
  HttpResponse suggest(const HttpRequest& request);
  HttpResponse health();
  HttpResponse metrics();
  void add_headers(HttpResponse& response) const;

  search::SearcherPool& pool_;
  Metrics& metrics_;
  ApiConfig config_;
  std::ostream& access_log_;
  std::mutex log_mutex_;
};

}  // namespace sonda::server

// The read part of Meilisearch's API, over the one index: multi-search, search, facet-search, documents,
// index description, settings and version. No sockets here.
#pragma once

#include <string>

#include "search/search_request.h"
#include "search/searcher_pool.h"
#include "server/http_types.h"
#include "server/response_cache.h"

namespace sonda::server::meilisearch {

// What the routes need to know.
struct MeilisearchConfig {
  std::string index_uid = "documents";
  std::string version = "0.0.0";  // Sonda's, answered by /version
  search::RequestLimits limits;   // max_query_chars applies; hits are bounded by kMaxTotalHits
  // The language of facet values in hits and facet counts alike, unless a query says (`hl`, else `lang`):
  // a refinement list's values are then the values its hits show.
  std::string labels_lang = "fr";
};

// Answers Meilisearch's routes with Meilisearch's JSON and errors. Thread-safe (the pool and cache are).
class Routes {
 public:
  // Searches are answered from `cache` when it holds them; it must outlive the routes.
  Routes(search::SearcherPool& pool, ResponseCache& cache, MeilisearchConfig config);

  // True when `path` is one of Meilisearch's routes (its errors then take Meilisearch's form).
  static bool owns(const std::string& path);

  // The methods `path` answers ("" when none).
  std::string allowed_methods(const std::string& path) const;

  // Answers one request for an owned path; `route_name` gets the route's name for metrics.
  HttpResponse handle(const HttpRequest& request, std::string& route_name);

 private:
  HttpResponse multi_search(const HttpRequest& request);
  HttpResponse index_search(const HttpRequest& request);
  HttpResponse facet_search(const HttpRequest& request);
  HttpResponse document(const HttpRequest& request, const std::string& id);
  HttpResponse index_description(bool listed);
  HttpResponse documents(const HttpRequest& request);
  HttpResponse settings(const std::string& which) const;  // "" (all) or one, as "filterable-attributes"
  HttpResponse version() const;
  HttpResponse stats();

  search::SearcherPool& pool_;
  ResponseCache& cache_;
  MeilisearchConfig config_;
};

}  // namespace sonda::server::meilisearch

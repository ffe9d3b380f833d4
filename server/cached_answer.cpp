// Serving a search's JSON answer through the response cache.
#include "server/cached_answer.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace sonda::server {
namespace {

std::string time_text(std::chrono::steady_clock::time_point started, TimeForm form) {
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  char text[32];
  if (form == TimeForm::whole)
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(std::llround(ms)));
  else
    std::snprintf(text, sizeof text, "%.3f", ms);
  return text;
}

}  // namespace

HttpResponse cached_answer(ResponseCache& cache, search::Searcher& searcher, const std::string& key,
                           TimeForm form, const std::function<HttpResponse()>& compute) {
  if (!cache.enabled()) return compute();
  auto started = std::chrono::steady_clock::now();
  std::string version = searcher.version();
  if (auto body = cache.find(version, key, time_text(started, form))) {
    HttpResponse response;
    response.body = std::move(*body);
    response.headers.emplace_back("X-Sonda-Cache", "hit");
    return response;
  }
  HttpResponse response = compute();
  if (response.status == 200 && !response.stream && searcher.version() == version)
    cache.store(version, key, response.body);
  response.headers.emplace_back("X-Sonda-Cache", "miss");
  return response;
}

}  // namespace sonda::server

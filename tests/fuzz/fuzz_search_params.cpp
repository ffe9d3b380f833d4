// libFuzzer target: /search parameter handling — the input as a query string (GET) and as a JSON body (POST),
// then validation against the default limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "search/search_request.h"
#include "server/request_codec.h"

namespace {

// "a=1&b=2" → parameters, as the HTTP layer hands them over (already decoded).
sonda::server::HttpRequest as_get(std::string_view query) {
  sonda::server::HttpRequest request;
  request.method = "GET";
  request.path = "/search";
  while (!query.empty()) {
    size_t end = query.find('&');
    std::string_view pair = query.substr(0, end);
    size_t equals = pair.find('=');
    request.params.emplace_back(std::string(pair.substr(0, equals)),
                                equals == std::string_view::npos ? "" : std::string(pair.substr(equals + 1)));
    if (end == std::string_view::npos) break;
    query.remove_prefix(end + 1);
  }
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  sonda::search::RequestLimits limits;
  if (auto request = sonda::server::search_request_from_params(as_get(text)))
    (void)sonda::search::validate(*request, limits);
  if (auto request = sonda::server::search_request_from_json(text))
    (void)sonda::search::validate(*request, limits);
  return 0;
}

// Serving a search's JSON answer through the response cache.
#pragma once

#include <functional>
#include <string>

#include "search/searcher.h"
#include "server/http_types.h"
#include "server/response_cache.h"

namespace sonda::server {

// How a protocol writes its processing time.
enum class TimeForm {
  fractional,  // milliseconds to the microsecond (Sonda's own API)
  whole,       // whole milliseconds (Meilisearch's)
};

// The answer `compute` gives to the request whose canonical form is `key`, taken from `cache` when it holds
// it for the index state `searcher` serves. A 200 answer computed while that state held is stored. With
// the cache on, the answer says `X-Sonda-Cache: hit` or `miss`.
HttpResponse cached_answer(ResponseCache& cache, search::Searcher& searcher, const std::string& key,
                           TimeForm form, const std::function<HttpResponse()>& compute);

}  // namespace sonda::server

// Reads a SearchRequest from query parameters (GET) or a JSON body (POST).
#pragma once

#include <string>

#include "search/search_request.h"
#include "server/http_types.h"
#include "util/result.h"

namespace sonda::server {

// The SearchRequest a GET /search carries; malformed numbers and values are invalid_argument.
Result<search::SearchRequest> search_request_from_params(const HttpRequest& request);

// The SearchRequest a POST /search carries as JSON, with the same field names as GET.
Result<search::SearchRequest> search_request_from_json(const std::string& body);

}  // namespace sonda::server

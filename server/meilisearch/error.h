// Meilisearch's error answers: a status, a code, a type and a documentation link.
#pragma once

#include <string>

#include "server/http_types.h"
#include "util/result.h"

namespace sonda::server::meilisearch {

// One error as Meilisearch reports it ("invalid_search_filter", 400).
struct ApiError {
  int status = 400;
  std::string code;
  std::string message;
};

template <typename T>
using ApiResult = Result<T, ApiError>;

// A 400 invalid_request error with `code`.
ApiError bad(std::string code, std::string message);

// The ApiError for a core error: invalid input is `code` (400), a missing document 404
// `document_not_found`, an index that cannot be read 503.
ApiError from_core(const Error& error, const std::string& code = "bad_request");

// {"message", "code", "type", "link"} with the error's status.
HttpResponse error_response(const ApiError& error);

}  // namespace sonda::server::meilisearch

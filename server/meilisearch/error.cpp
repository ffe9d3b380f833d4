// Meilisearch's error answers: a status, a code, a type and a documentation link.
#include "server/meilisearch/error.h"

#include <nlohmann/json.hpp>

namespace sonda::server::meilisearch {
namespace {

std::string error_type(const ApiError& error) {
  if (error.status == 401 || error.status == 403) return "auth";
  if (error.status >= 500) return "system";
  return "invalid_request";
}

}  // namespace

ApiError bad(std::string code, std::string message) {
  return ApiError{400, std::move(code), std::move(message)};
}

ApiError from_core(const Error& error, const std::string& code) {
  switch (error.code) {
    case ErrorCode::invalid_argument: return bad(code, error.message);
    case ErrorCode::not_found: return ApiError{404, "document_not_found", error.message};
    case ErrorCode::too_large: return ApiError{413, "payload_too_large", error.message};
    case ErrorCode::corrupt:
      return ApiError{503, "index_corrupt", "the index is damaged; rebuild it with sonda-index --full"};
    case ErrorCode::unavailable:
    case ErrorCode::locked:
      return ApiError{503, "index_unavailable", "the index is not available yet; try again shortly"};
    default: return ApiError{503, "search_unavailable", "the search could not be completed; try again"};
  }
}

HttpResponse error_response(const ApiError& error) {
  nlohmann::ordered_json body;
  body["message"] = error.message;
  body["code"] = error.code;
  body["type"] = error_type(error);
  body["link"] = "https://docs.meilisearch.com/errors#" + error.code;
  HttpResponse response;
  response.status = error.status;
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

}  // namespace sonda::server::meilisearch

// JSON for the API's answers: search responses, documents, completions, errors.
#pragma once

#include <string>
#include <vector>

#include "index/document.h"
#include "search/search_response.h"
#include "server/http_types.h"
#include "server/source_files.h"
#include "util/result.h"

namespace sonda::server {

// The native answer to `q`; with served `files`, each hit that has an original file links it (`file`).
std::string search_response_json(const search::SearchResponse& response, const std::string& q,
                                 const SourceFiles& files);

// A document with all its metadata and text, for GET /documents/{id}.
std::string document_json(const index::Document& document);

std::string completions_json(const std::string& q, const std::vector<std::string>& completions);

// The error response for `error`: its HTTP status and {"error": {"code", "message"}}. Server-side
// failures get a generic message, never the internal one.
HttpResponse error_response(const Error& error);

// An error response with an explicit status, code and message.
HttpResponse error_response(int status, const std::string& code, const std::string& message);

}  // namespace sonda::server

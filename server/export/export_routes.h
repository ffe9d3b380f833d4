// The /search answers for researchers: a CSV or RIS export of every match (streamed, bounded) and an Atom
// feed of the newest ones. Encoders over the core's search; no sockets here.
#pragma once

#include <string>

#include "search/search_request.h"
#include "search/searcher_pool.h"
#include "server/http_types.h"

namespace sonda::server {

// The formats /search answers in besides JSON.
inline constexpr const char* kExportFormats = "json, csv, ris, atom";

// The `format` a /search request asks for ("json" when none): a query parameter, or a field of a POST body.
std::string requested_format(const HttpRequest& request);

// Every match of `request` (at most `max_export`) as CSV or RIS, streamed: the bound and the number of
// matches in headers (Sonda-Export-Limit, Sonda-Total-Hits) and, when the bound cut the list, in a last
// line or record.
HttpResponse export_records(search::SearcherPool& pool, search::SearchRequest request,
                            const std::string& format, size_t max_export);

// The newest 50 matches of `request` (date order) as an Atom feed whose self link is `self_url`.
HttpResponse atom_response(search::SearcherPool& pool, search::SearchRequest request,
                           const std::string& self_url, const std::string& base_url);

}  // namespace sonda::server

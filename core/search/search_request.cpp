// Validation of search requests against the schema and the configured limits.
#include "search/search_request.h"

#include <unicode/utf8.h>

#include "analysis/text_cleaner.h"
#include "index/schema.h"

namespace sonda::search {
namespace {

Error invalid(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace

Status validate(const SearchRequest& request, const RequestLimits& limits) {
  if (!analysis::is_valid_utf8(request.q)) return invalid("q is not valid UTF-8");
  if (code_points(request.q) > limits.max_query_chars)
    return invalid("q is longer than " + std::to_string(limits.max_query_chars) + " characters");
  if (!request.lang.empty() && request.lang != "any" && request.lang != "fr" && request.lang != "es")
    return invalid("lang must be fr, es or any");
  if (!request.query_lang.empty() && request.query_lang != "fr" && request.query_lang != "es")
    return invalid("queryLang must be fr or es");
  if (!request.labels_lang.empty() && request.labels_lang != "fr" && request.labels_lang != "es")
    return invalid("hl must be fr or es");
  if (request.page < 1 || request.page > limits.max_page)
    return invalid("page must be between 1 and " + std::to_string(limits.max_page));
  if (request.hits_per_page < 0 || request.hits_per_page > limits.max_hits_per_page)
    return invalid("hitsPerPage must be between 0 and " + std::to_string(limits.max_hits_per_page));
  if (request.passages < 1 || request.passages > 5) return invalid("passages must be between 1 and 5");
  if (request.max_values_per_facet < 1 || request.max_values_per_facet > 1000)
    return invalid("maxValuesPerFacet must be between 1 and 1000");
  if (request.offset && (*request.offset < 0 || *request.offset > limits.max_offset))
    return invalid("offset must be between 0 and " + std::to_string(limits.max_offset));
  if (Status filter = validate_filter(request.filter); !filter) return filter;
  for (const auto& facet : request.facets)
    if (!index::find_facet(facet)) return invalid("unknown facet '" + facet + "'");
  if (request.year_from && request.year_to && *request.year_from > *request.year_to)
    return invalid("from is after to");
  return Status::success();
}

}  // namespace sonda::search

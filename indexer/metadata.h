// Metadata fields shared by every input format (front matter, JSON Lines), applied to a Document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "index/document.h"
#include "util/result.h"

namespace sonda::indexer {

// Sets the Document field named `key` ("title", "description"/"summary", "keywords"/"tags", "author",
// "lang", "date", "year", "country"/"countries", "region(s)", "organisation(s)"/"organization(s)",
// "topic(s)", "type"/"doc_type", "url", "id") from `values`, replacing what an earlier source of
// metadata set. Unknown keys are ignored; a malformed value (a year that is not a number) is an error.
Status apply_metadata(index::Document& document, std::string_view key,
                      const std::vector<std::string>& values);

}  // namespace sonda::indexer

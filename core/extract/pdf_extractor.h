// PDF files (poppler-cpp): text page by page, and title, author, subject, keywords and dates from the info.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::extract {

// Extracts a PDF's text in reading order, pages separated by a blank line (no phrase spans two pages),
// plus "title", "author", "description" (Subject), "keywords" and "date" (creation, else modification)
// from the document information. Corrupt, encrypted and text-less PDFs are errors saying which.
Result<Extracted> extract_pdf(std::string_view bytes, const ExtractLimits& limits);

}  // namespace sonda::extract

// Word (.docx, Office Open XML) and OpenDocument (.odt) files: body text and document properties.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::extract {

// Extracts a .docx: paragraphs of word/document.xml, and title, author, description, keywords, lang and
// date from docProps/core.xml. A file that is not a zip, a zip bomb and a zip without the body part
// are errors saying which.
Result<Extracted> extract_docx(std::string_view bytes, const ExtractLimits& limits);

// Extracts an .odt: paragraphs and headings of content.xml, and the same properties from meta.xml.
Result<Extracted> extract_odt(std::string_view bytes, const ExtractLimits& limits);

}  // namespace sonda::extract

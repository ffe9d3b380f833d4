// Plain text and Markdown files: encoding detection, front matter, title from the first heading.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::extract {

// Extracts a .txt or .md file's bytes: decodes UTF-8/UTF-16/Windows-1252, splits off front matter and
// takes the first "# Heading" as title when the front matter names none. Binary content, an empty
// file and malformed front matter are errors.
Result<Extracted> extract_text(std::string_view bytes);

}  // namespace sonda::extract

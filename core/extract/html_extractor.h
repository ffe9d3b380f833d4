// HTML pages (libxml2's HTML parser): visible body text, title, language, description and keywords.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::extract {

// Extracts the text of an HTML page without script, style, navigation, header, footer, aside and forms;
// title from <title> or the first <h1>; "lang" from <html lang>; "description", "keywords", "author"
// and "date" from <meta>. Block elements end lines, so words of two paragraphs never run together.
Result<Extracted> extract_html(std::string_view bytes);

}  // namespace sonda::extract

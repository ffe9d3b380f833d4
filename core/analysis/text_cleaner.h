// Ingestion clean-up: any bytes → valid NFC UTF-8 with ligatures, soft hyphens and line-end hyphens undone.
#pragma once

#include <string>
#include <string_view>

namespace sonda::analysis {

// Returns valid UTF-8 in NFC: invalid sequences become U+FFFD, control characters become spaces,
// soft hyphens are removed, ligatures (U+FB00–FB06) expanded, and a word split by a hyphen at a
// line end ("dévelop-\npement") rejoined. Never throws on any input.
std::string clean_text(std::string_view raw);

// Layout whitespace collapsed, as text reads: runs of spaces and tabs become one space, lines lose their
// leading and trailing spaces, and blank lines (however many, whatever spaces they hold) become one
// paragraph break. Words and their order are untouched.
std::string collapse_layout(std::string_view text);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

}  // namespace sonda::analysis

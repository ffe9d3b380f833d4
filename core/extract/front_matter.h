// Front matter: an optional "---" block of "key: value" lines at the top of a text or Markdown file.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace sonda::extract {

// The block's fields in order (a "[a, b]" value is a list) and the body that follows it.
struct FrontMatter {
  std::vector<std::pair<std::string, std::vector<std::string>>> fields;
  std::string_view body;
};

// Splits `text` into front matter and body. Text without a leading "---" line is all body.
// An unclosed block or a line that is not "key: value" is an error naming the line.
Result<FrontMatter> parse_front_matter(std::string_view text);

}  // namespace sonda::extract

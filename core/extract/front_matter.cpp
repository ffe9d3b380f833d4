// Front matter: an optional "---" block of "key: value" lines at the top of a text or Markdown file.
#include "extract/front_matter.h"

#include "util/strings.h"

namespace sonda::extract {
namespace {

std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

Result<std::vector<std::string>> parse_value(std::string_view value, size_t line_number) {
  value = trim(value);
  if (!value.starts_with('[')) return std::vector<std::string>{unquote(value)};
  if (!value.ends_with(']'))
    return Error{ErrorCode::invalid_argument,
                 "line " + std::to_string(line_number) + ": list not closed with ']'"};
  value = value.substr(1, value.size() - 2);
  std::vector<std::string> items;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string item = unquote(value.substr(0, comma));
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return items;
}

bool is_fence(std::string_view line) {
  return trim(line) == "---";
}

}  // namespace

Result<FrontMatter> parse_front_matter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  FrontMatter out;
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !is_fence(text.substr(0, first_end))) {
    out.body = text;
    return out;
  }
  size_t position = first_end + 1;
  for (size_t line_number = 2;; ++line_number) {
    if (position >= text.size())
      return Error{ErrorCode::invalid_argument, "front matter opened on line 1 is never closed with '---'"};
    size_t end = text.find('\n', position);
    std::string_view line = text.substr(position, end == std::string_view::npos ? end : end - position);
    position = end == std::string_view::npos ? text.size() : end + 1;
    if (is_fence(line)) break;
    if (trim(line).empty() || trim(line).starts_with('#')) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || trim(line.substr(0, colon)).empty())
      return Error{ErrorCode::invalid_argument,
                   "line " + std::to_string(line_number) + ": expected 'key: value'"};
    auto values = parse_value(line.substr(colon + 1), line_number);
    if (!values) return values.error();
    out.fields.emplace_back(std::string(trim(line.substr(0, colon))), std::move(*values));
  }
  out.body = text.substr(position);
  return out;
}

}  // namespace sonda::extract

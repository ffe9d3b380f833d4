// Plain text and Markdown files: encoding detection, front matter, title from the first heading.
#include "extract/text_extractor.h"

#include "analysis/encoding.h"
#include "extract/front_matter.h"
#include "util/strings.h"

namespace sonda::extract {
namespace {

// The first Markdown heading ("# Title") when it is the first non-blank line.
std::string first_heading(std::string_view body) {
  size_t position = 0;
  while (position < body.size()) {
    size_t end = body.find('\n', position);
    std::string_view line = trim(body.substr(position, end == std::string_view::npos ? end : end - position));
    if (line.starts_with("# ")) return std::string(trim(line.substr(2)));
    if (!line.empty()) return {};
    if (end == std::string_view::npos) break;
    position = end + 1;
  }
  return {};
}

bool has_field(const MetadataFields& fields, std::string_view key) {
  for (const auto& [name, values] : fields)
    if (name == key && !values.empty()) return true;
  return false;
}

}  // namespace

void add_field(MetadataFields& fields, std::string key, std::string value) {
  std::string_view trimmed = trim(value);
  if (!trimmed.empty()) fields.emplace_back(std::move(key), std::vector<std::string>{std::string(trimmed)});
}

Result<Extracted> extract_text(std::string_view bytes) {
  if (trim(bytes).empty()) return Error{ErrorCode::invalid_argument, "empty file"};
  auto decoded = analysis::decode_text(bytes);
  if (!decoded) return decoded.error();
  auto front_matter = parse_front_matter(decoded->text);
  if (!front_matter)
    return Error{ErrorCode::invalid_argument, "malformed front matter: " + front_matter.error().message};
  Extracted out;
  out.fields = std::move(front_matter->fields);
  out.body = std::string(front_matter->body);
  if (!has_field(out.fields, "title")) add_field(out.fields, "title", first_heading(out.body));
  if (decoded->encoding != "UTF-8") add_field(out.fields, "encoding", decoded->encoding);
  return out;
}

}  // namespace sonda::extract

// What extraction takes out of one file: body text, metadata fields and warnings.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sonda::extract {

// Metadata fields in the order found: ("title", {"…"}), ("lang", {"fr"}), ("keywords", {"a", "b"})…
// Keys are those of front matter and sidecars; formats map their own names onto them.
using MetadataFields = std::vector<std::pair<std::string, std::vector<std::string>>>;

// A section of a long HTML page: where its text begins in the body, the id a link can point at ("" when
// it has none) and its heading.
struct Section {
  size_t start = 0;
  std::string anchor;
  std::string heading;
};

// The text and metadata of one file.
struct Extracted {
  std::string body;
  MetadataFields fields;
  std::vector<std::string> warnings;  // the file was indexed, but not all of it (truncated…)
  std::vector<size_t> page_starts;    // PDF: the byte offset in `body` where each page begins; else empty
  std::vector<Section> sections;      // HTML with two sections or more, in order; else empty
};

// Bounds on what one file may cost.
struct ExtractLimits {
  size_t max_text_bytes = 64u << 20;       // text kept per document; the rest is dropped with a warning
  size_t max_unzipped_bytes = 256u << 20;  // decompressed bytes read from one DOCX/ODT part
};

// Appends (key, {value}) to `fields` when `value` is not empty.
void add_field(MetadataFields& fields, std::string key, std::string value);

}  // namespace sonda::extract

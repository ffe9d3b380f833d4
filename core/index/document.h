// A document as Sonda indexes it: text, language and the metadata facets are drawn from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sonda::index {

class PackedBody;

// A section of a document (long HTML): where it begins in `body`, the anchor a link can point at ("" when
// none) and its heading.
struct DocumentSection {
  uint32_t start = 0;
  std::string anchor;
  std::string heading;
  bool operator==(const DocumentSection&) const = default;
};

// One indexable document. Facet fields are multi-valued where a document can name several.
struct Document {
  std::string id;  // unique; re-indexing the same id replaces the document
  std::string title;
  std::string description;            // a summary from the file's metadata; indexed like the body
  std::vector<std::string> keywords;  // from the file's metadata; indexed like the body
  std::string author;
  std::string body;
  std::string lang;  // "fr", "es", another code, or empty when unknown
  std::string date;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when unknown
  std::optional<int> year;
  std::vector<std::string> countries;
  std::vector<std::string> regions;
  std::vector<std::string> organisations;
  std::vector<std::string> topics;
  std::string type;    // document type: "country page", "report", "law"…
  std::string format;  // source format: "md", "txt", "jsonl", "html", "pdf"…
  std::string source;  // source path, relative to the indexed folder
  std::string url;
  // The byte offset in `body` where each page begins (PDFs), so a hit can say on which page it stands;
  // empty for documents without pages.
  std::vector<uint32_t> page_starts;
  // Its sections (HTML pages with headings), in order, so a hit can say in which one it stands; else empty.
  std::vector<DocumentSection> sections;
  // A long body as stored, still packed (read with BodyReading::deferred; `body` is empty then).
  std::shared_ptr<const PackedBody> packed_body;
};

}  // namespace sonda::index

// The original files of indexed documents, served from the folders they were indexed from (--files).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "index/document.h"
#include "server/http_types.h"
#include "util/result.h"

namespace sonda::server {

// A document's original file, found and ready to be streamed.
struct SourceFile {
  std::filesystem::path path;
  std::string content_type;
  std::string filename;    // the file's own name, for Content-Disposition
  bool sandboxed = false;  // a page that could run scripts: served under `Content-Security-Policy: sandbox`
};

// Finds documents' original files under the folders given to sonda-serve, never outside them.
class SourceFiles {
 public:
  explicit SourceFiles(std::vector<std::filesystem::path> roots);

  // Whether any folder is served.
  bool enabled() const { return !roots_.empty(); }

  // Whether `document` has an original file of its own (a JSON Lines record has none).
  bool has_file(const index::Document& document) const;

  // The original file of `document`: the first folder holding its source path as a regular file, the
  // resolved path inside that folder; not_found otherwise (none served, a record, moved away, outside).
  Result<SourceFile> find(const index::Document& document) const;

 private:
  std::vector<std::filesystem::path> roots_;  // canonical
};

// The response streaming `file` (64 KiB at a time) with its type, its name and, for a page, a sandbox.
HttpResponse file_response(const SourceFile& file);

// The route that serves `id`'s original file, percent-encoded: /documents/{id}/file.
std::string source_file_route(const std::string& id);

}  // namespace sonda::server

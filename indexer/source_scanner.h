// Lists the source files under the paths given to sonda-index, with the stamps that tell changes cheaply.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/format.h"
#include "util/result.h"

namespace sonda::indexer {

// One file to index and what the scanner learned without reading it.
struct SourceFile {
  std::filesystem::path absolute;
  std::string root;      // the folder given (absolute, normalised); for a single file, its folder
  std::string relative;  // path below root with '/' separators: the document id and `source`
  extract::Format format = extract::Format::unsupported;
  uint64_t size = 0;
  std::string stamp;                             // "size:mtime_ns", plus the sidecar's, when there is one
  std::optional<std::filesystem::path> sidecar;  // NAME.meta.json (or NAME-without-extension.meta.json)
};

// What one scan found.
struct Scan {
  std::vector<SourceFile> files;          // sorted by root, then relative path
  std::vector<std::string> folder_roots;  // roots given as folders: their files can be gone
  std::vector<std::pair<std::string, std::string>> problems;  // (path, reason): loops, unreadable folders…
  size_t unsupported = 0;                                     // files with an extension Sonda does not read
};

// Scans `paths` (folders recursively, or single files). Symbolic links to files are followed, links to
// folders are not (so no loop can trap the scan); broken links, link loops and special files are
// problems. A path that does not exist is ErrorCode::not_found.
Result<Scan> scan_sources(const std::vector<std::filesystem::path>& paths);

// True for sidecar files ("report.pdf.meta.json"), which describe another file and are not sources.
bool is_sidecar(const std::filesystem::path& file);

// The stamp of a file: "size:mtime_ns", or empty when it cannot be stat'ed.
std::string file_stamp(const std::filesystem::path& file);

}  // namespace sonda::indexer

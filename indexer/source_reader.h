// Reads a source file (and its sidecar) once: the bytes extraction needs, and a hash of all of them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "indexer/source_scanner.h"
#include "util/result.h"

namespace sonda::indexer {

// A source file's bytes, at most the limit asked, and the hash of the whole file plus its sidecar.
struct SourceBytes {
  std::string head;     // the first `max_bytes` bytes (the whole file when it fits)
  std::string sidecar;  // the sidecar's bytes, or empty
  uint64_t content_hash = 0;
  bool truncated = false;  // the file is longer than `head`
};

// Reads `source`: keeps at most `max_bytes` in memory but hashes every byte (so memory stays bounded
// for a 200 MB file). A file gone since the scan or unreadable is ErrorCode::io_error with the reason.
Result<SourceBytes> read_source(const SourceFile& source, size_t max_bytes);

// Hashes a file and its sidecar without keeping their bytes (for JSON Lines files, read in chunks later).
Result<uint64_t> hash_source(const SourceFile& source);

}  // namespace sonda::indexer

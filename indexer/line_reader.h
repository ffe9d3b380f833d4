// Reads a text file line by line, transparently gunzipping files compressed with gzip.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>

#include "util/result.h"

namespace sonda::indexer {

// A line reader over a plain or gzip-compressed file (zlib detects which).
class LineReader {
 public:
  // Opens `path`; lines longer than `max_line_bytes` are cut there (see last_line_cut).
  static Result<LineReader> open(const std::string& path, size_t max_line_bytes = 64u << 20);
  LineReader(LineReader&& other) noexcept : file_(other.file_), max_line_bytes_(other.max_line_bytes_) {
    other.file_ = nullptr;
  }
  LineReader& operator=(LineReader&&) = delete;
  ~LineReader();

  // Reads the next line without its '\n'; false at the end of the file.
  bool next(std::string& line);

  // True when the line next() returned last was longer than the limit (the rest was skipped).
  bool last_line_cut() const { return last_line_cut_; }

  // True when the file ended in a read or decompression error rather than cleanly.
  bool failed() const;

  // Bytes of the file (compressed, for gzip) consumed so far.
  uint64_t offset() const;

 private:
  LineReader(gzFile file, size_t max_line_bytes) : file_(file), max_line_bytes_(max_line_bytes) {}
  gzFile file_;
  size_t max_line_bytes_;
  bool last_line_cut_ = false;
};

}  // namespace sonda::indexer

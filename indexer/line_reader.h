// Reads a text file line by line, transparently gunzipping files compressed with gzip.
#pragma once

#include <zlib.h>

#include <string>

#include "util/result.h"

namespace sonda::indexer {

// A line reader over a plain or gzip-compressed file (zlib detects which).
class LineReader {
 public:
  static Result<LineReader> open(const std::string& path);
  LineReader(LineReader&& other) noexcept : file_(other.file_) { other.file_ = nullptr; }
  LineReader& operator=(LineReader&&) = delete;
  ~LineReader();

  // Reads the next line without its '\n'; false at the end of the file.
  bool next(std::string& line);

  // True when the file ended in a read or decompression error rather than cleanly.
  bool failed() const;

 private:
  explicit LineReader(gzFile file) : file_(file) {}
  gzFile file_;
};

}  // namespace sonda::indexer

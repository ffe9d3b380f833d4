// Reads a text file line by line, transparently gunzipping files compressed with gzip.
#include "indexer/line_reader.h"

#include <cerrno>
#include <cstring>

namespace sonda::indexer {

Result<LineReader> LineReader::open(const std::string& path, size_t max_line_bytes) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return Error{ErrorCode::io_error, std::strerror(errno ? errno : ENOMEM)};
  gzbuffer(file, 1 << 17);
  return LineReader(file, max_line_bytes);
}

LineReader::~LineReader() {
  if (file_) gzclose(file_);
}

bool LineReader::next(std::string& line) {
  line.clear();
  last_line_cut_ = false;
  char buffer[1 << 16];
  bool any = false;
  while (gzgets(file_, buffer, sizeof buffer)) {
    any = true;
    size_t length = std::strlen(buffer);
    bool ends = length > 0 && buffer[length - 1] == '\n';
    if (ends) --length;
    if (line.size() + length > max_line_bytes_) last_line_cut_ = true;
    if (!last_line_cut_) line.append(buffer, length);
    if (ends) return true;
  }
  return any;
}

uint64_t LineReader::offset() const {
  return static_cast<uint64_t>(gzoffset(file_));
}

bool LineReader::failed() const {
  int code = Z_OK;
  gzerror(file_, &code);
  return code != Z_OK && code != Z_STREAM_END;
}

}  // namespace sonda::indexer

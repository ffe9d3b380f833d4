// Reads a text file line by line, transparently gunzipping files compressed with gzip.
#include "indexer/line_reader.h"

#include <cerrno>
#include <cstring>

namespace sonda::indexer {

Result<LineReader> LineReader::open(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return Error{ErrorCode::io_error, std::strerror(errno ? errno : ENOMEM)};
  gzbuffer(file, 1 << 17);
  return LineReader(file);
}

LineReader::~LineReader() {
  if (file_) gzclose(file_);
}

bool LineReader::next(std::string& line) {
  line.clear();
  char buffer[1 << 16];
  while (gzgets(file_, buffer, sizeof buffer)) {
    size_t length = std::strlen(buffer);
    if (length > 0 && buffer[length - 1] == '\n') {
      line.append(buffer, length - 1);
      return true;
    }
    line.append(buffer, length);
  }
  return !line.empty();
}

bool LineReader::failed() const {
  int code = Z_OK;
  gzerror(file_, &code);
  return code != Z_OK && code != Z_STREAM_END;
}

}  // namespace sonda::indexer

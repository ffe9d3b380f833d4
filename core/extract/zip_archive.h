// Read-only access to the parts of a zip archive in memory (libzip), with bounded decompression.
#pragma once

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

#include "util/result.h"

namespace sonda::extract {

// A zip archive opened over bytes the caller keeps alive. Reads refuse parts that decompress to more
// than a limit, whatever the archive's headers claim, so a zip bomb costs at most that limit.
class ZipArchive {
 public:
  // Opens `bytes` as a zip archive; a file that is not a zip is ErrorCode::invalid_argument.
  static Result<ZipArchive> open(std::string_view bytes);

  // True when the archive has a part called `name`.
  bool contains(const std::string& name) const;

  // The decompressed bytes of part `name`: not_found when absent, too_large beyond `max_bytes`.
  Result<std::string> read(const std::string& name, size_t max_bytes) const;

 private:
  struct Closer {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };
  explicit ZipArchive(zip_t* archive) : archive_(archive) {}
  std::unique_ptr<zip_t, Closer> archive_;
};

}  // namespace sonda::extract

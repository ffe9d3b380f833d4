// Reads a source file (and its sidecar) once: the bytes extraction needs, and a hash of all of them.
#include "indexer/source_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "util/hash.h"

namespace sonda::indexer {
namespace {

constexpr size_t kChunkBytes = 1 << 16;

// Streams `file` through the hash, keeping its first `keep` bytes in `head`.
Status read_hashing(const std::filesystem::path& file, size_t keep, std::string& head, uint64_t& hash,
                    bool& truncated) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    int error = errno;
    if (error == ENOENT) return Error{ErrorCode::io_error, "vanished during the run (deleted or moved)"};
    return Error{ErrorCode::io_error, std::string("cannot be read: ") + std::strerror(error)};
  }
  std::string chunk(kChunkBytes, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    std::string_view bytes(chunk.data(), got);
    hash = fnv1a(bytes, hash);
    size_t room = keep > head.size() ? keep - head.size() : 0;
    head.append(bytes.substr(0, room));
    if (got > room) truncated = true;
  }
  if (in.bad()) return Error{ErrorCode::io_error, "read error"};
  return Status::success();
}

}  // namespace

Result<SourceBytes> read_source(const SourceFile& source, size_t max_bytes) {
  SourceBytes out;
  out.content_hash = kFnvOffsetBasis;
  if (Status status = read_hashing(source.absolute, max_bytes, out.head, out.content_hash, out.truncated);
      !status)
    return status.error();
  if (source.sidecar) {
    bool sidecar_truncated = false;
    if (Status status =
            read_hashing(*source.sidecar, 1 << 20, out.sidecar, out.content_hash, sidecar_truncated);
        !status)
      return Error{ErrorCode::io_error, "sidecar " + status.error().message};
    if (sidecar_truncated) return Error{ErrorCode::too_large, "sidecar larger than 1 MiB"};
  }
  return out;
}

Result<uint64_t> hash_source(const SourceFile& source) {
  auto bytes = read_source(source, 0);
  if (!bytes) return bytes.error();
  return bytes->content_hash;
}

}  // namespace sonda::indexer

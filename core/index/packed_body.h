// A long body stored packed: deflated in independent chunks, so a hit inflates only the bytes it shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sonda::index {

// Bodies from this size on are stored packed; shorter ones are stored as they are.
inline constexpr size_t kPackBodyFrom = 32 * 1024;

// XORs `bytes` with the whitening stream (splitmix64 from a fixed seed, the same for every chunk and body):
// applied twice, it gives the bytes back; whitened, text gives zlib nothing to gain.
void whiten(std::string& bytes);

// A body deflated in chunks of kBodyChunkBytes (the last one shorter), each inflatable on its own. Chunks
// are whitened (XORed with a fixed pseudo-random stream): deflate's output is still about 2% compressible, so
// Xapian would deflate the whole stored record again and every read of the document would inflate all of it;
// whitened, the record gives zlib nothing to gain and Xapian stores it as it is.
class PackedBody {
 public:
  static constexpr size_t kBodyChunkBytes = 16 * 1024;

  // How the chunks were written: whitened (what pack() writes) or plain deflate (indexes made before).
  enum class Chunks { plain, whitened };

  // Packs `body` (any bytes), whitened.
  static std::string pack(std::string_view body);

  // Reads what pack() wrote (or, with Chunks::plain, what it wrote before whitening); nullopt when `packed`
  // is not that (its chunks are checked when inflated).
  static std::optional<PackedBody> parse(std::string packed, Chunks chunks = Chunks::whitened);

  // parse() of bytes [offset, offset + length) of `storage`, which it keeps instead of copying them out (a
  // long document's stored record is hundreds of KB).
  static std::optional<PackedBody> parse_within(std::string storage, size_t offset, size_t length,
                                                Chunks chunks = Chunks::whitened);

  // How its chunks are written.
  Chunks chunks() const { return whitened_ ? Chunks::whitened : Chunks::plain; }

  // The body's length in bytes.
  size_t size() const { return size_; }

  // Chunks one reader has inflated, by index ("" for one not inflated yet); never shared between threads.
  using InflatedChunks = std::vector<std::string>;

  // Bytes [begin, begin + length) of the body (shorter at its end), inflating only the chunks they cover
  // (each once with a `cache`); nullopt when a chunk will not inflate.
  std::optional<std::string> range(size_t begin, size_t length, InflatedChunks* cache = nullptr) const;

  // What pack() wrote.
  std::string_view bytes() const { return std::string_view(storage_).substr(offset_, length_); }

  // The whole body; nullopt when a chunk will not inflate.
  std::optional<std::string> whole() const { return range(0, size_); }

 private:
  std::string storage_;  // holds the packed bytes at [offset_, offset_ + length_)
  size_t offset_ = 0;
  size_t length_ = 0;
  std::vector<std::pair<size_t, size_t>> chunks_;  // (offset, length) of each deflated chunk in storage_
  size_t size_ = 0;
  bool whitened_ = true;
};

}  // namespace sonda::index

// A long body stored packed: deflated in independent chunks, so a hit inflates only the bytes it shows.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sonda::index {

// Bodies from this size on are stored packed; shorter ones are stored as they are.
inline constexpr size_t kPackBodyFrom = 32 * 1024;

// Reads a value the database keeps beside its documents ("" when there is none): where a long body's chunks
// are stored (Xapian's user metadata of the document's own database).
using ChunkStore = std::function<std::string(const std::string& key)>;

// A long body's chunks as stored outside the document's record, one entry each: (key, whitened deflated
// chunk).
using OutsideChunks = std::vector<std::pair<std::string, std::string>>;

// What every stored chunk key begins with.
inline constexpr std::string_view kBodyChunkKeys = "body:";

// The beginning every stored chunk key of the document `id` has, and no other document's.
std::string body_chunk_prefix(std::string_view id);

// The key of chunk `chunk` of the document `id`'s body (the prefix, then the chunk's number in 8 hex digits,
// so that keys sort in chunk order).
std::string body_chunk_key(std::string_view id, size_t chunk);

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
  // The chunks kept outside the record are smaller: each is read on its own, so a hit reads and inflates
  // about 4 KiB for a snippet instead of 16.
  static constexpr size_t kOutsideChunkBytes = 8 * 1024;

  // How the chunks were written: whitened (what pack() writes) or plain deflate (indexes made before).
  enum class Chunks { plain, whitened };

  // Packs `body` (any bytes), whitened.
  static std::string pack(std::string_view body);

  // Packs `body` with its chunks (of kOutsideChunkBytes) kept outside the record, under body_chunk_key(id, i)
  // each.
  static OutsideChunks pack_outside(std::string_view id, std::string_view body);

  // A body of `size` bytes whose chunks pack_outside() stored under `id`'s keys, read from `store` when
  // asked for (a range whose chunk is missing or corrupt, or any range without a store, gives nullopt);
  // nullopt when `size` is too large.
  static std::optional<PackedBody> outside(std::string_view id, uint64_t size, ChunkStore store);

  // True when its chunks are kept outside the record (so bytes() is empty).
  bool is_outside() const { return !prefix_.empty(); }

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

  // What pack() wrote ("" for a body kept outside the record).
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
  size_t chunk_bytes_ = kBodyChunkBytes;  // of text per chunk (the last one shorter)
  std::string prefix_;                    // of the chunk keys when kept outside, else ""
  ChunkStore store_;                      // where they are, when kept outside
};

}  // namespace sonda::index

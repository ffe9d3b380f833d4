// Chunked deflate (zlib streams) of long bodies: a varint body size, then per chunk a varint length and
// bytes, whitened.
#include "index/packed_body.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "util/varint.h"

namespace sonda::index {
namespace {

constexpr int kWindowBits = 15;  // zlib streams: each chunk carries its Adler-32, so corruption is seen
constexpr uint64_t kMaxBodyBytes = uint64_t{1} << 32;  // page and section starts are 32-bit offsets

std::string deflate_chunk(std::string_view chunk) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kWindowBits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, chunk.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
  stream.avail_in = static_cast<uInt>(chunk.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

void whiten(std::string& bytes) {
  uint64_t state = 0x5D0DA5EEDull;
  for (size_t at = 0; at < bytes.size(); at += 8) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    if (std::endian::native == std::endian::little && at + 8 <= bytes.size()) {  // byte i takes z >> 8i
      uint64_t word;
      std::memcpy(&word, bytes.data() + at, 8);
      word ^= z;
      std::memcpy(bytes.data() + at, &word, 8);
      continue;
    }
    for (size_t i = 0; i < 8 && at + i < bytes.size(); ++i)
      bytes[at + i] = static_cast<char>(bytes[at + i] ^ static_cast<char>(z >> (8 * i)));
  }
}

namespace {

// Inflates a chunk that must give exactly `expected` bytes.
std::optional<std::string> inflate_chunk(std::string_view chunk, size_t expected) {
  z_stream stream{};
  if (inflateInit2(&stream, kWindowBits) != Z_OK) return std::nullopt;
  std::string out(expected, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
  stream.avail_in = static_cast<uInt>(chunk.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&stream, Z_FINISH);
  bool complete = status == Z_STREAM_END && stream.total_out == expected && stream.avail_in == 0;
  inflateEnd(&stream);
  if (!complete) return std::nullopt;
  return out;
}

}  // namespace

std::string PackedBody::pack(std::string_view body) {
  std::string out;
  append_varint(out, body.size());
  for (size_t at = 0; at < body.size(); at += kBodyChunkBytes) {
    std::string chunk = deflate_chunk(body.substr(at, kBodyChunkBytes));
    whiten(chunk);
    append_varint(out, chunk.size());
    out += chunk;
  }
  return out;
}

std::optional<PackedBody> PackedBody::parse(std::string packed, Chunks chunks) {
  size_t length = packed.size();
  return parse_within(std::move(packed), 0, length, chunks);
}

std::optional<PackedBody> PackedBody::parse_within(std::string storage, size_t offset, size_t length,
                                                   Chunks chunks) {
  if (offset > storage.size() || length > storage.size() - offset) return std::nullopt;
  PackedBody out;
  out.whitened_ = chunks == Chunks::whitened;
  std::string_view rest = std::string_view(storage).substr(offset, length);
  uint64_t size = 0;
  if (!read_varint(rest, size) || size > kMaxBodyBytes) return std::nullopt;
  size_t expected_chunks = (size + kBodyChunkBytes - 1) / kBodyChunkBytes;
  while (!rest.empty()) {
    uint64_t chunk_length = 0;
    if (!read_varint(rest, chunk_length) || chunk_length > rest.size() ||
        out.chunks_.size() == expected_chunks)
      return std::nullopt;
    out.chunks_.emplace_back(static_cast<size_t>(rest.data() - storage.data()), chunk_length);
    rest.remove_prefix(chunk_length);
  }
  if (out.chunks_.size() != expected_chunks) return std::nullopt;
  out.size_ = size;
  out.offset_ = offset;
  out.length_ = length;
  out.storage_ = std::move(storage);
  return out;
}

std::optional<std::string> PackedBody::range(size_t begin, size_t length, InflatedChunks* cache) const {
  std::string out;
  if (begin >= size_) return out;
  size_t end = begin + std::min(length, size_ - begin);
  if (cache) cache->resize(chunks_.size());
  for (size_t chunk = begin / kBodyChunkBytes; chunk * kBodyChunkBytes < end; ++chunk) {
    size_t chunk_start = chunk * kBodyChunkBytes;
    size_t chunk_size = std::min(kBodyChunkBytes, size_ - chunk_start);
    std::optional<std::string> inflated;
    const std::string* text = cache && !(*cache)[chunk].empty() ? &(*cache)[chunk] : nullptr;
    if (!text) {
      std::string_view stored =
          std::string_view(storage_).substr(chunks_[chunk].first, chunks_[chunk].second);
      if (whitened_) {
        std::string plain(stored);
        whiten(plain);
        inflated = inflate_chunk(plain, chunk_size);
      } else {
        inflated = inflate_chunk(stored, chunk_size);
      }
      if (!inflated) return std::nullopt;
      text = cache ? &((*cache)[chunk] = std::move(*inflated)) : &*inflated;
    }
    size_t from = std::max(begin, chunk_start) - chunk_start;
    size_t to = std::min(end, chunk_start + chunk_size) - chunk_start;
    out.append(*text, from, to - from);
  }
  return out;
}

}  // namespace sonda::index

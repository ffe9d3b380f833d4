// Chunked deflate (zlib streams) of long bodies: a varint body size, then per chunk a varint length and
// bytes, whitened.
#include "index/packed_body.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstdio>
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

std::string body_chunk_prefix(std::string_view id) {
  std::string prefix(kBodyChunkKeys);
  prefix += std::to_string(id.size()) + ":";  // the length: no id's prefix is another's
  prefix.append(id);
  prefix.push_back(':');
  return prefix;
}

namespace {

// The key of chunk `chunk` under a document's chunk key prefix.
std::string numbered_key(std::string prefix, size_t chunk) {
  char number[17];
  std::snprintf(number, sizeof number, "%08zx", chunk);
  return prefix + number;
}

}  // namespace

std::string body_chunk_key(std::string_view id, size_t chunk) {
  return numbered_key(body_chunk_prefix(id), chunk);
}

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

namespace {

// A chunk as stored: deflated, then whitened.
std::string packed_chunk(std::string_view text) {
  std::string chunk = deflate_chunk(text);
  whiten(chunk);
  return chunk;
}

}  // namespace

std::string PackedBody::pack(std::string_view body) {
  std::string out;
  append_varint(out, body.size());
  for (size_t at = 0; at < body.size(); at += kBodyChunkBytes) {
    std::string chunk = packed_chunk(body.substr(at, kBodyChunkBytes));
    append_varint(out, chunk.size());
    out += chunk;
  }
  return out;
}

OutsideChunks PackedBody::pack_outside(std::string_view id, std::string_view body) {
  OutsideChunks out;
  for (size_t at = 0; at < body.size(); at += kOutsideChunkBytes)
    out.emplace_back(body_chunk_key(id, out.size()), packed_chunk(body.substr(at, kOutsideChunkBytes)));
  return out;
}

std::optional<PackedBody> PackedBody::outside(std::string_view id, uint64_t size, ChunkStore store) {
  if (size > kMaxBodyBytes) return std::nullopt;
  PackedBody out;
  out.size_ = size;
  out.chunk_bytes_ = kOutsideChunkBytes;
  out.prefix_ = body_chunk_prefix(id);
  out.store_ = std::move(store);
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
  if (cache) cache->resize((size_ + chunk_bytes_ - 1) / chunk_bytes_);
  for (size_t chunk = begin / chunk_bytes_; chunk * chunk_bytes_ < end; ++chunk) {
    size_t chunk_start = chunk * chunk_bytes_;
    size_t chunk_size = std::min(chunk_bytes_, size_ - chunk_start);
    std::optional<std::string> inflated;
    const std::string* text = cache && !(*cache)[chunk].empty() ? &(*cache)[chunk] : nullptr;
    if (!text) {
      std::string fetched;
      if (is_outside()) {
        if (!store_) return std::nullopt;
        fetched = store_(numbered_key(prefix_, chunk));
      }
      std::string_view stored =
          is_outside() ? std::string_view(fetched)
                       : std::string_view(storage_).substr(chunks_[chunk].first, chunks_[chunk].second);
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

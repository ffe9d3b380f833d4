// Where a document's body words are, kept in a value slot for cheap snippets.
#include "index/body_map.h"

namespace sonda::index {
namespace {

void put_varint(std::string& out, uint64_t value) {
  do {
    auto byte = static_cast<unsigned char>(value & 0x7F);
    value >>= 7;
    out.push_back(static_cast<char>(value ? byte | 0x80 : byte));
  } while (value);
}

bool get_varint(std::string_view& in, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace

std::string encode_body_map(const BodyMap& map) {
  std::string out;
  put_varint(out, map.first_position);
  put_varint(out, map.words);
  uint32_t previous = 0;
  for (uint32_t offset : map.checkpoints) {  // deltas: small numbers, one or two bytes each
    put_varint(out, offset - previous);
    previous = offset;
  }
  return out;
}

std::optional<BodyMap> decode_body_map(std::string_view value) {
  BodyMap map;
  uint64_t number = 0;
  if (!get_varint(value, number)) return std::nullopt;
  map.first_position = static_cast<Xapian::termpos>(number);
  if (!get_varint(value, number)) return std::nullopt;
  map.words = static_cast<uint32_t>(number);
  uint32_t offset = 0;
  while (!value.empty()) {
    if (!get_varint(value, number)) return std::nullopt;
    offset += static_cast<uint32_t>(number);
    map.checkpoints.push_back(offset);
  }
  if (map.checkpoints.size() != (map.words + kBodyCheckpointWords - 1) / kBodyCheckpointWords)
    return std::nullopt;
  return map;
}

}  // namespace sonda::index

// Where a document's body words are, kept in a value slot for cheap snippets.
#include "index/body_map.h"

#include "util/varint.h"

namespace sonda::index {
std::string encode_body_map(const BodyMap& map) {
  std::string out;
  append_varint(out, map.first_position);
  append_varint(out, map.words);
  uint32_t previous = 0;
  for (uint32_t offset : map.checkpoints) {  // deltas: small numbers, one or two bytes each
    append_varint(out, offset - previous);
    previous = offset;
  }
  return out;
}

std::optional<BodyMap> decode_body_map(std::string_view value) {
  BodyMap map;
  uint64_t number = 0;
  if (!read_varint(value, number)) return std::nullopt;
  map.first_position = static_cast<Xapian::termpos>(number);
  if (!read_varint(value, number)) return std::nullopt;
  map.words = static_cast<uint32_t>(number);
  uint32_t offset = 0;
  while (!value.empty()) {
    if (!read_varint(value, number)) return std::nullopt;
    offset += static_cast<uint32_t>(number);
    map.checkpoints.push_back(offset);
  }
  if (map.checkpoints.size() != (map.words + kBodyCheckpointWords - 1) / kBodyCheckpointWords)
    return std::nullopt;
  return map;
}

}  // namespace sonda::index

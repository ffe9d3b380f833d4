// Where a document's body words are: its first position and the byte offset of every 32nd word, kept in a
// value slot so that a snippet analyses only the few hundred bytes around its matches.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sonda::index {

inline constexpr uint32_t kBodyCheckpointWords = 32;

// Body word i (0-based) has position first_position + i and starts at or after byte
// checkpoints[i / kBodyCheckpointWords] of the stored (cleaned) body.
struct BodyMap {
  Xapian::termpos first_position = 0;
  uint32_t words = 0;
  std::vector<uint32_t> checkpoints;  // byte offset of word 0, 32, 64…
};

std::string encode_body_map(const BodyMap& map);

// The inverse; nullopt for a value not written by encode_body_map.
std::optional<BodyMap> decode_body_map(std::string_view value);

}  // namespace sonda::index

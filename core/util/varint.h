// Unsigned LEB128 varints: 7 bits a byte, low bits first, the high bit set on every byte but the last.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sonda {

// Appends `value` to `out` in one to ten bytes.
inline void append_varint(std::string& out, uint64_t value) {
  do {
    auto byte = static_cast<unsigned char>(value & 0x7F);
    value >>= 7;
    out.push_back(static_cast<char>(value ? byte | 0x80 : byte));
  } while (value);
}

// Reads one varint from the front of `in` into `value` and consumes it; false when `in` ends first or the
// varint runs past 64 bits.
inline bool read_varint(std::string_view& in, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace sonda

// A stable 64-bit hash (FNV-1a) for content fingerprints and over-long keys; the same on every build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sonda {

inline constexpr uint64_t kFnvOffsetBasis = 14695981039346656037ull;

// Continues an FNV-1a hash `state` over `bytes`; start from kFnvOffsetBasis.
inline uint64_t fnv1a(std::string_view bytes, uint64_t state = kFnvOffsetBasis) {
  for (char c : bytes) {
    state ^= static_cast<unsigned char>(c);
    state *= 1099511628211ull;
  }
  return state;
}

// `value` as 16 lower-case hex digits.
inline std::string to_hex(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = kDigits[value & 0xF];
  return out;
}

}  // namespace sonda

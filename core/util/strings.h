// Small string helpers shared across the core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sonda {

// The parts joined with `separator` between them ("a b c").
inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(separator);
    out.append(parts[i]);
  }
  return out;
}

}  // namespace sonda

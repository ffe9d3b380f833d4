// The counts sonda-index's summary line reports, read back by end-to-end tests.
#pragma once

#include <ostream>
#include <regex>
#include <string>

namespace sonda::testing {

// The counts a run printed.
struct Counts {
  int added = -1, updated = -1, unchanged = -1, removed = -1, moved = -1, failed = -1;
  bool operator==(const Counts&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const Counts& c) {
  return out << "added " << c.added << ", updated " << c.updated << ", unchanged " << c.unchanged
             << ", removed " << c.removed << ", moved " << c.moved << ", failed " << c.failed;
}

// The counts in the summary line of `output` (all -1 when there is none).
inline Counts counts_in(const std::string& output) {
  std::smatch match;
  static const std::regex summary(
      R"(added (\d+), updated (\d+), unchanged (\d+), removed (\d+), moved (\d+), failed (\d+))");
  if (!std::regex_search(output, match, summary)) return {};
  return {std::stoi(match[1]), std::stoi(match[2]), std::stoi(match[3]),
          std::stoi(match[4]), std::stoi(match[5]), std::stoi(match[6])};
}

}  // namespace sonda::testing

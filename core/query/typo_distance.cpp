// How far a typed word is from an indexed one, as typo tolerance counts it, and how far it may be.
#include "query/typo_distance.h"

#include <algorithm>
#include <vector>

namespace sonda::query {

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? byte : byte & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < utf8.size(); ++k)
      point = (point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out.push_back(point);
    i += length;
  }
  return out;
}

int typo_budget(size_t code_point_count) {
  return code_point_count < 5 ? 0 : code_point_count < 9 ? 1 : 2;
}

int typo_distance(std::u32string_view a, std::u32string_view b, int limit) {
  if (std::abs(static_cast<long>(a.size()) - static_cast<long>(b.size())) > limit) return limit + 1;
  const size_t columns = b.size() + 1;
  auto weight = [](size_t position) { return position == 1 ? 2 : 1; };  // the first letter counts two
  // Three rows of the distance table: two back (for swaps), one back, and the current one.
  std::vector<int> before(columns), previous(columns), current(columns);
  for (size_t j = 1; j < columns; ++j) previous[j] = previous[j - 1] + weight(j);
  int previous_min = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = previous[0] + weight(i);
    int row_min = current[0];
    for (size_t j = 1; j < columns; ++j) {
      int replace = a[i - 1] == b[j - 1] ? 0 : (i == 1 && j == 1 ? 2 : 1);
      int best = std::min({previous[j] + weight(i), current[j - 1] + weight(j), previous[j - 1] + replace});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = std::min(best, before[j - 2] + (i == 2 ? 2 : 1));
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit && previous_min > limit) return limit + 1;  // a swap reads two rows back
    previous_min = row_min;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

}  // namespace sonda::query

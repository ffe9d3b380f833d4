// How far a typed word is from an indexed one, as typo tolerance counts it, and how far it may be.
#include "query/typo_distance.h"

#include <algorithm>
#include <array>
#include <vector>

namespace sonda::query {

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  code_points_into(utf8, out);
  return out;
}

void code_points_into(std::string_view utf8, std::u32string& out) {
  out.clear();
  for (size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? byte : byte & (0x7F >> length);
    for (size_t k = 1; k < length && i + k < utf8.size(); ++k)
      point = (point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out.push_back(point);
    i += length;
  }
}

LetterBound::LetterBound(std::string_view typed) : length_(typed.size()) {
  for (unsigned char c : typed) {
    ascii_ = ascii_ && c < 0x80;
    ++counts_[c & 0x7F];
  }
}

bool LetterBound::may_be_within(std::string_view candidate, int limit) {
  if (!ascii_) return true;
  // The candidate's letters the typed word has, each as often as it has it: the candidate's others were
  // added, the typed word's unmatched ones dropped. The counts are taken and then given back.
  size_t matched = 0;
  bool ascii = true;
  for (unsigned char c : candidate) {
    ascii = ascii && c < 0x80;
    if (counts_[c & 0x7F] > 0) --counts_[c & 0x7F], taken_[matched++] = c & 0x7F;
    if (matched == taken_.size()) break;
  }
  for (size_t k = 0; k < matched; ++k) ++counts_[taken_[k]];
  if (!ascii || matched == taken_.size()) return true;
  auto over = static_cast<size_t>(limit);
  return candidate.size() - matched <= over && length_ - matched <= over;
}

int typo_budget(size_t code_point_count) {
  return code_point_count < 5 ? 0 : code_point_count < 9 ? 1 : 2;
}

namespace {

// Three rows of the distance table: two back (for swaps), one back, and the current one; on the stack for
// words of up to 63 letters.
class Rows {
 public:
  explicit Rows(size_t columns) {
    if (columns > kOnStack) heap_.resize(3 * columns);
    int* base = columns > kOnStack ? heap_.data() : stack_.data();
    before = base, previous = base + columns, current = base + 2 * columns;
    std::fill(base, base + 3 * columns, 0);
  }
  int* before;
  int* previous;
  int* current;

 private:
  static constexpr size_t kOnStack = 64;
  std::array<int, 3 * kOnStack> stack_;
  std::vector<int> heap_;
};

}  // namespace

int typo_distance(std::u32string_view a, std::u32string_view b, int limit) {
  if (std::abs(static_cast<long>(a.size()) - static_cast<long>(b.size())) > limit) return limit + 1;
  const size_t columns = b.size() + 1;
  auto weight = [](size_t position) { return position == 1 ? 2 : 1; };  // the first letter counts two
  Rows rows(columns);
  int* before = rows.before;
  int* previous = rows.previous;
  int* current = rows.current;
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

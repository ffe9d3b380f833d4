// How far a typed word is from an indexed one, as typo tolerance counts it, and how far it may be.
#include "query/typo_distance.h"

#include <algorithm>
#include <array>
#include <vector>

namespace sonda::query {

namespace {

// The code point of UTF-8 `text` at `at`, whose bytes `at` is moved past.
char32_t next_code_point(std::string_view text, size_t& at) {
  auto byte = static_cast<unsigned char>(text[at]);
  size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  char32_t point = length == 1 ? byte : byte & (0x7F >> length);
  for (size_t k = 1; k < length && at + k < text.size(); ++k)
    point = (point << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  at = std::min(at + length, text.size());
  return point;
}

}  // namespace

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  code_points_into(utf8, out);
  return out;
}

void code_points_into(std::string_view utf8, std::u32string& out) {
  out.clear();
  for (size_t at = 0; at < utf8.size();) out.push_back(next_code_point(utf8, at));
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

// Row i of the table is `indexed`'s first i letters against every beginning of `typed`. No later row's
// smallest entry is below row i's (a swap from row i − 1 costs no less than the replacement beside it in
// row i), so once that passes the limit, no word beginning with those i letters is within it.
size_t hopeless_beginning(std::u32string_view typed, std::string_view indexed, int limit) {
  const size_t columns = typed.size() + 1;
  Rows rows(columns);
  int* before = rows.before;
  int* previous = rows.previous;
  int* current = rows.current;
  for (size_t j = 0; j < columns; ++j) previous[j] = static_cast<int>(j);
  char32_t last = 0;
  for (size_t at = 0, i = 1; at < indexed.size(); ++i) {
    char32_t letter = next_code_point(indexed, at);
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j < columns; ++j) {
      int best =
          std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter == typed[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && letter == typed[j - 2] && last == typed[j - 1])
        best = std::min(best, before[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return at;
    last = letter;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::string_view::npos;
}

}  // namespace sonda::query

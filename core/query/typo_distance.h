// How far a typed word is from an indexed one, as typo tolerance counts it, and how far it may be.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace sonda::query {

// The code points of valid UTF-8 text.
std::u32string code_points(std::string_view utf8);

// The same, into `out` (its storage reused).
void code_points_into(std::string_view utf8, std::u32string& out);

// A quick lower bound of typo_distance for ASCII words: every edit adds, drops or replaces at most one
// letter, so a candidate with more letters than `limit` that the typed word lacks (or the other way round)
// is farther than `limit`. Non-ASCII words always pass.
class LetterBound {
 public:
  explicit LetterBound(std::string_view typed);
  // False only when `candidate` is certainly more than `limit` edits from the typed word.
  bool may_be_within(std::string_view candidate, int limit);

 private:
  std::array<unsigned, 128> counts_{};     // the typed word's letters
  std::array<unsigned char, 64> taken_{};  // those a candidate matched, to give back
  size_t length_;
  bool ascii_ = true;
};

// Edits a typed word of this many code points may have: 0 below 5, 1 from 5 to 8, 2 from 9.
int typo_budget(size_t code_point_count);

// Damerau–Levenshtein distance (optimal string alignment: a letter dropped, added, replaced, or two
// neighbours swapped) between two words, where an edit of the first letter counts two; limit + 1 when
// larger than `limit`.
int typo_distance(std::u32string_view typed, std::u32string_view indexed, int limit);

}  // namespace sonda::query

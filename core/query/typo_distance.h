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

// The length in bytes of the shortest beginning of `indexed` that no word beginning so is within `limit`
// edits of `typed` (by optimal string alignment, which typo_distance never undercuts): a scan of a sorted
// word list skips every word beginning so. npos when every beginning of `indexed` could still be.
size_t hopeless_beginning(std::u32string_view typed, std::string_view indexed, int limit);

// Edits a typed word of this many code points may have: 0 below 5, 1 from 5 to 8, 2 from 9.
int typo_budget(size_t code_point_count);

// Damerau–Levenshtein distance (optimal string alignment: a letter dropped, added, replaced, or two
// neighbours swapped) between two words, where an edit of the first letter counts two; limit + 1 when
// larger than `limit`.
int typo_distance(std::u32string_view typed, std::u32string_view indexed, int limit);

}  // namespace sonda::query

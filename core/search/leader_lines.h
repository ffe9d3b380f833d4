// Lines of a table of contents ("4.6.3 Mesures de sécurité . . . . . 93"): text no passage should be
// chosen for, since it repeats the headings of the document without saying anything.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace sonda::search {

// The [begin, end) byte ranges of the lines of `text` that hold a dot leader: a run of at least four dots
// (spaced or not, "…" counting as three) followed by nothing but spaces and a page number (digits or
// roman numerals), or by the end of the line; and the first line of an entry wrapped over two, which stands
// between two such lines or begins with the entry's number ("2.6 ") right above one.
std::vector<std::pair<size_t, size_t>> leader_lines(std::string_view text);

}  // namespace sonda::search

// Word segmentation of Latin-script text without ICU: UAX #29's word rules for the characters such text uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sonda::analysis {

// The byte ranges [begin, end) of the words (runs holding letters or digits) of valid UTF-8 `utf8`, as ICU's
// word break iterator finds them: letters and digits join; `.`, `'`, `’`, `‘` join letters to letters and
// digits to digits, `·` letters to letters, `,` and `;` digits to digits (l'enfant, 3.5, 1,000, U.S.A);
// ICU counts `@` as a letter (tod@s, an address@example.org is one word) and `:` as no joiner.
// nullopt when the text holds a character outside the set this knows (other scripts, combining marks,
// format characters, `_`…): ICU must segment it then.
std::optional<std::vector<std::pair<uint32_t, uint32_t>>> latin_word_ranges(std::string_view utf8);

}  // namespace sonda::analysis

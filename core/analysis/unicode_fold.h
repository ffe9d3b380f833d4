// Case folding and diacritic folding of single words (UTF-8 in, UTF-8 out).
#pragma once

#include <string>
#include <string_view>

namespace sonda::analysis {

// ICU full case folding ("CHÂTIMENTS" → "châtiments", "ß" → "ss"); typographic apostrophes become '.
std::string fold_case(std::string_view word);

// Removes diacritics and expands ligature letters: "châtiment" → "chatiment", "œuvre" → "oeuvre",
// "æ" → "ae". Expects case-folded input.
std::string fold_diacritics(std::string_view word);

// Lowercases the ASCII letters of `word` in place: fold_case of ASCII text.
void lower_ascii(std::string& word);

// True when every byte is ASCII.
bool is_ascii(std::string_view text);

}  // namespace sonda::analysis

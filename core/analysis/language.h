// Language codes Sonda analyses, and the Snowball stemmer that serves each.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace sonda::analysis {

// The languages with stemming and stop words; a document in any other language is indexed unstemmed.
inline constexpr std::array<std::string_view, 2> kStemmedLanguages = {"fr", "es"};

// Snowball stemmer name for a language code ("fr" → "french"), or empty when there is none.
std::string_view snowball_name(std::string_view lang);

// True when `lang` is one of kStemmedLanguages.
bool is_stemmed_language(std::string_view lang);

}  // namespace sonda::analysis

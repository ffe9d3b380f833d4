// Language codes Sonda analyses, and the Snowball stemmer that serves each.
#include "analysis/language.h"

namespace sonda::analysis {

std::string_view snowball_name(std::string_view lang) {
  if (lang == "fr") return "french";
  if (lang == "es") return "spanish";
  return {};
}

bool is_stemmed_language(std::string_view lang) {
  return !snowball_name(lang).empty();
}

}  // namespace sonda::analysis

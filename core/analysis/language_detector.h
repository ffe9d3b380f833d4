// Language identification of a document's text with CLD2, for documents whose metadata names none.
#pragma once

#include <string>
#include <string_view>

namespace sonda::analysis {

// Detects the language of UTF-8 text. Stateless and thread-safe.
class LanguageDetector {
 public:
  // The ISO 639-1 code of the text's language ("fr", "es", "en"…), or empty when CLD2 is not sure
  // or the text is too short to tell. Reads at most the first `max_bytes` of `text`.
  std::string detect(std::string_view text, size_t max_bytes = 64 * 1024) const;
};

}  // namespace sonda::analysis

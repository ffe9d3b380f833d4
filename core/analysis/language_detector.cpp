// Language identification of a document's text with CLD2, for documents whose metadata names none.
#include "analysis/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::analysis {
namespace {

constexpr size_t kMinimumLetters = 20;

}  // namespace

std::string LanguageDetector::detect(std::string_view text, size_t max_bytes) const {
  std::string_view sample = utf8_prefix(text, max_bytes);
  if (sample.size() < kMinimumLetters || !is_valid_utf8(sample)) return {};
  bool reliable = false;
  CLD2::Language language =
      CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  return CLD2::LanguageCode(language);
}

}  // namespace sonda::analysis

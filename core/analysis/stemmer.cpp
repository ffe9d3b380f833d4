// Snowball stemming per language, then diacritic folding of the stem, with a memo of recent words.
#include "analysis/stemmer.h"

#include "analysis/unicode_fold.h"

namespace sonda::analysis {
namespace {
constexpr size_t kMemoLimit = 200'000;
}

Stemmer::Stemmer() : french_{Xapian::Stem("french"), {}}, spanish_{Xapian::Stem("spanish"), {}} {}

Stemmer::Language* Stemmer::language(std::string_view lang) {
  if (lang == "fr") return &french_;
  if (lang == "es") return &spanish_;
  return nullptr;
}

std::string Stemmer::stem(std::string_view word, std::string_view lang) {
  Language* language = this->language(lang);
  if (!language) return fold_diacritics(word);
  std::string key(word);
  if (auto found = language->memo.find(key); found != language->memo.end()) return found->second;
  if (language->memo.size() >= kMemoLimit) language->memo.clear();
  std::string folded = fold_diacritics(language->stemmer(key));
  language->memo.emplace(std::move(key), folded);
  return folded;
}

}  // namespace sonda::analysis

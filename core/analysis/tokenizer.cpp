// Word segmentation (Latin script directly, anything else with ICU's word BreakIterator), plus French elision
// splitting.
#include "analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "analysis/latin_words.h"

namespace sonda::analysis {
namespace {

constexpr std::array<std::string_view, 12> kElidedWords = {"l", "d", "j",  "m",     "n",      "s",
                                                           "t", "c", "qu", "jusqu", "lorsqu", "puisqu"};

bool equals_ascii_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

size_t apostrophe_length(std::string_view text) {
  if (text.starts_with('\'')) return 1;
  if (text.starts_with("\u2019")) return 3;
  if (text.starts_with("\u02BC")) return 2;
  return 0;
}

}  // namespace

size_t elision_length(std::string_view word) {
  // An elision's apostrophe (' or the first byte of ’ or ʼ) stands within its first seven bytes.
  if (word.size() < 2) return 0;
  std::string_view head = word.substr(1, 6);
  if (std::none_of(head.begin(), head.end(), [](char c) { return c == '\'' || c == '\xE2' || c == '\xCA'; }))
    return 0;
  for (std::string_view elided : kElidedWords) {
    if (word.size() <= elided.size()) continue;
    if (!equals_ascii_ignoring_case(word.substr(0, elided.size()), elided)) continue;
    size_t mark = apostrophe_length(word.substr(elided.size()));
    if (mark > 0 && elided.size() + mark < word.size()) return elided.size() + mark;
  }
  return 0;
}

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !breaker_) throw std::runtime_error("ICU word break iterator unavailable");
}

Tokenizer::~Tokenizer() = default;

Tokenizer::Tokenizer(const Tokenizer& other) : breaker_(other.breaker_->clone()) {}

namespace {

// Adds the word at [begin, end) of `utf8`, without its elided article, unless it is too long to be a word.
void add_word(std::vector<RawToken>& tokens, std::string_view utf8, uint32_t begin, uint32_t end) {
  std::string_view word = utf8.substr(begin, end - begin);
  size_t elided = elision_length(word);
  word.remove_prefix(elided);
  if (word.size() > kMaxWordBytes) return;
  tokens.push_back({word, static_cast<uint32_t>(begin + elided), end});
}

}  // namespace

std::vector<RawToken> Tokenizer::split(std::string_view utf8) {
  auto ranges = latin_word_ranges(utf8);
  if (!ranges) return split_with_icu(utf8);
  std::vector<RawToken> tokens;
  tokens.reserve(ranges->size());
  for (const auto& [begin, end] : *ranges) add_word(tokens, utf8, begin, end);
  return tokens;
}

std::vector<RawToken> Tokenizer::split_with_icu(std::string_view utf8) {
  std::vector<RawToken> tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return tokens;
  breaker_->setText(text, status);
  if (U_SUCCESS(status)) {
    int32_t begin = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = breaker_->next()) {
      if (breaker_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      add_word(tokens, utf8, static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
    }
  }
  utext_close(text);
  return tokens;
}

}  // namespace sonda::analysis

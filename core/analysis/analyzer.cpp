// The analysis pipeline shared by indexing, querying and snippets: words → folded words and stems.
#include "analysis/analyzer.h"

#include "analysis/unicode_fold.h"

namespace sonda::analysis {
namespace {
constexpr size_t kFoldMemoLimit = 200'000;
}

const Analyzer::Folded& Analyzer::fold_cached(std::string_view raw) {
  std::string key(raw);
  if (auto found = fold_memo_.find(key); found != fold_memo_.end()) return found->second;
  if (fold_memo_.size() >= kFoldMemoLimit) fold_memo_.clear();
  std::string word = fold_case(raw);
  std::string folded = fold_diacritics(word);
  return fold_memo_.emplace(std::move(key), Folded{std::move(word), std::move(folded)}).first->second;
}

std::vector<Token> Analyzer::tokens(std::string_view clean_text) {
  std::vector<RawToken> raw = tokenizer_.split(clean_text);
  std::vector<Token> out;
  out.reserve(raw.size());
  for (const RawToken& token : raw) out.push_back(token_of(token));
  return out;
}

Token Analyzer::token_of(const RawToken& token) {
  if (is_ascii(token.text)) {
    std::string word(token.text);
    lower_ascii(word);
    std::string folded = word;
    return {std::move(word), std::move(folded), token.begin, token.end};
  }
  if (std::string word, folded; latin_.fold(token.text, word, folded))
    return {std::move(word), std::move(folded), token.begin, token.end};
  const Folded& memo = fold_cached(token.text);
  return {memo.word, memo.folded, token.begin, token.end};
}

Token Analyzer::fold_word(std::string_view word) {
  const Folded& folded = fold_cached(word);
  return {folded.word, folded.folded, 0, static_cast<uint32_t>(word.size())};
}

}  // namespace sonda::analysis

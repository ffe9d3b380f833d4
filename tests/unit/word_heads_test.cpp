// WordHeads: which segmented words may fold to the start of a highlight term (the rest are never folded).
#include <gtest/gtest.h>

#include "search/word_heads.h"

namespace sonda::search {
namespace {

TEST(WordHeads, KeepsEveryWordThatMayFoldToATermsStartAndNoOther) {
  query::HighlightTerms terms;
  terms.stems = {"chat"};  // châtiments
  terms.words = {"y"};     // a one-letter word
  terms.searched_words = {"de"};
  terms.prefixes = {"corpo"};  // a word being typed
  WordHeads heads(terms);
  const std::pair<const char*, bool> table[] = {
      {"chatiments", true}, {"Châtiments", true}, {"CHAT", true},  {"ch", true},    {"c", false},
      {"corporels", true},  {"Corpo", true},      {"y", true},     {"ya", true},    {"De", true},
      {"des", true},        {"éducation", true},  // any non-ASCII start
      {"enfance", false},   {"loi", false},       {"2019", false}, {"cOrps", true},
  };
  for (const auto& [raw, expected] : table) EXPECT_EQ(heads.may_fold_to_one(raw), expected) << raw;
  EXPECT_FALSE(WordHeads(query::HighlightTerms{}).may_fold_to_one("chat")) << "no terms, no heads";
}

}  // namespace
}  // namespace sonda::search

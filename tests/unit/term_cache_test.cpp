// The word-list cache: answers kept per question, forgotten on clear() and when full.
#include "search/term_cache.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sonda::search {
namespace {

TEST(TermCache, KeepsEachAnswerUnderItsOwnQuestion) {
  TermCache cache;
  EXPECT_FALSE(cache.similar_words("chatimens", 1, 4));
  cache.remember_similar("chatimens", 1, 4, {"chatiments"});
  cache.remember_completions("chat", 21, {{"chateau", 10}});
  EXPECT_EQ(cache.similar_words("chatimens", 1, 4), (std::vector<std::string>{"chatiments"}));
  EXPECT_FALSE(cache.similar_words("chatimens", 2, 4)) << "another distance is another question";
  EXPECT_FALSE(cache.similar_words("chatimens", 1, 5)) << "another limit too";
  EXPECT_FALSE(cache.completions("chat", 20));
  ASSERT_TRUE(cache.completions("chat", 21));
  EXPECT_EQ(cache.completions("chat", 21)->front().word, "chateau");
  cache.remember_documents_with_all({{"Zcorporel"}, {"chateau"}}, 3);
  EXPECT_EQ(cache.documents_with_all({{"Zcorporel"}, {"chateau"}}), 3u);
  EXPECT_FALSE(cache.documents_with_all({{"Zcorporel", "chateau"}})) << "one group is another question";
  EXPECT_FALSE(cache.documents_with_all({{"Zcorporelchateau"}}));
  cache.remember_accented_forms("educacion", {"educación"});
  EXPECT_EQ(cache.accented_forms("educacion"), (std::vector<std::string>{"educación"}));
  EXPECT_FALSE(cache.accented_forms("educacio"));
  cache.remember_documents_with("Zeduc", 12);
  cache.remember_documents_with("Zedu", 0);
  EXPECT_EQ(cache.documents_with("Zeduc"), 12u);
  EXPECT_EQ(cache.documents_with("Zedu"), 0u) << "no document is an answer too";
  EXPECT_FALSE(cache.documents_with("educ"));
  cache.clear();
  EXPECT_FALSE(cache.similar_words("chatimens", 1, 4));
  EXPECT_FALSE(cache.completions("chat", 21));
  EXPECT_FALSE(cache.documents_with_all({{"Zcorporel"}, {"chateau"}}));
  EXPECT_FALSE(cache.accented_forms("educacion"));
  EXPECT_FALSE(cache.documents_with("Zeduc"));
}

TEST(TermCache, ManyDocumentCountsNeverEmptyTheScansAnswers) {
  TermCache cache;
  cache.remember_completions("chat", 21, {{"chateau", 10}});
  for (size_t i = 0; i < 100'000; ++i) cache.remember_documents_with("Zterm" + std::to_string(i), i);
  EXPECT_TRUE(cache.completions("chat", 21));
  EXPECT_TRUE(cache.documents_with("Zterm99999")) << "the latest count is kept";
  EXPECT_LT(cache.size(), 100'000u) << "the counts have a bound of their own";
}

TEST(TermCache, StaysBoundedInBytes) {
  TermCache cache;
  const std::vector<std::string> words(16, std::string(40, 'v'));  // ~1.2 KB an answer
  size_t most = 0;
  for (size_t i = 0; i < 20'000; ++i) {
    cache.remember_similar("w" + std::to_string(i), 1, 4, words);
    cache.remember_documents_with_all({{"Zw" + std::to_string(i)}, {"Zother"}}, i);
    EXPECT_LE(cache.bytes(), TermCache::kMaxBytes);
    most = std::max(most, cache.size());
  }
  EXPECT_GT(most, 4096u) << "small answers: more of them fit than a count of entries allowed";
  cache.clear();
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(TermCache, KeepsWordListSlicesWithinABoundOfTheirOwn) {
  TermCache cache;
  cache.remember_completions("chat", 21, {{"chateau", 10}});
  WordSlice small;
  small.add("castigo", 3);
  ASSERT_NE(cache.remember_word_slice("c", small), nullptr);
  ASSERT_NE(cache.word_slice("c"), nullptr);
  EXPECT_EQ(cache.word_slice("c")->size(), 1u);
  EXPECT_EQ(cache.word_slice("d"), nullptr);
  WordSlice huge;  // more than the bound by itself: not kept, the others stay
  for (size_t i = 0; i < 300'000; ++i) huge.add("palabra" + std::to_string(1'000'000 + i), 1);
  EXPECT_EQ(cache.remember_word_slice("p", huge), nullptr);
  EXPECT_NE(cache.word_slice("c"), nullptr);
  EXPECT_TRUE(cache.completions("chat", 21)) << "slices never empty the scans' answers";
  cache.clear();
  EXPECT_EQ(cache.word_slice("c"), nullptr) << "the database may have changed";
}

}  // namespace
}  // namespace sonda::search

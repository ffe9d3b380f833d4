// The best documents remembered per query: found as remembered, bounded, forgotten on clear.
#include "search/best_hits.h"

#include <gtest/gtest.h>

#include <string>

namespace sonda::search {
namespace {

TEST(BestHits, AnswersWhatWasRememberedNothingMatchingIncluded) {
  BestHits bests;
  EXPECT_EQ(bests.find("a"), std::nullopt) << "not known";
  bests.remember("a", 7);
  bests.remember("b", 0);  // nothing matches b
  EXPECT_EQ(bests.find("a"), std::optional<Xapian::docid>(7));
  EXPECT_EQ(bests.find("b"), std::optional<Xapian::docid>(0));
  bests.remember("a", 9);
  EXPECT_EQ(bests.find("a"), std::optional<Xapian::docid>(9)) << "the latest answer";
  bests.clear();
  EXPECT_EQ(bests.find("a"), std::nullopt);
}

TEST(BestHits, EmptiesItselfRatherThanGrowPastItsBound) {
  BestHits bests;
  for (size_t i = 0; i < BestHits::kMaxEntries; ++i) bests.remember("q" + std::to_string(i), 1);
  EXPECT_EQ(bests.find("q0"), std::optional<Xapian::docid>(1)) << "full, not past the bound";
  bests.remember("one more", 2);
  EXPECT_EQ(bests.find("q0"), std::nullopt) << "emptied for the next answer";
  EXPECT_EQ(bests.find("one more"), std::optional<Xapian::docid>(2));
}

// Two Searchers' bests sharing a pool's answers: what one ranked, the other finds, at the same index version.
TEST(BestHits, SharedTheyFindEachOthersBestsForTheirIndexVersion) {
  SharedAnswers shared;
  std::string version = "index|r1";
  BestHits one, other;
  one.share(&shared, &version);
  other.share(&shared, &version);
  one.remember("probleme", 12);
  EXPECT_EQ(other.find("probleme"), std::optional<Xapian::docid>(12)) << "ranked by the other Searcher";
  other.clear();
  EXPECT_EQ(other.find("probleme"), std::optional<Xapian::docid>(12)) << "kept in the pool, not in each";
  version = "index|r2";  // both Searchers reopened on a new revision
  EXPECT_EQ(one.find("probleme"), std::nullopt) << "a best of the old revision is never used";
}

}  // namespace
}  // namespace sonda::search

// The answers a pool's Searchers share: per index version, bounded, safe to ask from many threads.
#include "search/shared_answers.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "search/index_term_lookup.h"

namespace sonda::search {
namespace {

TEST(SharedAnswers, KeepsAnswersForOneIndexVersion) {
  SharedAnswers shared;
  EXPECT_EQ(shared.both_held("v1", "Zeduc", "Les"), std::nullopt);
  shared.remember_both_held("v1", "Zeduc", "Les", true);
  shared.remember_both_held("v1", "Zrelat", "Les", false);
  EXPECT_EQ(shared.both_held("v1", "Zeduc", "Les"), std::optional<bool>(true));
  EXPECT_EQ(shared.both_held("v1", "Zrelat", "Les"), std::optional<bool>(false));
  EXPECT_EQ(shared.both_held("v1", "Les", "Zeduc"), std::nullopt) << "each pair in its order";
  EXPECT_EQ(shared.both_held("v2", "Zeduc", "Les"), std::nullopt) << "another version knows nothing";
  shared.remember_both_held("v2", "Zeduc", "Les", false);
  EXPECT_EQ(shared.both_held("v2", "Zeduc", "Les"), std::optional<bool>(false));
  EXPECT_EQ(shared.both_held("v1", "Zrelat", "Les"), std::nullopt) << "the old version's answers went";
}

TEST(SharedAnswers, KeepsBestsForOneIndexVersionAndWithinTheirBound) {
  SharedAnswers shared;
  EXPECT_EQ(shared.best("v1", "q"), std::nullopt);
  shared.remember_best("v1", "q", 7);
  shared.remember_best("v1", "nothing", 0);
  EXPECT_EQ(shared.best("v1", "q"), std::optional<Xapian::docid>(7));
  EXPECT_EQ(shared.best("v1", "nothing"), std::optional<Xapian::docid>(0)) << "nothing matches: known too";
  EXPECT_EQ(shared.best("v2", "q"), std::nullopt) << "another version knows nothing";
  shared.remember_both_held("v2", "Zeduc", "Les", true);
  EXPECT_EQ(shared.best("v1", "q"), std::nullopt) << "a new version's answer empties the old bests";
  for (size_t i = 0; i < SharedAnswers::kMaxBests; ++i)
    shared.remember_best("v2", "q" + std::to_string(i), 1);
  EXPECT_EQ(shared.best("v2", "q0"), std::optional<Xapian::docid>(1)) << "full, not past the bound";
  shared.remember_best("v2", "one more", 2);
  EXPECT_EQ(shared.best("v2", "q0"), std::nullopt) << "emptied for the next best";
  EXPECT_EQ(shared.both_held("v2", "Zeduc", "Les"), std::optional<bool>(true)) << "the other answers stay";
}

TEST(SharedAnswers, StaysBoundedAndServesManyThreads) {
  constexpr size_t kEach = SharedAnswers::kMaxAnswers / 4 + 100;  // past the bound in all
  SharedAnswers shared;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&shared, t] {
      for (size_t i = 0; i < kEach; ++i) {
        std::string term = "Z" + std::to_string(t) + "_" + std::to_string(i);
        shared.remember_both_held("v", term, "Lfr", i % 2 == 0);
        auto known = shared.both_held("v", term, "Lfr");
        if (known) {
          EXPECT_EQ(*known, i % 2 == 0);
        }
      }
    });
  for (auto& thread : threads) thread.join();
  size_t kept = 0;
  for (int t = 0; t < 4; ++t)
    for (size_t i = 0; i < kEach; ++i)
      kept += shared.both_held("v", "Z" + std::to_string(t) + "_" + std::to_string(i), "Lfr").has_value();
  EXPECT_GT(kept, 0u);
  EXPECT_LE(kept, SharedAnswers::kMaxAnswers);
}

// A lookup sharing answers takes another's instead of reading the database, and leaves its own there.
TEST(SharedAnswers, ALookupTakesAndLeavesAnswers) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document document;
  document.add_term("Zeduc");
  document.add_term("Lfr");
  database.add_document(document);
  SharedAnswers shared;
  const std::string version = "v1";
  shared.remember_both_held(version, "Zeduc", "Les", true);  // as another thread found it
  IndexTermLookup lookup(database);
  lookup.share_answers(&shared, &version);
  EXPECT_TRUE(lookup.any_document_with_both("Zeduc", "Les")) << "the shared answer, not the database's";
  EXPECT_TRUE(lookup.any_document_with_both("Zeduc", "Lfr"));
  EXPECT_EQ(shared.both_held(version, "Zeduc", "Lfr"), std::optional<bool>(true));
}

}  // namespace
}  // namespace sonda::search

// Table tests of typo distance (Damerau–Levenshtein, the first letter counting two) and of the budget.
#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "query/typo_distance.h"

namespace sonda::query {
namespace {

struct DistanceCase {
  std::string typed;
  std::string indexed;
  int limit;
  int expected;
};

const DistanceCase kDistances[] = {
    {"chatiments", "chatiments", 2, 0},
    {"chatimens", "chatiments", 2, 1},    // a letter dropped
    {"chattiments", "chatiments", 2, 1},  // doubled
    {"chatimetns", "chatiments", 2, 1},   // two neighbours swapped: one edit
    {"chatimentz", "chatiments", 2, 1},   // replaced
    {"hatiments", "chatiments", 2, 2},    // the first letter dropped counts two
    {"shatiments", "chatiments", 2, 2},   // the first letter replaced counts two
    {"hcatiments", "chatiments", 2, 2},   // the first two swapped counts two
    {"chatimens", "chatiment", 2, 1},
    {"catsigo", "castigo", 1, 1},
    {"castgo", "castigo", 1, 1},
    {"cstgo", "castigo", 1, 2},        // over the limit: limit + 1
    {"educacion", "educación", 2, 1},  // code points, not bytes
    {"niño", "nino", 1, 1},
    {"abc", "abcdef", 2, 3},
    {"", "abc", 3, 4},  // inserting the first letter counts two
};

TEST(TypoDistanceTable, CountsEditsAsTypoToleranceDoes) {
  for (const DistanceCase& c : kDistances)
    EXPECT_EQ(typo_distance(code_points(c.typed), code_points(c.indexed), c.limit), c.expected)
        << c.typed << " ~ " << c.indexed;
}

// A beginning is called hopeless only when no word beginning so is within the limit: every pair the
// distance keeps passes whole, and random words beginning as a hopeless beginning are all too far.
TEST(TypoDistanceTable, AHopelessBeginningBeginsNoWordWithinTheLimit) {
  for (const DistanceCase& c : kDistances)
    if (c.expected <= c.limit) {
      EXPECT_EQ(hopeless_beginning(code_points(c.typed), c.indexed, c.limit), std::string_view::npos)
          << c.typed << " ~ " << c.indexed;
    }
  const std::tuple<std::string, std::string, int, size_t> beginnings[] = {
      {"chatiments", "chatiments", 0, std::string_view::npos},
      {"castigo", "castillos", 1, 7},  // `castill` is two edits from every beginning of `castigo`
      {"castigo", "cuba", 1, 3},       // `cub` already: every word beginning so is too far
      {"castigo", "casa", 1, std::string_view::npos},  // `casa` is too far, not every word beginning so
      {"gobierno", "gxyz", 1, 3},                      // `gxy`
      {"chatiments", "cxyz", 2, 4},                    // `cxyz`: two edits are not enough from `c`
      {"educacion", "educación", 0, 9},                // code points: `educació`, 8 letters in 9 bytes
      {"niño", "niños", 1, std::string_view::npos},
  };
  for (const auto& [typed, indexed, limit, hopeless] : beginnings)
    EXPECT_EQ(hopeless_beginning(code_points(typed), indexed, limit), hopeless) << typed << " ~ " << indexed;
  std::mt19937 random(7);
  auto word = [&](size_t length) {
    std::string out;
    for (size_t i = 0; i < length; ++i) out += static_cast<char>('a' + random() % 5);
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string typed = word(5 + random() % 8), indexed = word(1 + random() % 12);
    int limit = 1 + static_cast<int>(random() % 2);
    size_t hopeless = hopeless_beginning(code_points(typed), indexed, limit);
    int distance = typo_distance(code_points(typed), code_points(indexed), limit);
    if (hopeless == std::string_view::npos) continue;
    EXPECT_GT(distance, limit) << typed << " ~ " << indexed;
    for (int extension = 0; extension < 5; ++extension) {
      std::string longer = indexed.substr(0, hopeless) + word(random() % 6);
      EXPECT_GT(typo_distance(code_points(typed), code_points(longer), limit), limit)
          << typed << " ~ " << longer;
    }
  }
}

TEST(TypoDistanceTable, BudgetGrowsWithTheWord) {
  const std::pair<std::string, int> budgets[] = {
      {"niño", 0},       {"corpo", 1},     {"castigo", 1},   {"chatimen", 1},
      {"chatiments", 2}, {"éducation", 2}, {"educación", 2}, {"", 0}};
  for (const auto& [word, budget] : budgets) EXPECT_EQ(typo_budget(code_points(word).size()), budget) << word;
}

TEST(TypoDistance, CodePointsOfUtf8) {
  EXPECT_EQ(code_points("ñé€𝄞"), (std::u32string{U'ñ', U'é', U'€', U'\U0001D11E'}));
}

}  // namespace
}  // namespace sonda::query

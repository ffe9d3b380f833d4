// Table tests of typo distance (Damerau–Levenshtein, the first letter counting two) and of the budget.
#include <gtest/gtest.h>

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

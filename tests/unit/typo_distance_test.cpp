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

// The letter bound lets through every pair the distance keeps, and turns away pairs of other letters.
TEST(TypoDistanceTable, TheLetterBoundNeverTurnsAwayAWordWithinTheLimit) {
  for (const DistanceCase& c : kDistances)
    if (c.expected <= c.limit) {
      EXPECT_TRUE(LetterBound(c.typed).may_be_within(c.indexed, c.limit)) << c.typed << " ~ " << c.indexed;
    }
  const std::tuple<std::string, std::string, int, bool> bounds[] = {
      {"chatiments", "chatiments", 0, true}, {"chatiments", "chatimetns", 0, true},  // a swap: same letters
      {"castigo", "castigos", 1, true},      {"castigo", "castillos", 1, false},   // l, l, s added; g dropped
      {"abcde", "vwxyz", 2, false},          {"educacion", "educación", 0, true},  // not ASCII: passes
  };
  for (const auto& [typed, candidate, limit, may] : bounds)
    EXPECT_EQ(LetterBound(typed).may_be_within(candidate, limit), may) << typed << " ~ " << candidate;
  std::mt19937 random(7);  // random words and one or two random edits: the bound keeps each within reach
  for (int round = 0; round < 2000; ++round) {
    std::string typed;
    for (int i = 0; i < 5 + static_cast<int>(random() % 8); ++i)
      typed += static_cast<char>('a' + random() % 6);
    std::string edited = typed;
    for (int edit = 0; edit < 1 + static_cast<int>(random() % 2); ++edit) {
      size_t at = 1 + random() % (edited.size() - 1);
      switch (random() % 4) {
        case 0: edited.erase(at, 1); break;
        case 1: edited.insert(at, 1, static_cast<char>('a' + random() % 6)); break;
        case 2:
          if (at + 1 < edited.size()) std::swap(edited[at], edited[at + 1]);
          break;
        default: edited[at] = static_cast<char>('a' + random() % 6);
      }
    }
    int distance = typo_distance(code_points(typed), code_points(edited), 2);
    if (distance <= 2) {
      EXPECT_TRUE(LetterBound(typed).may_be_within(edited, distance)) << typed << " ~ " << edited;
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

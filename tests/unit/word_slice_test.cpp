// A letter's words in memory: the words a prefix begins, in order, found by a binary search.
#include "search/word_slice.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::search {
namespace {

TEST(WordSlice, GivesTheWordsAPrefixBeginsInOrder) {
  WordSlice slice;
  for (const char* word : {"caso", "casos", "castigo", "castigos", "cata", "chatiment", "châtiment", "cuba"})
    slice.add(word, static_cast<Xapian::doccount>(std::string(word).size()));
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"cas", {"caso", "casos", "castigo", "castigos"}},
      {"castigo", {"castigo", "castigos"}},  // a word and those it begins
      {"castigos", {"castigos"}},
      {"castigoss", {}},  // past its place
      {"c", {"caso", "casos", "castigo", "castigos", "cata", "chatiment", "châtiment", "cuba"}},
      {"ch", {"chatiment", "châtiment"}},  // bytes order: â after a
      {"châ", {"châtiment"}},
      {"b", {}},  // before every word
      {"d", {}},  // after every word
      {"cat", {"cata"}},
  };
  for (const auto& [prefix, expected] : cases) {
    std::vector<std::string> found;
    slice.each_from(prefix, [&](std::string_view word, Xapian::doccount documents) {
      EXPECT_EQ(documents, word.size()) << word;
      found.emplace_back(word);
      return true;
    });
    EXPECT_EQ(found, expected) << prefix;
  }
  std::vector<std::string> first_two;
  slice.each_from("cas", [&](std::string_view word, Xapian::doccount) {
    first_two.emplace_back(word);
    return first_two.size() < 2;
  });
  EXPECT_EQ(first_two, (std::vector<std::string>{"caso", "casos"})) << "a visit returning false stops it";
  EXPECT_EQ(slice.size(), 8u);
  EXPECT_GT(slice.bytes(), 8 * sizeof(Xapian::doccount));
}

}  // namespace
}  // namespace sonda::search

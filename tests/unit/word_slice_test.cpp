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
    for (size_t i = slice.first_at_least(prefix); i < slice.size() && slice.word_at(i).starts_with(prefix);
         ++i) {
      EXPECT_EQ(slice.documents_at(i), slice.word_at(i).size()) << slice.word_at(i);
      found.emplace_back(slice.word_at(i));
    }
    EXPECT_EQ(found, expected) << prefix;
  }
  EXPECT_EQ(slice.first_at_least("castigoss"), 4u) << "the place of the first word after it: cata";
  EXPECT_EQ(slice.first_at_least("d"), slice.size()) << "after every word";
  EXPECT_EQ(slice.size(), 8u);
  EXPECT_GT(slice.bytes(), 8 * sizeof(Xapian::doccount));
}

}  // namespace
}  // namespace sonda::search

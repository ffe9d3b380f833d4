// Documents holding a term of every group, counted over local databases by marking, as a match counts them.
#include "search/index_term_lookup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::search {
namespace {

using Groups = std::vector<std::vector<std::string>>;

// Document n (from 1) holds "a" when n is even, "b" when a multiple of 3, "c" when of 5, "d" when of 7.
Xapian::Database numbered(int count) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int n = 1; n <= count; ++n) {
    Xapian::Document document;
    document.add_term("n" + std::to_string(n));
    for (auto [term, every] : {std::pair{"a", 2}, {"b", 3}, {"c", 5}, {"d", 7}})
      if (n % every == 0) document.add_term(term);
    database.add_document(document);
  }
  return database;
}

TEST(IndexTermLookup, CountsTheDocumentsOfEveryGroupAsAMatchDoes) {
  const std::vector<std::pair<Groups, size_t>> cases = {
      {{{"a"}, {"b"}}, 16},                // multiples of 6 up to 100
      {{{"a"}, {"b", "c"}}, 16 + 10 - 3},  // of 6 or 10, once each (30, 60, 90 hold both)
      {{{"a", "d"}, {"b"}}, 16 + 4 - 2},   // of 6 or 21 (42, 84 both)
      {{{"a"}, {"b"}, {"c"}}, 3},          // of 30
      {{{"a"}, {"missing"}}, 0},           // a term no document holds
      {{{"missing"}, {"a"}}, 0},           // in the marked groups too
      {{{"a"}, {}}, 0},                    // an empty group
      {{{"n7"}, {"d"}}, 1},                // a single document
      {{{"a"}}, 50},                       // one group: a count of its own
  };
  Xapian::Database database = numbered(100);
  IndexTermLookup local(database);
  IndexTermLookup matched(database, nullptr, nullptr, nullptr, /*remote=*/true);
  for (const auto& [groups, expected] : cases) {
    EXPECT_EQ(local.documents_with_all(groups), expected) << ::testing::PrintToString(groups);
    EXPECT_EQ(matched.documents_with_all(groups), expected) << ::testing::PrintToString(groups);
  }
  // The same lookup asked with other marked groups marks them anew.
  EXPECT_EQ(local.documents_with_all({{"b"}, {"c"}}), 6u);
  EXPECT_EQ(local.documents_with_all({{"a"}, {"c"}}), 10u);
}

}  // namespace
}  // namespace sonda::search

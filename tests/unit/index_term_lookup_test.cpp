// Documents holding a term of every group, counted over local databases by marking, as a match counts them.
#include "search/index_term_lookup.h"

#include <gtest/gtest.h>

#include "index/schema.h"
#include "search/term_cache.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "query/typo_distance.h"

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
      // a few listed documents against a long posting list: skipped to, not merged
      {{{"n14", "n21", "n50"}, {"a"}}, 2},
      {{{"n99", "n100"}, {"a"}}, 1},  // the list's last document
      {{{"n1"}, {"a"}}, 0},           // before its first
      {{{"a"}}, 50},                  // one group: a count of its own
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

TEST(IndexTermLookup, CountsSharedDocumentsUpToTheBoundAlikeLocallyAndByAMatch) {
  constexpr size_t kBound = query::TermLookup::kMaxSharedDocuments;
  Xapian::Database database = numbered(static_cast<int>(kBound) * 13);  // a: 6.5 bounds, of 6: 2.2 bounds
  const std::vector<std::pair<Groups, size_t>> cases = {
      {{{"a"}, {"b"}}, kBound},                    // of 6: past the bound
      {{{"a"}, {"b", "c"}}, kBound},               // past it through either term
      {{{"b"}, {"c"}, {"d"}}, kBound * 13 / 105},  // of 105: under it, exact
      {{{"d"}, {"c"}}, kBound * 13 / 35},          // of 35: under it, exact
      {{{"c"}, {"d", "n35"}}, kBound * 13 / 35},   // a term adding nothing new
  };
  IndexTermLookup local(database);
  IndexTermLookup matched(database, nullptr, nullptr, nullptr, /*remote=*/true);
  for (const auto& [groups, expected] : cases) {
    EXPECT_EQ(local.documents_with_all(groups), expected) << ::testing::PrintToString(groups);
    EXPECT_EQ(matched.documents_with_all(groups), expected) << ::testing::PrintToString(groups);
  }
}

// Whether a document holds both terms: the same locally (the two lists skipped through each other), by a
// match, and from the cache (asked again).
TEST(IndexTermLookup, TellsWhetherADocumentHoldsBothTerms) {
  const std::vector<std::tuple<std::string, std::string, bool>> cases = {
      {"a", "b", true},      {"b", "a", true},   {"n7", "d", true},       {"n7", "a", false},
      {"n97", "n98", false}, {"d", "n98", true}, {"a", "missing", false}, {"missing", "a", false},
  };
  Xapian::Database database = numbered(100);
  TermCache cache;
  IndexTermLookup local(database);
  IndexTermLookup cached(database, nullptr, nullptr, &cache);
  IndexTermLookup matched(database, nullptr, nullptr, nullptr, /*remote=*/true);
  for (int round = 0; round < 2; ++round)
    for (const auto& [a, b, expected] : cases) {
      EXPECT_EQ(local.any_document_with_both(a, b), expected) << a << " " << b;
      EXPECT_EQ(cached.any_document_with_both(a, b), expected) << a << " " << b << ", round " << round;
      EXPECT_EQ(matched.any_document_with_both(a, b), expected) << a << " " << b;
    }
  EXPECT_EQ(cache.both_held("n7", "a"), std::optional<bool>(false));
  EXPECT_EQ(cache.documents_with("n7"), std::nullopt) << "a pair is no term's count";
}

// A few Spanish and French words, each in as many documents as its number.
Xapian::WritableDatabase vocabulary() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::pair<std::string, int>> words = {
      {"castigo", 5},   {"castigos", 2},   {"castiga", 1}, {"casto", 1},     {"caso", 4},
      {"chatiment", 1}, {"châtiments", 3}, {"cuba", 2},    {"corporels", 3}, {"corporel", 1},
  };
  for (const auto& [word, documents] : words)
    for (int n = 0; n < documents; ++n) {
      Xapian::Document document;
      document.add_term(word);
      database.add_document(document);
    }
  return database;
}

TEST(IndexTermLookup, OverRemoteShardsScansAKeptSliceOfTheWordListAndAnswersTheSame) {
  Xapian::WritableDatabase database = vocabulary();
  TermCache cache;
  IndexTermLookup local(database);
  IndexTermLookup remote(database, nullptr, nullptr, &cache, /*remote=*/true);
  for (std::string_view prefix : {"cas", "cast", "castigos", "ch", "châ", "co", "cz"}) {
    auto expected = local.completions(prefix, 20);
    auto found = remote.completions(prefix, 20);
    ASSERT_EQ(found.size(), expected.size()) << prefix;
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].word, expected[i].word) << prefix;
      EXPECT_EQ(found[i].documents, expected[i].documents) << prefix;
    }
  }
  for (std::string_view word : {"castigi", "csatigo", "chatimens", "corporls", "cubaa"})
    EXPECT_EQ(remote.similar_words(word, 1, 4), local.similar_words(word, 1, 4)) << word;
  ASSERT_NE(cache.word_slice("c"), nullptr) << "the words starting with c, read once";
  EXPECT_EQ(cache.word_slice("c")->size(), 10u);
  // Later scans read the slice, not the word list: a word added since is not seen until the cache is
  // emptied (as the searcher does whenever the database changes).
  Xapian::Document added;
  added.add_term("castillo");
  database.add_document(added);
  IndexTermLookup again(database, nullptr, nullptr, &cache, /*remote=*/true);
  EXPECT_EQ(again.similar_words("castillos", 1, 4), std::vector<std::string>{}) << "from the kept slice";
  EXPECT_TRUE(again.completions("castil", 20).empty()) << "completions read a kept slice too";
  cache.clear();
  EXPECT_EQ(again.similar_words("castillos", 1, 4), std::vector<std::string>{"castillo"});
  EXPECT_EQ(again.completions("castil", 20).size(), 1u);
}

// Words a typo away, found by a scan that skips the words beginning hopelessly, are those every word
// compared would give: in the database's word list and in a kept slice of it, over a vocabulary of many
// close words (random letters, some accented), nearest first, then most documents.
TEST(IndexTermLookup, SkippingHopelessBeginningsFindsEveryWordATypoAway) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string> letters = {"a", "b", "c", "é", "ñ"};
  std::mt19937 random(11);
  std::set<std::string> words;
  for (int n = 0; n < 3000; ++n) {
    std::string word = "c";
    for (size_t length = 3 + random() % 7; word.size() < length;) word += letters[random() % letters.size()];
    words.insert(word);
    Xapian::Document document;
    document.add_term(word);
    for (unsigned more = random() % 3; more > 0; --more) document.add_term(*words.begin());
    database.add_document(document);
  }
  TermCache cache;
  IndexTermLookup local(database);
  IndexTermLookup remote(database, nullptr, nullptr, &cache, /*remote=*/true);
  for (std::string typed : {"cabacab", "cbéñab", "caaaaaaaa", "cñcñcñ", "cbbcab"}) {
    for (int limit : {1, 2}) {
      std::u32string points = query::code_points(typed);
      std::vector<std::tuple<int, int, std::string>> every;  // (distance, −documents, word)
      for (const std::string& word : words) {
        int distance = query::typo_distance(points, query::code_points(word), limit);
        if (word != typed && distance <= limit)
          every.emplace_back(distance, -static_cast<int>(database.get_termfreq(word)), word);
      }
      std::sort(every.begin(), every.end());
      std::vector<std::string> expected;
      for (const auto& [distance, documents, word] : every) expected.push_back(word);
      EXPECT_EQ(local.similar_words(typed, limit, 100000), expected) << typed << " within " << limit;
      EXPECT_EQ(remote.similar_words(typed, limit, 100000), expected) << typed << " within " << limit;
    }
  }
}

// Documents by how they write two words: (folded word, its spelling as written), one document each.
Xapian::Database spellings() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::pair<std::string, std::string>> written = {
      {"problemes", "problèmes"}, {"problemes", "problèmes"}, {"problemes", "problèmes"},
      {"problemes", "problémes"}, {"problemes", "problemes"}, {"chateau", "château"},
      {"chateau", "chateau"},     {"chateau", "chateau"},     {"chateau", "chateau"}};
  for (const auto& [folded, form] : written) {
    Xapian::Document document;
    document.add_term(folded);
    if (form != folded)
      document.add_term(std::string(index::kAccentPrefix) + folded + index::kAccentSeparator + form);
    database.add_document(document);
  }
  return database;
}

// The form documents use most for a folded word, among those beginning as a word being typed was typed.
TEST(IndexTermLookup, WritesAWordAsMostDocumentsWriteItBeginningAsTyped) {
  const struct {
    std::string folded, beginning, expected;
  } cases[] = {
      {"problemes", "", "problèmes"},        // three of five documents
      {"problemes", "problè", "problèmes"},  //
      {"problemes", "problé", "problémes"},  // the one form beginning so
      {"problemes", "proble", "problemes"},  // no accented form begins so: the word as folded
      {"chateau", "", "chateau"},            // mostly written without accents
      {"chateau", "chat", "chateau"},        //
      {"chateau", "chât", "château"},        // typed with its accent: the form beginning so, however rare
      {"maison", "", "maison"},              // no form recorded
  };
  Xapian::Database database = spellings();
  TermCache cache;
  IndexTermLookup lookup(database);
  IndexTermLookup cached(database, nullptr, nullptr, &cache);
  for (int round = 0; round < 2; ++round)
    for (const auto& c : cases) {
      EXPECT_EQ(lookup.display_form(c.folded, c.beginning), c.expected) << c.folded << " " << c.beginning;
      EXPECT_EQ(cached.display_form(c.folded, c.beginning), c.expected) << c.folded << " " << c.beginning;
    }
}

}  // namespace
}  // namespace sonda::search

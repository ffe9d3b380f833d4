// Where a long body's snippet comes from, found by the positions of matched words: whole words, stems and
// the words a word being typed begins, so no body is read whole to find its passage.
#include "search/snippet_locator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "index/schema.h"
#include "support/corpus_index.h"
#include "support/temp_dir.h"

namespace sonda::search {
namespace {

TEST(SnippetLocator, ALongBodysMatchesAreFoundByTheirPositionsWordsBeingTypedToo) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "corpus");
  std::string body;
  for (int i = 0; i < 300; ++i) body += "Les équipes locales ont rencontré les familles du district. ";
  body += "\n\nLes inondations de février ont fermé les écoles rurales.\n";
  std::ofstream(dir.path() / "corpus" / "long.md") << "---\ntitle: Long\nlang: fr\n---\n" << body;
  std::string db = (dir.path() / "db").string();
  testing::build_index((dir.path() / "corpus").string(), db);
  Xapian::Database database(db);
  Xapian::PostingIterator posting = database.postlist_begin(std::string(index::kIdPrefix) + "long.md");
  ASSERT_NE(posting, database.postlist_end(std::string(index::kIdPrefix) + "long.md"));
  Xapian::Document document = database.get_document(*posting);
  auto map = index::decode_body_map(document.get_value(index::kBodyMapSlot));
  ASSERT_TRUE(map.has_value());
  std::string stored = body;  // the body as indexed begins with the same text
  size_t mention = stored.find("inondations");

  struct Row {
    const char* name;
    query::HighlightTerms terms;
  };
  query::HighlightTerms word, typed, unknown;
  word.searched_words = {"inondations"};
  typed.prefixes = {"inond"};
  unknown.prefixes = {"zzz"};
  for (const Row& row : {Row{"word", word}, Row{"typed", typed}}) {
    auto starts = snippet_starts(database, *posting, *map, row.terms, 3);
    ASSERT_TRUE(starts.has_value()) << row.name;
    ASSERT_EQ(starts->size(), 1u) << row.name;
    EXPECT_LE(starts->front(), mention) << row.name;
    EXPECT_GT(starts->front() + 1200, mention) << row.name << ": the mention is in a slice from the start";
  }
  auto none = snippet_starts(database, *posting, *map, unknown, 3);
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(*none, std::vector<size_t>{0}) << "no body word begins with the typed word";
}

}  // namespace
}  // namespace sonda::search

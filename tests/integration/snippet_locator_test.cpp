// Where a long body's snippet comes from, found by the positions of matched words: whole words, stems and
// the words a word being typed begins, so no body is read whole to find its passage; and a long body
// stored packed, of which a hit inflates only its slices.
#include "search/snippet_locator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "index/schema.h"
#include "index/stored_fields.h"
#include "search/searcher.h"
#include "support/corpus_index.h"
#include "support/temp_dir.h"

namespace sonda::search {
namespace {

// The one document of a corpus holding `long.md` with `text`, indexed, as the locator reads it.
struct IndexedLong {
  testing::TempDir dir;
  std::unique_ptr<Xapian::Database> database;
  Xapian::docid document = 0;
  Xapian::Document xapian_document;
  std::optional<index::BodyMap> map;
};

std::unique_ptr<IndexedLong> index_long(const std::string& text) {
  auto out = std::make_unique<IndexedLong>();
  std::filesystem::create_directories(out->dir.path() / "corpus");
  std::ofstream(out->dir.path() / "corpus" / "long.md") << text;
  std::string db = (out->dir.path() / "db").string();
  testing::build_index((out->dir.path() / "corpus").string(), db);
  out->database = std::make_unique<Xapian::Database>(db);
  std::string id = std::string(index::kIdPrefix) + "long.md";
  auto posting = out->database->postlist_begin(id);
  if (posting == out->database->postlist_end(id)) return out;
  out->document = *posting;
  out->xapian_document = out->database->get_document(out->document);
  out->map = index::decode_body_map(out->xapian_document.get_value(index::kBodyMapSlot));
  return out;
}

TEST(SnippetLocator, ALongBodysMatchesAreFoundByTheirPositionsWordsBeingTypedToo) {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "Les équipes locales ont rencontré les familles du district. ";
  body += "\n\nLes inondations de février ont fermé les écoles rurales.\n";
  auto indexed = index_long("---\ntitle: Long\nlang: fr\n---\n" + body);
  ASSERT_TRUE(indexed->map.has_value());
  const Xapian::Database& database = *indexed->database;
  const index::BodyMap* map = &*indexed->map;
  const Xapian::docid* posting = &indexed->document;
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
    auto matches = body_matches(database, *posting, *map, row.terms);
    ASSERT_TRUE(matches.has_value()) << row.name;
    auto starts = snippet_starts(*matches, *map, 3);
    ASSERT_EQ(starts.size(), 1u) << row.name;
    EXPECT_LE(starts.front(), mention) << row.name;
    EXPECT_GT(starts.front() + 1200, mention) << row.name << ": the mention is in a slice from the start";
  }
  auto none = body_matches(database, *posting, *map, unknown);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(snippet_starts(*none, *map, 3), std::vector<size_t>{0})
      << "no body word begins with the typed word";
}

TEST(SnippetLocator, InALongBodyAWordBeingTypedIsLocatedThroughItsCompletionsSearchedTerms) {
  std::string body;
  for (int i = 0; i < 600; ++i) body += "Les équipes locales ont rencontré les familles du district. ";
  body += "\n\nLes inondations de février ont fermé les écoles rurales.\n";
  auto indexed = index_long("---\ntitle: Long\nlang: fr\n---\n" + body);
  ASSERT_TRUE(indexed->map.has_value());
  ASSERT_GE(indexed->map->words, 4096u);
  size_t mention = body.find("inondations");
  query::HighlightTerms searched, elsewhere;
  searched.prefixes = elsewhere.prefixes = {"inond"};
  searched.prefix_terms = {{std::string(index::kStemPrefix) + "inond"}};
  elsewhere.prefix_terms = {{std::string(index::kStemPrefix) + "inonde", "inondable"}};
  auto matches = body_matches(*indexed->database, indexed->document, *indexed->map, searched);
  ASSERT_TRUE(matches.has_value());
  auto starts = snippet_starts(*matches, *indexed->map, 1);
  ASSERT_EQ(starts.size(), 1u);
  EXPECT_LE(starts.front(), mention);
  EXPECT_GT(starts.front() + 1200, mention) << "the mention is in a slice from the start";
  auto none = body_matches(*indexed->database, indexed->document, *indexed->map, elsewhere);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty()) << "the document's own words are not read: only the searched terms count";
  auto stored =
      index::decode_stored_fields(indexed->xapian_document.get_data(), index::BodyReading::deferred);
  analysis::Analyzer analyzer;
  EXPECT_FALSE(body_matches_in_text(analyzer, *stored, *indexed->map, searched).has_value())
      << "the text locator leaves such a body to the positions, so remote shards locate it alike";
}

// Over remote shards a hit's matched words are found in its stored text analysed again, not by asking the
// shard for positions: the clusters found must be those the database's positions give.
TEST(SnippetLocator, TheStoredTextAnalysedAgainGivesTheClustersTheDatabasesPositionsGive) {
  std::string body;
  for (int i = 0; i < 200; ++i) {
    body += "Les équipes locales ont rencontré les familles du district " + std::to_string(i) + ". ";
    if (i == 40 || i == 120) body += "Les inondations ont fermé les écoles rurales. ";
    if (i == 170) body += "Les inondations de février. Paysages. ";
  }
  // 64 words of the title begin with "pa" and sort before the body's "paysages": those are the termlist's
  // first 64 completions of "pa", so none of the body is located through it.
  std::string title = "Rapport sur les fermetures";
  for (char a = 'a'; a < 'a' + 8; ++a)
    for (char b = 'a'; b < 'a' + 8; ++b) title += std::string(" pa") + a + b;
  auto indexed = index_long("---\ntitle: " + title + "\nlang: fr\nkeywords: [inondabilité]\n---\n" + body);
  ASSERT_TRUE(indexed->map.has_value());
  const Xapian::Database& database = *indexed->database;
  const index::BodyMap* map = &*indexed->map;
  const Xapian::docid* posting = &indexed->document;
  const Xapian::Document& document = indexed->xapian_document;
  auto stored = index::decode_stored_fields(document.get_data(), index::BodyReading::deferred);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->keywords, std::vector<std::string>{"inondabilité"});
  analysis::Analyzer analyzer;

  struct Row {
    const char* name;
    std::set<std::string> stems, words;
    std::vector<std::string> prefixes;
    bool found;  // some cluster is found, so the starts are not just {0}
    // For a word being typed, the terms its completions were searched as (none: a `word*` prefix).
    std::vector<std::vector<std::string>> prefix_terms = {};
  };
  const std::string stem_of_inondations = std::string(index::kStemPrefix) + "inond";
  const Row rows[] = {
      {"a stem", {"inond"}, {}, {}, true},
      {"a word and an absent one", {}, {"rurales", "absent"}, {}, true},
      {"a word being typed", {}, {}, {"fevr"}, true},
      {"all three", {"inond"}, {"ecoles"}, {"rur"}, true},
      {"an absent stem beside a typed word", {"zzzz"}, {}, {"inon"}, true},
      {"typed words the title and keywords also hold", {}, {}, {"ferm", "inond"}, true},
      {"a typed word whose first 64 completions are in the title", {}, {}, {"pa"}, false},
      {"the same word typed further", {}, {}, {"pay"}, true},
      {"nothing the document holds", {"zzzz"}, {"absent"}, {"qqq"}, false},
      // A word being typed counts through the terms its completions were searched as, not the document's
      // own words it begins (février, fermé begin with fe; no word of the body is a fenêtre).
      {"a word being typed through its completion's stem", {}, {}, {"inon"}, true, {{stem_of_inondations}}},
      {"a word being typed through a completion searched as itself", {}, {}, {"rur"}, true, {{"rurales"}}},
      {"a word being typed whose completions the body lacks",
       {},
       {},
       {"fe"},
       false,
       {{"Zfenetr", "fenetre"}}},
      {"a word being typed beside a word* prefix", {}, {}, {"fe", "pay"}, true, {{"Zfenetr"}, {}}},
  };
  for (const Row& row : rows) {
    query::HighlightTerms terms;
    terms.stems = row.stems;
    terms.searched_words = row.words;
    terms.prefixes = row.prefixes;
    terms.prefix_terms = row.prefix_terms;
    auto positions = body_matches(database, *posting, *map, terms);
    auto text = body_matches_in_text(analyzer, *stored, *map, terms);
    ASSERT_TRUE(positions.has_value() && text.has_value()) << row.name;
    EXPECT_EQ(*text, *positions) << row.name;
    EXPECT_EQ(snippet_starts(*text, *map, 3), snippet_starts(*positions, *map, 3)) << row.name;
    EXPECT_EQ(snippet_starts(*text, *map, 3) != std::vector<size_t>{0}, row.found) << row.name;
  }
  index::BodyMap other = *map;
  ++other.words;
  EXPECT_FALSE(body_matches_in_text(analyzer, *stored, other, {}).has_value())
      << "a body whose words do not add up to its map's is left to the database";
}

TEST(SnippetLocator, ALongBodyStoredPackedGivesItsSnippetsPassagesAndWholeText) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "corpus");
  std::string body;
  for (int i = 0; i < 900; ++i) {
    body += "Paragraphe " + std::to_string(i) + " : les équipes ont rencontré les familles du district.";
    if (i == 850 || i == 400) body += " Les inondations ont fermé les écoles.";
    body += "\n\n";
  }
  std::ofstream(dir.path() / "corpus" / "long.md") << "---\ntitle: Long\nlang: fr\n---\n" << body;
  std::string db = (dir.path() / "db").string();
  testing::build_index((dir.path() / "corpus").string(), db);
  {
    Xapian::Database database(db);
    Xapian::Document document =
        database.get_document(*database.postlist_begin(std::string(index::kIdPrefix) + "long.md"));
    std::string data = document.get_data();
    EXPECT_LT(data.size(), 200u) << "the body's chunks are stored outside the record";
    auto stored =
        index::decode_stored_fields(data, index::BodyReading::deferred,
                                    [&](const std::string& key) { return database.get_metadata(key); });
    auto map = index::decode_body_map(document.get_value(index::kBodyMapSlot));
    ASSERT_TRUE(stored.has_value() && map.has_value());
    analysis::Analyzer analyzer;
    query::HighlightTerms terms;
    terms.searched_words = {"inondations"};
    EXPECT_FALSE(body_matches_in_text(analyzer, *stored, *map, terms).has_value())
        << "a packed body is located by the database's positions";
    ASSERT_TRUE(index::unpack_body(*stored));
    EXPECT_FALSE(body_matches_in_text(analyzer, *stored, *map, terms).has_value())
        << "so is a long body inflated for a request that reads it whole";
  }
  auto searcher = Searcher::open(db, testing::builtin_gazetteer());
  ASSERT_TRUE(searcher.ok());
  for (const char* q : {"inondations", "inond"}) {
    SearchRequest request;
    request.q = q;
    request.passages = 3;
    auto response = (*searcher)->search(request);
    ASSERT_TRUE(response.ok()) << q;
    ASSERT_EQ(response->hits.size(), 1u) << q;
    const Hit& hit = response->hits[0];
    EXPECT_NE(hit.snippet.find("<mark>inondations</mark>"), std::string::npos) << q << ": " << hit.snippet;
    ASSERT_EQ(hit.passages.size(), 2u) << q;
    std::string both =
        hit.passages[0].snippet + hit.passages[1].snippet;  // each leads into the next paragraph
    EXPECT_NE(both.find("Paragraphe 401"), std::string::npos) << both;
    EXPECT_NE(both.find("Paragraphe 851"), std::string::npos) << both;
    EXPECT_TRUE(hit.document.body.empty()) << "no body unless asked for";
  }
  SearchRequest with_body;
  with_body.q = "inondations";
  with_body.with_body = true;
  auto response = (*searcher)->search(with_body);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits.size(), 1u);
  EXPECT_EQ(response->hits[0].document.body.size(), (*searcher)->document("long.md")->body.size());
  auto stored = (*searcher)->document("long.md");
  ASSERT_TRUE(stored.ok());
  EXPECT_NE(stored->body.find("Paragraphe 0 "), std::string::npos);
  EXPECT_NE(stored->body.find("Paragraphe 899 "), std::string::npos);
}

}  // namespace
}  // namespace sonda::search

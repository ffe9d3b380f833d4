// Facet counting: the values held in memory, the combined slot and one spy per slot count a match alike.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>

#include "index/index_writer.h"
#include "index/schema.h"
#include "search/facet_columns.h"
#include "search/facet_tally.h"
#include "support/temp_dir.h"

namespace sonda::search {
namespace {

index::Document page(std::string id, std::vector<std::string> countries, std::string lang, int year) {
  index::Document d;
  d.id = std::move(id);
  d.title = "Page " + d.id;
  d.body = "Les droits de l'enfant.";
  d.lang = std::move(lang);
  d.countries = std::move(countries);
  d.year = year;
  return d;
}

class FacetTallyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = index::IndexWriter::open(dir.path().string());
    ASSERT_TRUE(writer.ok());
    for (const auto& d : {page("a", {"Pérou", "Bolivie"}, "fr", 2019), page("b", {"Pérou"}, "es", 2020),
                          page("c", {}, "es", 2020), page("d", {"Pérou", "Bolivie"}, "fr", 2021)})
      ASSERT_TRUE((*writer)->add(d).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }

  // The joined counts of `fields` over every document, sorted, counted from `source`.
  std::map<std::string, JoinedCounts> count(const Xapian::Database& db, FacetSource source) {
    std::vector<index::FacetField> fields = {*index::find_facet("country"), *index::find_facet("lang"),
                                             *index::find_facet("year")};
    FacetTally tally(fields, source);
    Xapian::Enquire enquire(db);
    for (Xapian::MatchSpy* spy : tally.spies()) enquire.add_matchspy(spy);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.get_mset(0, 0, db.get_doccount());
    std::map<std::string, JoinedCounts> out;
    for (const auto& field : fields) {
      JoinedCounts joined = tally.joined(field);
      std::sort(joined.begin(), joined.end());
      out[std::string(field.name)] = joined;
    }
    return out;
  }

  sonda::testing::TempDir dir;
};

TEST_F(FacetTallyTest, EverySourceCountsTheSameJoinedLists) {
  Xapian::Database db(dir.path().string());
  auto columns = FacetColumns::load(db);
  ASSERT_TRUE(columns.has_value());
  EXPECT_TRUE(facets_in_one_slot(db, false));
  EXPECT_FALSE(facets_in_one_slot(db, true)) << "a remote shard's server runs built-in spies only";
  std::map<std::string, JoinedCounts> expected = {
      {"country",
       {{"Pérou", 1},
        {"Pérou\x1f"
         "Bolivie",
         2}}},
      {"lang", {{"es", 2}, {"fr", 2}}},
      {"year", {{"2019", 1}, {"2020", 2}, {"2021", 1}}},
  };
  EXPECT_EQ(count(db, {}), expected) << "one spy per slot";
  EXPECT_EQ(count(db, {true, nullptr}), expected) << "the combined slot";
  EXPECT_EQ(count(db, {true, &*columns}), expected) << "the columns";
}

TEST_F(FacetTallyTest, ColumnsAreNotReadFromAnIndexWhoseDocumentsLackTheCombinedSlot) {
  {
    Xapian::WritableDatabase db(dir.path().string());
    Xapian::Document older;  // as an index written before the combined slot
    older.add_value(index::find_facet("lang")->slot, "fr");
    db.add_document(older);
    db.commit();
  }
  Xapian::Database db(dir.path().string());
  EXPECT_FALSE(FacetColumns::load(db).has_value());
  EXPECT_FALSE(facets_in_one_slot(db, false));
  EXPECT_EQ(count(db, {}).at("lang"), (JoinedCounts{{"es", 2}, {"fr", 3}}));
}

// The version a Searcher names a database by: its UUID and revision.
std::string version_of(const Xapian::Database& db) {
  return db.get_uuid() + "@" + std::to_string(db.get_revision());
}

TEST_F(FacetTallyTest, AStoreReadsColumnsOncePerVersionAndKeepsTheLastTwo) {
  FacetColumnStore store;
  auto commit = [&](const index::Document& document) {
    auto writer = index::IndexWriter::open(dir.path().string());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(document).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  };
  Xapian::Database first_db(dir.path().string());
  auto first = store.columns(first_db, version_of(first_db));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(store.columns(first_db, version_of(first_db)), first) << "the same version: the same copy";
  commit(page("e", {"Chili"}, "es", 2022));
  Xapian::Database second_db(dir.path().string());
  auto second = store.columns(second_db, version_of(second_db));
  ASSERT_NE(second, nullptr);
  EXPECT_NE(second, first);
  EXPECT_EQ(count(second_db, {true, second.get()}).at("country"), (JoinedCounts{{"Chili", 1},
                                                                                {"Pérou", 1},
                                                                                {"Pérou\x1f"
                                                                                 "Bolivie",
                                                                                 2}}));
  EXPECT_EQ(store.columns(first_db, version_of(first_db)), first) << "the version before is kept";
  commit(page("f", {"Chili"}, "es", 2023));
  Xapian::Database third_db(dir.path().string());
  auto third = store.columns(third_db, version_of(third_db));
  EXPECT_EQ(store.columns(first_db, version_of(first_db)), first) << "the two last asked";
  EXPECT_NE(store.columns(second_db, version_of(second_db)), second) << "the third last asked is read again";
}

}  // namespace
}  // namespace sonda::search

// Schema round trip: index a document, read back its terms, values and stored data.
#include <gtest/gtest.h>

#include <xapian.h>

#include <set>

#include "index/index_writer.h"
#include "index/schema.h"
#include "index/stored_fields.h"
#include "support/temp_dir.h"

namespace sonda::index {
namespace {

Document peru_page() {
  Document d;
  d.id = "fr/peru.md";
  d.title = "Pérou : la petite enfance";
  d.body = "Les châtiments corporels sont interdits depuis la loi. L’enfance d’abord.";
  d.lang = "fr";
  d.date = "2019-03-22";
  d.countries = {"Pérou"};
  d.organisations = {"Grupo Impulsor", "INFANT"};
  d.topics = {"châtiments corporels"};
  d.type = "country page";
  d.format = "md";
  d.source = "fr/peru.md";
  d.url = "https://example.org/peru";
  return d;
}

std::set<std::string> terms_of(const Xapian::Database& db, Xapian::docid id) {
  std::set<std::string> terms;
  for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) terms.insert(*t);
  return terms;
}

class SchemaRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir.path().string());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(peru_page()).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    db = Xapian::Database(dir.path().string());
    Xapian::PostingIterator posting = db.postlist_begin(id_term("fr/peru.md"));
    ASSERT_NE(posting, db.postlist_end(id_term("fr/peru.md")));
    docid = *posting;
  }
  sonda::testing::TempDir dir;
  Xapian::Database db;
  Xapian::docid docid = 0;
};

// Terms the schema promises for the document above.
const char* kExpectedTerms[] = {
    "chatiments",
    "corporels",
    "enfance",
    "perou",  // folded words
    "Zchat",
    "Zcorporel",
    "Zenfanc",  // folded stems
    "Sperou",
    "ZSperou",
    "Spetite",  // title words and stems
    "Qfr/peru.md",
    "Lfr",
    "Y2019",
    "D20190322",
    "Tmd",
    "XCperou",
    "XOgrupo impulsor",
    "XOinfant",
    "XTchatiments corporels",
    "XKcountry page",
    "XAchatiments:châtiments",
    "XAperou:pérou",
};

TEST_F(SchemaRoundTrip, WritesEveryPromisedTerm) {
  auto terms = terms_of(db, docid);
  for (const char* term : kExpectedTerms) EXPECT_TRUE(terms.contains(term)) << term;
  EXPECT_FALSE(terms.contains("Zla")) << "stop words have no stem term";
  EXPECT_TRUE(terms.contains("la")) << "stop words are indexed for phrases";
}

TEST_F(SchemaRoundTrip, KeepsPositionsForPhrases) {
  auto chatiments = db.positionlist_begin(docid, "chatiments");
  auto corporels = db.positionlist_begin(docid, "corporels");
  ASSERT_NE(chatiments, db.positionlist_end(docid, "chatiments"));
  EXPECT_EQ(*corporels, *chatiments + 1);
}

TEST_F(SchemaRoundTrip, WritesValues) {
  Xapian::Document doc = db.get_document(docid);
  EXPECT_EQ(doc.get_value(kDateSlot), std::string("20190322\0fr/peru.md", 19)) << "date, NUL, id";
  EXPECT_EQ(doc.get_value(kIdSlot), "fr/peru.md");
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kYearSlot)), 2019.0);
  EXPECT_EQ(split_values(doc.get_value(find_facet("organisation")->slot)),
            (std::vector<std::string>{"Grupo Impulsor", "INFANT"}));
  EXPECT_EQ(doc.get_value(find_facet("country")->slot), "Pérou");
}

TEST_F(SchemaRoundTrip, WritesEveryFacetIntoTheCombinedSlotInFieldOrder) {
  std::vector<std::string_view> joined(facet_fields().size());
  std::string value = db.get_document(docid).get_value(kFacetsSlot);
  ASSERT_TRUE(decode_facet_values(value, joined));
  for (size_t k = 0; k < joined.size(); ++k)
    EXPECT_EQ(joined[k], db.get_document(docid).get_value(facet_fields()[k].slot)) << facet_fields()[k].name;
  EXPECT_EQ(joined[0], "Pérou");
  EXPECT_EQ(joined[2], "Grupo Impulsor\x1fINFANT");
}

TEST(Schema, CombinedFacetValuesRoundTripAndRejectWhatTheyDidNotWrite) {
  std::vector<std::string> lists = {"PE",
                                    "",
                                    "a\x1f"
                                    "b",
                                    "",
                                    "",
                                    "fr",
                                    "2019",
                                    "md"};
  std::string value = encode_facet_values(lists);
  std::vector<std::string_view> joined(lists.size());
  ASSERT_TRUE(decode_facet_values(value, joined));
  EXPECT_EQ(std::vector<std::string>(joined.begin(), joined.end()), lists);
  EXPECT_EQ(encode_facet_values(std::vector<std::string>(8)), std::string(8, '\0')) << "never empty";
  const std::pair<std::string, const char*> bad[] = {
      {"", "nothing"},
      {std::string(7, '\0'), "one list short"},
      {std::string(9, '\0'), "a byte past the last list"},
      {std::string("\x05"
                   "ab") +
           std::string(7, '\0'),
       "a length past the end"},
      {std::string(7, '\0') + "\x80", "a varint cut short"},
      {std::string(7, '\0') + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "a varint past 64 bits"},
  };
  for (const auto& [bytes, why] : bad) EXPECT_FALSE(decode_facet_values(bytes, joined)) << why;
  std::vector<std::string_view> too_few(7);
  EXPECT_FALSE(decode_facet_values(value, too_few)) << "a span of another size";
}

TEST_F(SchemaRoundTrip, StoresFieldsAndCleanedText) {
  auto stored = decode_stored_fields(db.get_document(docid).get_data());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->title, "Pérou : la petite enfance");
  EXPECT_EQ(stored->url, "https://example.org/peru");
  EXPECT_EQ(stored->organisations, (std::vector<std::string>{"Grupo Impulsor", "INFANT"}));
  EXPECT_EQ(stored->year, 2019);
  EXPECT_NE(stored->body.find("châtiments corporels"), std::string::npos);
}

TEST_F(SchemaRoundTrip, ReplacesById) {
  auto writer = IndexWriter::open(dir.path().string());
  ASSERT_TRUE(writer.ok());
  Document changed = peru_page();
  changed.body = "Texte remplacé.";
  ASSERT_TRUE((*writer)->add(changed).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 1u);
}

TEST(IndexWriterScratch, CommitsWithoutSyncAreReadLikeDurableOnes) {
  sonda::testing::TempDir dir;
  auto writer = IndexWriter::open({dir.path().string()}, IndexWriter::Durability::scratch);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->add(peru_page()).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  Xapian::Database reader(dir.path().string());
  EXPECT_EQ(reader.get_doccount(), 1u);
  EXPECT_GT(reader.get_termfreq("Zchat"), 0u);
}

TEST(Schema, FacetLookup) {
  EXPECT_EQ(find_facet("org")->name, "organisation");
  EXPECT_EQ(find_facet("country")->prefix, "XC");
  EXPECT_FALSE(find_facet("colour").has_value());
  EXPECT_EQ(facet_term(*find_facet("country"), "PÉROU"), "XCperou");
  EXPECT_TRUE(split_values("").empty());
}

TEST(IndexWriterErrors, SecondWriterIsLocked) {
  sonda::testing::TempDir dir;
  auto first = IndexWriter::open(dir.path().string());
  ASSERT_TRUE(first.ok());
  auto second = IndexWriter::open(dir.path().string());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::locked);
}

TEST(IndexWriterErrors, RejectsDocumentsWithoutId) {
  sonda::testing::TempDir dir;
  auto writer = IndexWriter::open(dir.path().string());
  ASSERT_TRUE(writer.ok());
  Status status = (*writer)->add(Document{});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace sonda::index

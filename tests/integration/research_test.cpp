// What researchers take away, end to end on the real server: CSV and RIS exports of every match (bounded,
// streamed) read back with parsers, the Atom feed read with libxml2, similar documents, and hostile titles
// surviving each format intact and inert.
#include <gtest/gtest.h>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/corpus_server.h"

namespace sonda::server {
namespace {

using Json = nlohmann::json;
const char* kHostileTitle = "=HYPERLINK(\"http://x\";\"y\") <b>bold</b>, \"quoted\"\nsecond line ER  - ";

// The sample corpus plus a JSON Lines record whose title would run as a formula, break a CSV row, a RIS
// record or XML.
std::string corpus_with_hostile_title(const testing::TempDir& dir) {
  std::filesystem::path corpus = dir.path() / "corpus";
  std::filesystem::copy(SONDA_CORPUS_DIR, corpus, std::filesystem::copy_options::recursive);
  Json record = {{"id", "hostile-1"},
                 {"title", kHostileTitle},
                 {"text", "Un texte hostileprobe sur la loi."},
                 {"lang", "fr"},
                 {"date", "2024-05-06"}};
  std::ofstream(corpus / "hostile.jsonl") << record.dump() << "\n";
  return corpus.string();
}

// RFC 4180 rows (quoted cells may hold commas, quotes doubled, line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().empty() && cell.empty()) rows.pop_back();
  return rows;
}

// RIS records: tag → values, in order.
std::vector<std::multimap<std::string, std::string>> parse_ris(const std::string& text) {
  std::vector<std::multimap<std::string, std::string>> records;
  std::multimap<std::string, std::string> record;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 2;
    if (line.empty()) continue;
    EXPECT_GE(line.size(), 6u) << line;
    EXPECT_EQ(line.substr(2, 4), "  - ") << line;
    std::string tag = line.substr(0, 2);
    if (tag == "ER") {
      records.push_back(record);
      record.clear();
    } else {
      record.emplace(tag, line.substr(6));
    }
  }
  EXPECT_TRUE(record.empty()) << "a record without ER";
  return records;
}

class ResearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_dir_ = new testing::TempDir();
    ApiConfig config;
    config.max_export = 7;
    std::string corpus = corpus_with_hostile_title(*corpus_dir_);
    config.file_folders = {corpus};
    served_ = new CorpusServer(corpus, config);
  }
  static void TearDownTestSuite() {
    delete served_;
    delete corpus_dir_;
  }
  static httplib::Result get(const std::string& path) { return served_->server().client().Get(path.c_str()); }

  static testing::TempDir* corpus_dir_;
  static CorpusServer* served_;
};
testing::TempDir* ResearchTest::corpus_dir_ = nullptr;
CorpusServer* ResearchTest::served_ = nullptr;

// 10,001 short records that all match `boundprobe`.
std::string corpus_of_10001_matches(const testing::TempDir& dir) {
  std::filesystem::path corpus = dir.path() / "many";
  std::filesystem::create_directories(corpus);
  std::ofstream out(corpus / "many.jsonl");
  for (int i = 0; i < 10001; ++i)
    out << Json{{"id", "n" + std::to_string(i)},
                {"title", "Note " + std::to_string(i)},
                {"text", "Une boundprobe parmi d'autres."},
                {"lang", "fr"}}
               .dump()
        << "\n";
  return corpus.string();
}

TEST(ExportBound, TenThousandAndOneMatchesStopAtTheDefaultBoundOfTenThousand) {
  testing::TempDir dir;
  CorpusServer served(corpus_of_10001_matches(dir));
  auto csv = served.server().client().Get("/search?q=boundprobe&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Sonda-Total-Hits"), "10001");
  EXPECT_EQ(csv->get_header_value("Sonda-Export-Limit"), "10000");
  auto rows = parse_csv(csv->body.substr(3));
  ASSERT_EQ(rows.size(), 1 + 10000 + 1u);
  EXPECT_TRUE(rows.back()[0].starts_with("# export stopped at 10000 of 10001 matching documents"))
      << rows.back()[0];
  auto ris = served.server().client().Get("/search?q=boundprobe&format=ris");
  ASSERT_TRUE(ris);
  auto records = parse_ris(ris->body);
  ASSERT_EQ(records.size(), 10000 + 1u);
  std::set<std::string> ids;
  for (size_t i = 0; i < 10000; ++i) ids.insert(records[i].find("ID")->second);
  EXPECT_EQ(ids.size(), 10000u) << "no document twice across the batches";
}

TEST_F(ResearchTest, CsvExportHoldsEveryMatchUpToTheBoundAndSaysWhereItStopped) {
  auto whole = get("/search?q=castigo&format=csv&hitsPerPage=2");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200);
  EXPECT_TRUE(whole->body.starts_with("\xEF\xBB\xBF")) << "a BOM for spreadsheet programs";
  EXPECT_EQ(whole->get_header_value("Sonda-Export-Limit"), "7");
  size_t total = std::stoul(whole->get_header_value("Sonda-Total-Hits"));
  ASSERT_GT(total, 7u);
  auto rows = parse_csv(whole->body.substr(3));
  ASSERT_EQ(rows.size(), 1 + 7 + 1u) << whole->body;  // header, the bound's worth, the stated bound
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"id", "title", "authors", "date", "year", "language", "type",
                                      "countries", "organisations", "topics", "url", "page", "section"}));
  for (size_t i = 1; i <= 7; ++i) EXPECT_EQ(rows[i].size(), 13u);
  EXPECT_NE(rows.back()[0].find("export stopped at 7 of " + std::to_string(total)), std::string::npos);
  Json page = Json::parse(get("/search?q=castigo&hitsPerPage=7")->body);
  for (size_t i = 1; i <= 7; ++i) EXPECT_EQ(rows[i][0], page["hits"][i - 1]["id"]) << "rank order";
  auto few = get("/search?q=castigo&filter=country:Guatemala&format=csv");
  size_t few_total = std::stoul(few->get_header_value("Sonda-Total-Hits"));
  ASSERT_LE(few_total, 7u);
  EXPECT_EQ(parse_csv(few->body.substr(3)).size(), 1 + few_total) << "within the bound: no bound line";
  auto posted =
      served_->server().client().Post("/search", R"({"q":"castigo","format":"csv"})", "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->body, whole->body);
}

TEST_F(ResearchTest, HostileTitlesStayIntactAndInertInEveryFormat) {
  auto csv = get("/search?q=hostileprobe&format=csv");
  auto rows = parse_csv(csv->body.substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1], std::string("'") + kHostileTitle) << "the formula is neutralised, the rest kept";
  auto ris = parse_ris(get("/search?q=hostileprobe&format=ris")->body);
  ASSERT_EQ(ris.size(), 1u);
  std::string one_line = kHostileTitle;
  for (char& c : one_line)
    if (c == '\n') c = ' ';
  EXPECT_EQ(ris[0].find("TI")->second, one_line);
  EXPECT_EQ(ris[0].find("ID")->second, "hostile-1");
  std::string atom = get("/search?q=hostileprobe&format=atom")->body;
  xmlDocPtr document =
      xmlReadMemory(atom.data(), static_cast<int>(atom.size()), "feed.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(document, nullptr) << atom;
  std::string title;
  for (xmlNodePtr node = xmlDocGetRootElement(document)->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(node->name)) == "entry")
      for (xmlNodePtr child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE &&
            std::string(reinterpret_cast<const char*>(child->name)) == "title") {
          xmlChar* text = xmlNodeGetContent(child);
          title = reinterpret_cast<const char*>(text);
          xmlFree(text);
        }
  xmlFreeDoc(document);
  EXPECT_EQ(title, kHostileTitle);
}

TEST_F(ResearchTest, RisRecordsCarryTheTagsReferenceManagersRead) {
  auto response = get("/search?q=castigo&filter=country:Guatemala&format=ris");
  EXPECT_EQ(response->get_header_value("Content-Type").find("application/x-research-info-systems"), 0u);
  auto records = parse_ris(response->body);
  ASSERT_FALSE(records.empty());
  for (const auto& record : records) {
    ASSERT_EQ(record.count("TY"), 1u);
    EXPECT_EQ(record.begin()->first.empty(), false);
    for (const char* tag : {"TI", "PY", "DA", "LA", "UR"}) EXPECT_EQ(record.count(tag), 1u) << tag;
    EXPECT_GE(record.count("KW"), 2u);
    EXPECT_EQ(record.find("DA")->second.size(), 10u) << "YYYY/MM/DD";
    EXPECT_EQ(record.find("DA")->second[4], '/');
  }
}

TEST_F(ResearchTest, AtomFeedOfTheNewestMatchesParses) {
  auto response = get("/search?q=&filter=country:Pérou&format=atom");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->get_header_value("Content-Type").find("application/atom+xml"), 0u);
  xmlDocPtr document = xmlReadMemory(response->body.data(), static_cast<int>(response->body.size()),
                                     "feed.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(document, nullptr);
  xmlNodePtr feed = xmlDocGetRootElement(document);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(feed->name)), "feed");
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(feed->ns->href)), "http://www.w3.org/2005/Atom");
  std::map<std::string, int> feed_children;
  std::vector<std::string> updated;
  for (xmlNodePtr node = feed->children; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    std::string name = reinterpret_cast<const char*>(node->name);
    ++feed_children[name];
    if (name != "entry") continue;
    std::map<std::string, int> entry;
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      std::string child_name = reinterpret_cast<const char*>(child->name);
      ++entry[child_name];
      if (child_name == "updated") {
        xmlChar* text = xmlNodeGetContent(child);
        updated.emplace_back(reinterpret_cast<const char*>(text));
        xmlFree(text);
      }
    }
    for (const char* required : {"id", "title", "updated", "link", "summary"})
      EXPECT_EQ(entry[required], 1) << required;
  }
  xmlFreeDoc(document);
  for (const char* required : {"id", "title", "updated", "author", "link"})
    EXPECT_EQ(feed_children[required], 1) << required;
  Json json = Json::parse(get("/search?q=&filter=country:Pérou&hitsPerPage=0")->body);
  EXPECT_EQ(feed_children["entry"], std::min(50, json["totalHits"].get<int>()));
  EXPECT_TRUE(std::is_sorted(updated.rbegin(), updated.rend())) << "newest first";
}

TEST_F(ResearchTest, SimilarDocumentsShareTheSubjectAcrossLanguagesAndLeaveTheDocumentOut) {
  auto response = get("/documents/fr/loi-chatiments-corporels-perou.md/similar?hitsPerPage=3");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  Json similar = Json::parse(response->body);
  ASSERT_EQ(similar["hits"].size(), 3u);
  bool spanish_law = false;
  for (const auto& hit : similar["hits"]) {
    EXPECT_NE(hit["id"], "fr/loi-chatiments-corporels-perou.md");
    spanish_law = spanish_law || hit["id"] == "es/ley-castigo-fisico.md";
  }
  EXPECT_TRUE(spanish_law) << "the Spanish page on the same law, through the gazetteer's names: "
                           << similar.dump(1);
  Json french =
      Json::parse(get("/documents/fr/loi-chatiments-corporels-perou.md/similar?lang=fr&hitsPerPage=5")->body);
  for (const auto& hit : french["hits"]) EXPECT_EQ(hit["lang"], "fr");
  auto unknown = get("/documents/no-such-document/similar");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(Json::parse(unknown->body)["error"]["code"], "not_found");
}

TEST_F(ResearchTest, PdfHitsSayTheirPageAndPassagesTheirs) {
  Json body = Json::parse(get("/search?q=plaidoyer&passages=3&hitsPerPage=20")->body);
  bool pdf_seen = false;
  for (const auto& hit : body["hits"]) {
    ASSERT_TRUE(hit.contains("passages")) << hit["id"];
    EXPECT_LE(hit["passages"].size(), 3u);
    EXPECT_EQ(hit["passages"][0].contains("page"), hit["format"] == "pdf");
    if (hit["format"] != "pdf") {
      EXPECT_FALSE(hit.contains("page"));
      continue;
    }
    pdf_seen = true;
    EXPECT_GE(hit["page"].get<int>(), 1);
  }
  EXPECT_TRUE(pdf_seen);
  EXPECT_FALSE(Json::parse(get("/search?q=plaidoyer")->body)["hits"][0].contains("passages"));
  for (const char* bad : {"0", "6", "x"})
    EXPECT_EQ(get(std::string("/search?q=x&passages=") + bad)->status, 400) << bad;
}

TEST_F(ResearchTest, ExportsSayThePageAndSectionOfTheBestPassage) {
  Json json = Json::parse(get("/search?q=plaidoyer%20Loreto&hitsPerPage=50")->body);
  std::map<std::string, int> pages;
  for (const auto& hit : json["hits"])
    if (hit.contains("page")) pages[hit["id"]] = hit["page"];
  ASSERT_TRUE(pages.contains("fr/rapport-annuel-2022.pdf")) << json.dump(1);
  auto rows = parse_csv(get("/search?q=plaidoyer%20Loreto&format=csv")->body.substr(3));
  size_t seen = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 13u);
    auto page = pages.find(rows[i][0]);
    EXPECT_EQ(rows[i][11], page == pages.end() ? "" : std::to_string(page->second)) << rows[i][0];
    seen += page != pages.end();
  }
  EXPECT_EQ(seen, pages.size());
  bool pdf_record = false;
  for (const auto& record : parse_ris(get("/search?q=plaidoyer%20Loreto&format=ris")->body)) {
    auto page = pages.find(record.find("ID")->second);
    EXPECT_EQ(record.count("SP"), page == pages.end() ? 0u : 1u);
    if (page == pages.end()) continue;
    pdf_record = true;
    EXPECT_EQ(record.find("SP")->second, std::to_string(page->second));
  }
  EXPECT_TRUE(pdf_record);
  auto sections = parse_csv(get("/search?q=salaires%20municipalit%C3%A9s&format=csv")->body.substr(3));
  ASSERT_GE(sections.size(), 2u);
  for (size_t i = 1; i < sections.size(); ++i)
    EXPECT_EQ(sections[i][12],
              sections[i][0] == "fr/bolivie-creches-communautaires.html" ? "Avec les municipalités" : "")
        << sections[i][0];
}

TEST_F(ResearchTest, HitsOfLongPagesSayTheirSectionAndItsAnchor) {
  Json json = Json::parse(get("/search?q=salaires%20municipalit%C3%A9s&passages=2")->body);
  ASSERT_FALSE(json["hits"].empty());
  const Json& hit = json["hits"][0];
  ASSERT_EQ(hit["id"], "fr/bolivie-creches-communautaires.html");
  EXPECT_EQ(hit["url"], "https://fondation.example.org/pays/bolivie-creches") << "the page's canonical link";
  EXPECT_EQ(hit["section"], (Json{{"heading", "Avec les municipalités"}, {"anchor", "municipalites"}}));
  EXPECT_EQ(hit["passages"][0]["section"]["anchor"], "municipalites");
  Json first = Json::parse(get("/search?q=march%C3%A9s%20aube%20Oruro&match=all")->body);
  ASSERT_EQ(first["hits"].size(), 1u) << first.dump(1);
  EXPECT_EQ(first["hits"][0]["section"]["anchor"], "creches");
  Json markdown = Json::parse(get("/search?q=castigo&hitsPerPage=50")->body);
  for (const auto& other : markdown["hits"])
    EXPECT_TRUE(other["format"] == "html" || !other.contains("section")) << other["id"];
}

TEST_F(ResearchTest, HitsWithoutAUrlLinkTheirOriginalFileWhichTheServerServes) {
  Json json = Json::parse(get("/search?q=plaidoyer%20Loreto&hitsPerPage=50")->body);
  const Json* pdf = nullptr;
  for (const auto& hit : json["hits"])
    if (hit["id"] == "fr/rapport-annuel-2022.pdf") pdf = &hit;
  ASSERT_NE(pdf, nullptr) << json.dump(1);
  ASSERT_EQ((*pdf)["file"], "/documents/fr%2Frapport-annuel-2022.pdf/file");
  auto file = get((*pdf)["file"].get<std::string>());
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(file->get_header_value("Content-Disposition").find("rapport-annuel-2022.pdf"), std::string::npos);
  std::ifstream original(std::filesystem::path(SONDA_CORPUS_DIR) / "fr/rapport-annuel-2022.pdf",
                         std::ios::binary);
  EXPECT_EQ(file->body, std::string(std::istreambuf_iterator<char>(original), {}))
      << "the file, byte for byte";
  auto page = get("/documents/fr%2Fbolivie-creches-communautaires.html/file");
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Security-Policy"), "sandbox");
  Json record = Json::parse(get("/search?q=hostileprobe")->body);
  ASSERT_EQ(record["hits"].size(), 1u);
  EXPECT_FALSE(record["hits"][0].contains("file")) << "a JSON Lines record has no file of its own";
  auto none = get("/documents/hostile-1/file");
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(Json::parse(none->body)["error"]["code"], "not_found");
  EXPECT_EQ(get("/documents/no-such-id/file")->status, 404);
}

TEST_F(ResearchTest, StoredTextHoldsNoLayoutWhitespace) {
  for (const char* id : {"fr/bolivie-creches-communautaires.html", "es/colombia-paz-primera-infancia.html",
                         "fr/rapport-annuel-2022.pdf"}) {
    auto response = get(std::string("/documents/") + id);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << id;
    std::string text = Json::parse(response->body)["text"];
    EXPECT_GT(text.size(), 100u);
    for (const char* layout : {"  ", "\t", "\n \n", "\n\n\n", " \n", "\n "})
      EXPECT_EQ(text.find(layout), std::string::npos) << id << " holds " << Json(layout).dump();
  }
}

TEST_F(ResearchTest, BadFormatsAreRefusedNamingTheAcceptedOnes) {
  auto response = get("/search?q=x&format=xlsx");
  EXPECT_EQ(response->status, 400);
  std::string message = Json::parse(response->body)["error"]["message"];
  EXPECT_NE(message.find("json, csv, ris, atom"), std::string::npos) << message;
  EXPECT_EQ(get("/search?q=x&format=csv&filter=colour:red")->status, 400);
}

}  // namespace
}  // namespace sonda::server

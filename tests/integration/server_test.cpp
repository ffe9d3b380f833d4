// sonda-serve end to end: the real HTTP server on an ephemeral 127.0.0.1 port over the sample corpus.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "index/index_writer.h"
#include "search/searcher_pool.h"
#include "server/api.h"
#include "server/http_server.h"
#include "support/corpus_index.h"
#include "support/corpus_server.h"
#include "support/loopback.h"
#include "support/running_server.h"

namespace sonda::server {
namespace {

using Json = nlohmann::json;
class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new CorpusServer(SONDA_CORPUS_DIR);
    server_ = &served_->server();
  }
  static void TearDownTestSuite() { delete served_; }
  static Json get_json(const std::string& target, int expected_status = 200) {
    auto response = server_->client().Get(target.c_str());
    EXPECT_TRUE(response) << target;
    if (!response) return Json();
    EXPECT_EQ(response->status, expected_status) << target << " " << response->body;
    return Json::parse(response->body, nullptr, false);
  }
  static CorpusServer* served_;
  static RunningServer* server_;
};
CorpusServer* ServerTest::served_ = nullptr;
RunningServer* ServerTest::server_ = nullptr;

TEST_F(ServerTest, ResearcherQueryWithFacets) {
  Json body = get_json("/search?q=chatiments+corporels&facets=country,organisation,lang");
  ASSERT_TRUE(body.is_object());
  bool peru_marked = false;
  for (size_t i = 0; i < 3 && i < body["hits"].size(); ++i)
    if (body["hits"][i]["id"] == "fr/perou-petite-enfance.md")
      peru_marked = body["hits"][i]["snippet"].get<std::string>().find("<mark>châtiments corporels</mark>") !=
                    std::string::npos;
  EXPECT_TRUE(peru_marked) << body.dump(2);
  EXPECT_GT(body["facetDistribution"]["country"]["Pérou"].get<int>(), 0);
  EXPECT_TRUE(body["totalHitsExact"].get<bool>());
  for (const char* field :
       {"totalHits", "page", "hitsPerPage", "totalPages", "suggestion", "processingTimeMs"})
    EXPECT_TRUE(body.contains(field)) << field;
}

TEST_F(ServerTest, OneCountryAcrossLanguagesCountedFilteredAndLabelledOnce) {
  Json spanish = get_json("/search?facets=country&hl=es&hitsPerPage=0");
  Json french = get_json("/search?facets=country&hl=fr&hitsPerPage=0");
  int peru = spanish["facetDistribution"]["country"]["Perú"].get<int>();
  EXPECT_GT(peru, 10) << "French and Spanish documents about Peru together";
  EXPECT_EQ(french["facetDistribution"]["country"]["Pérou"].get<int>(), peru);
  EXPECT_FALSE(spanish["facetDistribution"]["country"].contains("Pérou")) << spanish.dump(1);
  EXPECT_FALSE(spanish["facetDistribution"]["country"].contains("PE")) << "keys never show";
  for (const char* spelling : {"Pérou", "Perú", "peru", "PE"}) {
    Json filtered = get_json(std::string("/search?filter=country:") +
                             httplib::detail::encode_query_param(spelling) + "&hitsPerPage=100&hl=es");
    EXPECT_EQ(filtered["totalHits"].get<int>(), peru) << spelling;
    for (const Json& hit : filtered["hits"]) {
      auto countries = hit["country"].get<std::vector<std::string>>();
      EXPECT_NE(std::find(countries.begin(), countries.end(), "Perú"), countries.end()) << hit.dump();
    }
  }
  Json own = get_json("/search?q=visites%20domicile&filter=lang:fr&hitsPerPage=3");
  ASSERT_FALSE(own["hits"].empty()) << own.dump(1);
  EXPECT_EQ(own["hits"][0]["lang"], "fr");
  for (const Json& hit : own["hits"])
    for (const Json& country : hit["country"])
      EXPECT_NE(country, "Perú") << "no hl: each document in its language";
}

TEST_F(ServerTest, PostTakesTheSameFields) {
  auto response = server_->client().Post(
      "/search",
      R"({"q":"castigo físico","lang":"es","filter":["country:Perú"],"facets":["country"],"hitsPerPage":5})",
      "application/json");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  Json body = Json::parse(response->body);
  ASSERT_FALSE(body["hits"].empty());
  for (const auto& hit : body["hits"]) EXPECT_EQ(hit["lang"], "es");
}

TEST_F(ServerTest, CorsAndSecurityHeaders) {
  auto response = server_->client().Get("/search?q=enfance", {{"Origin", "http://127.0.0.1:9999"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
  auto preflight = server_->client().Options("/search");
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
}

TEST_F(ServerTest, DocumentsHealthSuggestMetrics) {
  Json document = get_json("/documents/fr%2Fperou-petite-enfance.md");
  EXPECT_NE(document["text"].get<std::string>().find("Loreto"), std::string::npos);
  Json missing = get_json("/documents/nope", 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
  Json health = get_json("/health");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_GE(health["documents"].get<int>(), 40);
  Json suggest = get_json("/suggest?q=ch%C3%A2t");
  EXPECT_FALSE(suggest["suggestions"].empty());
  get_json("/search?q=enfance");
  auto metrics = server_->client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("sonda_http_requests_total{route=\"/search\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("sonda_index_documents"), std::string::npos);
}

// Bad input → status and error code; never a 500, never a crash.
struct BadCase {
  std::string target;
  int status;
  std::string code;
};

TEST_F(ServerTest, BadInputTable) {
  const std::string long_q(1001, 'a');
  const std::string ten_kb_q(10 * 1024, 'b');
  std::string ten_thousand_terms;
  for (int i = 0; i < 10000; ++i) ten_thousand_terms += "w" + std::to_string(i) + "%20";
  const std::string nested = std::string(1000, '(') + "castigo" + std::string(1000, ')');
  const std::string nested_short = std::string(400, '(') + "castigo" + std::string(400, ')');
  const BadCase cases[] = {
      {"/search?q=%22unbalanced", 200, ""},
      {"/search?q=(castigo", 200, ""},
      {"/search?q=castigo)))", 200, ""},
      {"/search?filter=colour:red", 400, "invalid_request"},
      {"/search?filter=nocolon", 400, "invalid_request"},
      {"/search?facets=colour", 400, "invalid_request"},
      {"/search?page=abc", 400, "invalid_request"},
      {"/search?page=0", 400, "invalid_request"},
      {"/search?page=-1", 400, "invalid_request"},
      {"/search?page=99999999", 400, "invalid_request"},
      {"/search?hitsPerPage=101", 400, "invalid_request"},
      {"/search?hitsPerPage=1.5", 400, "invalid_request"},
      {"/search?hitsPerPage=99999999999999999999", 400, "invalid_request"},
      {"/search?sort=random", 400, "invalid_request"},
      {"/search?lang=de", 400, "invalid_request"},
      {"/search?hl=en", 400, "invalid_request"},
      {"/search?match=some", 400, "invalid_request"},
      {"/search?q=chati&prefix=maybe", 400, "invalid_request"},
      {"/search?q=enfance&crossLanguage=true", 400, "cross_language_unavailable"},  // no lexicon here
      {"/search?q=enfance&crossLanguage=yes", 400, "invalid_request"},
      {"/search?q=enfance&queryLang=de", 400, "invalid_request"},
      {"/search?q=chatimens&typoTolerance=2", 400, "invalid_request"},
      {"/search?q=chatimens&typoTolerance=false&prefix=false", 200, ""},
      {"/search?q=enfance&feedback=often", 400, "invalid_request"},
      {"/search?q=enfance&feedback=true", 200, ""},
      {"/search?q=" + long_q, 400, "invalid_request"},
      {"/search?q=" + ten_kb_q, 414, "uri_too_long"},
      {"/search?q=" + ten_thousand_terms, 414, "uri_too_long"},  // past cpp-httplib's 8 KB request line
      {"/search?q=" + nested, 400, "invalid_request"},
      {"/search?q=" + nested_short, 200, ""},
      {"/search?q=%C0%AF", 400, "invalid_request"},
      {"/search?q=caf%C3", 400, "invalid_request"},
      {"/search?hitsPerPage=-5", 400, "invalid_request"},
      {"/search?page=1e3", 400, "invalid_request"},
      {"/search?q=%FF%FE", 400, "invalid_request"},
      {"/search?q=%00", 200, ""},
      {"/search?q=*", 200, ""},
      {"/nowhere", 404, "not_found"},
  };
  for (const BadCase& c : cases) {
    auto response = server_->client().Get(c.target.c_str());
    ASSERT_TRUE(response) << c.target;
    EXPECT_EQ(response->status, c.status) << c.target << " " << response->body;
    Json body = Json::parse(response->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << c.target;
    if (!c.code.empty()) {
      EXPECT_EQ(body["error"]["code"], c.code) << c.target;
    }
  }
}

TEST_F(ServerTest, BadPostBodies) {
  for (size_t size : {size_t(70) * 1024, size_t(1) << 20}) {
    auto big = server_->client().Post("/search", std::string(size, ' '), "application/json");
    ASSERT_TRUE(big) << size;
    EXPECT_EQ(big->status, 413) << size;
  }
  std::string ten_thousand_terms = R"({"q":")";
  for (int i = 0; i < 10000; ++i) ten_thousand_terms += "w" + std::to_string(i) + " ";
  ten_thousand_terms += R"("})";
  auto terms = server_->client().Post("/search", ten_thousand_terms, "application/json");
  ASSERT_TRUE(terms);
  EXPECT_EQ(terms->status, 400) << "a query over 1,000 characters, whatever the route";
  for (const char* body : {"not json", "[1]", R"({"page":"x"})", R"({"q":["a"]})"}) {
    auto response = server_->client().Post("/search", body, "application/json");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << body;
  }
}

TEST(ServerLiveIndex, NewDocumentsAppearWithoutRestart) {
  testing::TempDir dir;
  std::string db = (dir.path() / "db").string();
  RunningServer server(db);
  EXPECT_EQ(server.client().Get("/health")->status, 503) << "no index yet";
  EXPECT_EQ(server.client().Get("/search?q=x")->status, 503);
  testing::build_index(SONDA_CORPUS_DIR, db);
  auto wait_for = [&](const std::string& target, auto predicate) {
    for (int i = 0; i < 40; ++i) {
      auto response = server.client().Get(target.c_str());
      if (response && predicate(*response)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  EXPECT_TRUE(wait_for("/health", [](const httplib::Response& r) { return r.status == 200; }));
  {
    auto writer = index::IndexWriter::open(db);
    ASSERT_TRUE(writer.ok());
    index::Document added;
    added.id = "new/zanzibar.md";
    added.lang = "fr";
    added.title = "Zanzibar";
    added.body = "Un nouveau rapport sur Zanzibar.";
    ASSERT_TRUE((*writer)->add(added).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  EXPECT_TRUE(wait_for("/search?q=zanzibar", [](const httplib::Response& r) {
    return r.status == 200 && Json::parse(r.body)["totalHits"] == 1;
  })) << "visible within two seconds";
}

TEST_F(ServerTest, SlowClientIsCutOffWhileOthersAreServed) {
  int slow = testing::connect_loopback(static_cast<unsigned>(server_->port()));
  ASSERT_GE(slow, 0);
  const std::string request = "GET /search?q=castigo HTTP/1.1\r\n";
  for (size_t i = 0; i < 3; ++i) {  // one byte a second
    ASSERT_EQ(send(slow, request.data() + i, 1, MSG_NOSIGNAL), 1);
    EXPECT_EQ(get_json("/search?q=castigo")["hits"].empty(), false) << "others are served meanwhile";
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  timeval wait{10, 0};
  setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buffer[512];
  auto started = std::chrono::steady_clock::now();
  ssize_t got = recv(slow, buffer, sizeof buffer, 0);
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(waited, 9.0) << "the read timeout (5 s) closed the connection";
  EXPECT_TRUE(got == 0 ||
              (got > 0 && std::string(buffer, static_cast<size_t>(got)).find(" 40") != std::string::npos))
      << "closed, or answered with a 4xx";
  close(slow);
}

TEST(ServerFaults, CorruptIndexFileMakesHealthSaySoAndNothingCrashes) {
  testing::TempDir dir;
  testing::build_index(SONDA_CORPUS_DIR, (dir / "db").string());
  for (const char* table : {"postlist.glass", "docdata.glass"}) {
    std::ofstream corrupt(dir / "db" / table, std::ios::binary | std::ios::trunc);
    corrupt << std::string(8192, '\x5a');
  }
  RunningServer server((dir / "db").string());
  for (const char* target :
       {"/health", "/search?q=castigo", "/documents/fr%2Fperou-petite-enfance.md", "/suggest?q=cas"}) {
    auto response = server.client().Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 503) << target << " " << response->body;
    Json body = Json::parse(response->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << target;
    EXPECT_EQ(body["error"]["code"], "index_corrupt") << target;
    if (std::string(target) == "/health") {
      EXPECT_EQ(body["status"], "corrupt");
    }
    EXPECT_EQ(response->body.find(dir.path().string()), std::string::npos)
        << "no internal path in the answer";
  }
  EXPECT_EQ(server.client().Get("/")->status, 200) << "the demo page still loads";
}

}  // namespace
}  // namespace sonda::server

// The response cache in the running server: repeated searches answered from it, never an answer of an index
// state other than the one served, and the searcher's version that tells them apart.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "index/index_writer.h"
#include "search/searcher.h"
#include "search/synonym_file.h"
#include "support/corpus_index.h"
#include "support/gazetteer.h"
#include "support/running_server.h"
#include "support/temp_dir.h"

namespace sonda::server {
namespace {

using Json = nlohmann::json;

void add_document(const std::string& db, const std::string& id, const std::string& body) {
  auto writer = index::IndexWriter::open(db);
  ASSERT_TRUE(writer.ok());
  index::Document added;
  added.id = id;
  added.lang = "fr";
  added.title = "Nouveau rapport";
  added.body = body;
  ASSERT_TRUE((*writer)->add(added).ok());
  ASSERT_TRUE((*writer)->commit().ok());
}

// The body without its processing time, which differs between a computed and a cached answer.
Json without_time(const std::string& body) {
  Json json = Json::parse(body);
  json.erase("processingTimeMs");
  if (json.contains("results"))
    for (Json& result : json["results"]) result.erase("processingTimeMs");
  return json;
}

std::string cache_of(const httplib::Result& response) {
  return response ? response->get_header_value("X-Sonda-Cache") : "(no answer)";
}

class CachedServer : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "db").string();
    testing::build_index(SONDA_CORPUS_DIR, db_);
    server_ = std::make_unique<RunningServer>(db_);
  }
  httplib::Result get(const std::string& target) { return server_->client().Get(target.c_str()); }

  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(CachedServer, ARepeatedSearchIsAnsweredFromTheCacheHoweverItIsWritten) {
  auto first = get("/search?q=castigo%20fisico&facets=country,lang&lang=es");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(cache_of(first), "miss");
  auto again = get("/search?q=castigo%20fisico&facets=country,lang&lang=es");
  EXPECT_EQ(cache_of(again), "hit");
  EXPECT_EQ(without_time(again->body), without_time(first->body));
  EXPECT_TRUE(Json::parse(again->body)["processingTimeMs"].is_number()) << "the hit's own time";
  EXPECT_EQ(cache_of(get("/search?lang=es&facets=country,lang&q=castigo%20fisico&page=1")), "hit")
      << "another order, a default spelled out";
  auto posted = server_->client().Post(
      "/search", R"({"q":"castigo fisico","lang":"es","facets":["country","lang"]})", "application/json");
  EXPECT_EQ(cache_of(posted), "hit") << "POST asks the same search";
  EXPECT_EQ(cache_of(get("/search?q=castigo%20fisico&facets=country,lang&lang=es&hitsPerPage=3")), "miss");
  EXPECT_EQ(cache_of(get("/search?q=castigo%20fisico&facets=country&lang=es")), "miss");
  EXPECT_EQ(cache_of(get("/search?q=castigo%20fisico&facets=country,lang&lang=es&format=csv")), "")
      << "exports are streamed, never cached";
  auto bad = get("/search?q=castigo&page=0");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(cache_of(bad), "") << "a refused request never reaches the cache";
}

TEST_F(CachedServer, ACommitIsSeenAtOnceAndDropsTheAnswersBeforeIt) {
  const std::string target = "/search?q=zanzibar&facets=lang";
  EXPECT_EQ(Json::parse(get(target)->body)["totalHits"], 0);
  EXPECT_EQ(cache_of(get(target)), "hit");
  add_document(db_, "new/zanzibar.md", "Un rapport sur Zanzibar.");
  bool seen = false;
  for (int i = 0; i < 40 && !seen; ++i) {  // the pool refreshes its searchers every 50 ms here
    auto response = get(target);
    seen = Json::parse(response->body)["totalHits"] == 1;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(seen) << "the cached answer of the index before never hides the new document";
  EXPECT_EQ(Json::parse(get(target)->body)["totalHits"], 1) << "and never comes back";
  std::string metrics = get("/metrics")->body;
  EXPECT_NE(metrics.find("sonda_cache_drops_total 1"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("sonda_cache_requests_total{outcome=\"hit\"}"), std::string::npos);
  EXPECT_NE(metrics.find("sonda_cache_max_bytes 67108864"), std::string::npos) << "64 MiB by default";
}

TEST_F(CachedServer, MeilisearchQueriesAndSimilarDocumentsAreCachedToo) {
  const std::string body =
      R"({"queries":[{"indexUid":"documents","q":"enfance","facets":["country"],"limit":5},)"
      R"({"indexUid":"documents","q":"castigo","attributesToHighlight":["*"]}]})";
  auto first = server_->client().Post("/multi-search", body, "application/json");
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(cache_of(first), "miss");
  auto again = server_->client().Post("/multi-search", body, "application/json");
  EXPECT_EQ(cache_of(again), "hit");
  EXPECT_EQ(without_time(again->body), without_time(first->body));
  EXPECT_TRUE(Json::parse(again->body)["results"][1]["processingTimeMs"].is_number_integer());
  EXPECT_EQ(cache_of(get("/indexes/documents/search?q=enfance&limit=5")), "miss");
  EXPECT_EQ(cache_of(get("/indexes/documents/search?limit=5&q=enfance")), "hit");
  auto similar = "/documents/fr%2Fperou-petite-enfance.md/similar?hitsPerPage=3";
  EXPECT_EQ(cache_of(get(similar)), "miss");
  EXPECT_EQ(cache_of(get(similar)), "hit");
  EXPECT_EQ(cache_of(get("/documents/es%2Fley-castigo-fisico.md/similar?hitsPerPage=3")), "miss");
}

TEST(UncachedServer, WithoutACacheEveryAnswerIsComputed) {
  testing::TempDir dir;
  std::string db = (dir.path() / "db").string();
  testing::build_index(SONDA_CORPUS_DIR, db);
  ApiConfig api;
  api.cache_bytes = 0;
  RunningServer server(db, RunningServer::config(), nullptr, api);
  for (int i = 0; i < 2; ++i) {
    auto response = server.client().Get("/search?q=castigo");
    ASSERT_EQ(response->status, 200);
    EXPECT_FALSE(response->has_header("X-Sonda-Cache"));
  }
  EXPECT_NE(server.client().Get("/metrics")->body.find("sonda_cache_entries 0"), std::string::npos);
}

TEST(SearcherVersion, ChangesWithACommitOrTheSynonymsAndOnlyThen) {
  testing::TempDir dir;
  std::string db = (dir.path() / "db").string();
  testing::build_index(SONDA_CORPUS_DIR, db);
  auto searcher = search::Searcher::open(db, testing::builtin_gazetteer());
  ASSERT_TRUE(searcher.ok());
  std::string before = (*searcher)->version();
  ASSERT_TRUE((*searcher)->refresh().ok());
  EXPECT_EQ((*searcher)->version(), before) << "nothing changed";
  auto other = search::Searcher::open(db, testing::builtin_gazetteer());
  EXPECT_EQ((*other)->version(), before) << "two searchers over one state agree";
  add_document(db, "new/a.md", "Un texte.");
  EXPECT_EQ((*searcher)->version(), before) << "not seen until refreshed";
  ASSERT_TRUE((*searcher)->refresh().ok());
  std::string committed = (*searcher)->version();
  EXPECT_NE(committed, before);
  std::string path = (dir / "synonyms.txt").string();
  std::ofstream(path) << "ong, organisation non gouvernementale\n";
  auto synonyms = search::SynonymFile::open(path, nullptr, std::chrono::milliseconds(0));
  ASSERT_TRUE(synonyms.ok());
  (*searcher)->use_synonyms(synonyms->get());
  std::string with_synonyms = (*searcher)->version();
  EXPECT_EQ((*searcher)->version(), with_synonyms);
  std::ofstream(path) << "ong, organisation non gouvernementale\nniñez, infancia\n";
  EXPECT_NE((*searcher)->version(), with_synonyms) << "new groups give new answers";
}

}  // namespace
}  // namespace sonda::server

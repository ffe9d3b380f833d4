// Sharded indexes: documents routed by id (incremental runs included), the same answers from three
// xapian-tcpsrv shards as from one database, and a shard that goes down and comes back.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "index/schema.h"
#include "index/shard_routing.h"
#include "index/stub_file.h"
#include "support/child_process.h"
#include "support/loopback.h"
#include "support/run_command.h"
#include "support/run_summary.h"
#include "support/running_server.h"
#include "support/shard_server.h"
#include "support/temp_dir.h"

namespace sonda {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::run_command;
using testing::shell_quote;

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

testing::CommandResult index(const fs::path& db, const std::string& flags, const fs::path& documents) {
  return run_command(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(db.string()) + " " + flags +
                     " " + shell_quote(documents.string()));
}

// The ids in each shard folder the stub at `stub` names, in stub order.
std::vector<std::vector<std::string>> ids_per_shard(const fs::path& stub) {
  std::vector<std::vector<std::string>> shards;
  std::istringstream lines(read_file(stub));
  for (std::string line; std::getline(lines, line);) {
    Xapian::Database shard((stub.parent_path() / line.substr(5)).string());
    std::vector<std::string> ids;
    for (auto posting = shard.postlist_begin(""); posting != shard.postlist_end(""); ++posting)
      ids.push_back(shard.get_document(*posting).get_value(index::kIdSlot));
    std::sort(ids.begin(), ids.end());
    shards.push_back(std::move(ids));
  }
  return shards;
}

// Checks every shard holds only ids routed to it; returns all ids, sorted.
std::vector<std::string> routed_ids(const fs::path& stub) {
  auto shards = ids_per_shard(stub);
  std::vector<std::string> all;
  for (size_t shard = 0; shard < shards.size(); ++shard) {
    EXPECT_FALSE(shards[shard].empty()) << "shard " << shard;
    for (const std::string& id : shards[shard]) {
      EXPECT_EQ(index::shard_of(id, shards.size()), shard) << id;
      all.push_back(id);
    }
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "a document in two shards";
  return all;
}

TEST(ShardedIndexing, EveryDocumentInTheShardOfItsIdAndStatesInShardZero) {
  testing::TempDir dir;
  ASSERT_LE(index(dir / "one", "", SONDA_CORPUS_DIR).exit_code, 1);
  auto run = index(dir / "three", "--shards 3", SONDA_CORPUS_DIR);
  ASSERT_LE(run.exit_code, 1) << run.output;
  // A first run is built in parallel into the generation after the empty first one, then switched in.
  EXPECT_EQ(
      read_file(dir / "three"),
      "auto three.d/gen-000002/shard-0\nauto three.d/gen-000002/shard-1\nauto three.d/gen-000002/shard-2\n");
  EXPECT_EQ(routed_ids(dir / "three"), ids_per_shard(dir / "one").front());
  std::vector<size_t> states;
  for (int shard = 0; shard < 3; ++shard) {
    Xapian::Database database((*index::read_stub_file((dir / "three").string()))[shard].path);
    size_t count = 0;
    for (auto key = database.metadata_keys_begin("source:"); key != database.metadata_keys_end("source:");
         ++key)
      ++count;
    states.push_back(count);
  }
  EXPECT_GT(states[0], 40u);
  EXPECT_EQ(states[1] + states[2], 0u) << "source states live in shard 0 only";
}

std::string markdown(const std::string& title, const std::string& body) {
  return "---\ntitle: " + title + "\nlang: fr\n---\n" + body + "\n";
}

TEST(ShardedIndexing, IncrementalRunsAddUpdateMoveAndDeleteInTheRightShard) {
  testing::TempDir dir;
  fs::path docs = dir / "docs", db = dir / "index";
  fs::create_directories(docs);
  for (int i = 0; i < 12; ++i)
    std::ofstream(docs / ("note-" + std::to_string(i) + ".md")) << markdown(
        "Note " + std::to_string(i), "La protection de l'enfance, numéro " + std::to_string(i) + ".");
  ASSERT_EQ(testing::counts_in(index(db, "--shards 3", docs).output), (testing::Counts{12, 0, 0, 0, 0, 0}));

  std::ofstream(docs / "note-1.md") << markdown("Note 1", "Le mot girafe apparaît maintenant.");
  fs::rename(docs / "note-2.md", docs / "renamed.md");
  fs::remove(docs / "note-3.md");
  std::ofstream(docs / "new.md") << markdown("Nouveau", "Un document de plus.");
  ASSERT_EQ(testing::counts_in(index(db, "", docs).output), (testing::Counts{1, 1, 9, 1, 1, 0}));
  std::vector<std::string> expected = {"new.md", "renamed.md"};
  for (int i = 0; i < 12; ++i)
    if (i != 2 && i != 3) expected.push_back("note-" + std::to_string(i) + ".md");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(routed_ids(db), expected);
  Xapian::Database all(db.string());
  EXPECT_EQ(all.get_termfreq("girafe"), 1u) << "the updated text replaced the old one in its shard";

  auto refused = index(db, "--shards 2", docs);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("--full --shards 2"), std::string::npos) << refused.output;
  ASSERT_LE(index(db, "--full --shards 2", docs).exit_code, 1);
  EXPECT_EQ(ids_per_shard(db).size(), 2u);
  EXPECT_EQ(routed_ids(db), expected) << "re-sharded by --full";
  EXPECT_EQ(testing::counts_in(index(db, "", docs).output), (testing::Counts{0, 0, 12, 0, 0, 0}))
      << "the re-sharded index keeps the source states";
}

TEST(ShardedLongBodies, EachHitReadsItsBodysChunksFromItsOwnShard) {
  ASSERT_TRUE(fs::exists(SONDA_XAPIAN_TCPSRV)) << "xapian-tcpsrv (xapian-tools) is needed";
  testing::TempDir dir;
  fs::path docs = dir / "docs";
  fs::create_directories(docs);
  const std::vector<std::string> markers = {"alphamarque", "betamarque",    "gammamarque",
                                            "deltamarque", "epsilonmarque", "zetamarque"};
  for (const std::string& marker : markers) {
    std::string body;
    for (int i = 0; body.size() < 60000; ++i) {
      body += "Le rapport " + std::to_string(i) + " décrit les familles rencontrées dans le district. ";
      if (i == 400) body += "Ici se trouve le " + marker + " du rapport. ";
    }
    std::ofstream(docs / (marker + ".md")) << markdown("Rapport " + marker, body);
  }
  ASSERT_LE(index(dir / "one", "", docs).exit_code, 1);
  ASSERT_LE(index(dir / "three", "--shards 3", docs).exit_code, 1);
  std::set<size_t> shards_holding;
  for (const std::string& marker : markers) shards_holding.insert(index::shard_of(marker + ".md", 3));
  ASSERT_GE(shards_holding.size(), 2u) << "long documents in more than one shard";
  std::vector<std::unique_ptr<testing::ShardServer>> servers;
  {
    std::ofstream stub(dir / "remote");
    for (int shard = 0; shard < 3; ++shard) {
      servers.push_back(std::make_unique<testing::ShardServer>(
          SONDA_XAPIAN_TCPSRV, (*index::read_stub_file((dir / "three").string()))[shard].path));
      stub << "remote " << servers.back()->address() << '\n';
    }
  }
  server::RunningServer one((dir / "one").string());
  server::RunningServer local((dir / "three").string());
  server::RunningServer remote((dir / "remote").string());
  auto get = [](server::RunningServer& server, const std::string& target) {
    auto response = server.client().Get(target.c_str());
    EXPECT_TRUE(response && response->status == 200) << target;
    Json body = response ? Json::parse(response->body, nullptr, false) : Json();
    if (body.is_object()) body.erase("processingTimeMs");
    return body;
  };
  for (const std::string& marker : markers) {
    Json expected = get(one, "/search?q=" + marker + "+&passages=2");
    ASSERT_EQ(expected["hits"].size(), 1u) << marker;
    EXPECT_NE(expected["hits"][0]["snippet"].get<std::string>().find("<mark>" + marker + "</mark>"),
              std::string::npos)
        << expected["hits"][0]["snippet"];
    EXPECT_EQ(get(local, "/search?q=" + marker + "+&passages=2"), expected) << marker << " (local shards)";
    EXPECT_EQ(get(remote, "/search?q=" + marker + "+&passages=2"), expected) << marker << " (remote shards)";
    std::string document = "/documents/" + marker + ".md";
    Json whole = get(one, document);
    EXPECT_GT(whole["text"].get<std::string>().size(), 60000u);
    EXPECT_EQ(get(local, document), whole) << document;
    EXPECT_EQ(get(remote, document), whole) << document;
  }
}

using testing::ShardServer;

class ShardedServing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(fs::exists(SONDA_XAPIAN_TCPSRV))
        << "xapian-tcpsrv (xapian-tools) is needed: scripts/install-deps.sh";
    dir_ = new testing::TempDir();
    ASSERT_LE(index(*dir_ / "one", "", SONDA_CORPUS_DIR).exit_code, 1);
    ASSERT_LE(index(*dir_ / "three", "--shards 3", SONDA_CORPUS_DIR).exit_code, 1);
    std::ofstream stub(*dir_ / "remote");
    for (int shard = 0; shard < 3; ++shard) {
      shards_[shard] = new ShardServer(SONDA_XAPIAN_TCPSRV,
                                       (*index::read_stub_file((*dir_ / "three").string()))[shard].path);
      stub << (shard == 2 ? "remote tcp " : "remote ") << shards_[shard]->address() << '\n';
    }
  }
  static void TearDownTestSuite() {
    for (ShardServer*& shard : shards_) delete std::exchange(shard, nullptr);
    delete dir_;
  }
  static Json get(server::RunningServer& server, const std::string& target, int* status = nullptr) {
    auto response = server.client().Get(target.c_str());
    EXPECT_TRUE(response) << target;
    if (!response) return Json();
    if (status) *status = response->status;
    Json body = Json::parse(response->body, nullptr, false);
    if (body.is_object()) body.erase("processingTimeMs");
    return body;
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline ShardServer* shards_[3] = {};
};

TEST_F(ShardedServing, ThreeRemoteShardsAnswerExactlyAsOneDatabase) {
  server::RunningServer one((*dir_ / "one").string());
  server::RunningServer local((*dir_ / "three").string());
  server::RunningServer remote((*dir_ / "remote").string());
  const std::string facets = "&facets=country,region,organisation,topic,type,lang,year,format";
  const std::vector<std::string> targets = {
      "/search?q=chatiments+corporels" + facets,
      "/search?q=%22petite+enfance%22" + facets,
      "/search?q=castigo+fisico&lang=es" + facets,
      "/search?q=enfance&filter=country:P%C3%A9rou" + facets,
      "/search?q=ninos&filter=lang:es&filter=country:Bolivia&filter=country:Per%C3%BA" + facets,
      "/search?q=violence+education&match=any&hitsPerPage=20" + facets,
      "/search?q=&sort=date:desc&hitsPerPage=7" + facets,
      "/search?q=&sort=date:asc&page=3&hitsPerPage=4",
      "/search?q=violencia&page=2&hitsPerPage=3",
      "/search?q=enfants&sort=date:desc&from=2015&to=2023" + facets,
      "/search?q=protection&hl=es&facets=country,topic",
      "/search?q=enfanse",
      "/search?q=unmotquinexistepas",
      "/search?q=girafe+enfance" + facets,
      "/search?q=%22castigo+f%C3%ADsico%22&sort=date:asc&filter=lang:es&page=2&hitsPerPage=2" + facets,
      "/search?q=petite+enfance&hitsPerPage=0" + facets,
      "/search?q=familles&filter=year:2021&facets=year,country&maxValuesPerFacet=3",
      "/suggest?q=enf",
      "/suggest?q=educ",
      "/search?q=plaidoyer&passages=3",
      "/search?q=violence+enfan&passages=2&hitsPerPage=5",
      "/documents/fr/loi-chatiments-corporels-perou.md/similar?hitsPerPage=5",
      "/documents/fr/loi-chatiments-corporels-perou.md/similar?lang=es&hitsPerPage=3",
  };
  for (const std::string& target : targets) {
    int expected_status = 0, local_status = 0, remote_status = 0;
    Json expected = get(one, target, &expected_status);
    ASSERT_EQ(expected_status, 200) << target;
    EXPECT_EQ(get(local, target, &local_status), expected) << target << " (local shards)";
    EXPECT_EQ(get(remote, target, &remote_status), expected) << target << " (remote shards)";
    EXPECT_EQ(local_status, 200);
    EXPECT_EQ(remote_status, 200);
  }
  Json all = get(one, "/search?q=&hitsPerPage=100");
  ASSERT_GT(all["hits"].size(), 40u);
  for (const auto& hit : all["hits"]) {
    std::string target = "/documents/" + httplib::detail::encode_query_param(hit["id"].get<std::string>());
    EXPECT_EQ(get(remote, target), get(one, target)) << target;
  }
  EXPECT_EQ(get(remote, "/health")["shards"], 3);
  EXPECT_EQ(get(remote, "/health")["documents"], get(one, "/health")["documents"]);
}

TEST_F(ShardedServing, AShardDownGivesPartialAnswersNamingItThenComesBack) {
  server::RunningServer remote((*dir_ / "remote").string());
  Json whole = get(remote, "/search?q=&hitsPerPage=1");
  size_t total = whole["totalHits"].get<size_t>();
  size_t in_shard_one = ids_per_shard(*dir_ / "three")[1].size();
  ASSERT_FALSE(whole["partial"].get<bool>());

  shards_[1]->stop();
  int status = 0;
  // Until a serving thread reopens the index and finds the shard gone, the answer cached while every shard
  // answered (the whole index's, at the state it was computed in) may still be served; after, the search
  // runs again without the shard. A search not asked before finds the shard gone.
  Json repeated = get(remote, "/search?q=&hitsPerPage=1");
  EXPECT_TRUE(repeated == whole || repeated["partial"].get<bool>()) << repeated.dump();
  Json partial = get(remote, "/search?q=&hitsPerPage=2", &status);
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(partial["partial"].get<bool>()) << partial.dump();
  EXPECT_EQ(partial["unavailableShards"], Json::array({shards_[1]->address()}));
  EXPECT_EQ(partial["totalHits"].get<size_t>(), total - in_shard_one);
  EXPECT_TRUE(get(remote, "/search?q=enfance")["partial"].get<bool>());
  std::string held_by_the_lost_shard =
      "/documents/" + httplib::detail::encode_query_param(ids_per_shard(*dir_ / "three")[1].front());
  get(remote, held_by_the_lost_shard, &status);
  EXPECT_EQ(status, 503) << "not \"not found\": the shard that may hold it is down";
  Json health = get(remote, "/health", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(health["status"], "degraded");
  EXPECT_EQ(health["unavailableShards"], Json::array({shards_[1]->address()}));

  shards_[1]->start();
  Json back;
  for (int i = 0; i < 100; ++i) {
    back = get(remote, "/search?q=&hitsPerPage=3");
    if (back.is_object() && !back["partial"].get<bool>()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_FALSE(back["partial"].get<bool>()) << "the shard is searched again, without a restart";
  EXPECT_EQ(back["totalHits"].get<size_t>(), total);
  EXPECT_EQ(get(remote, "/health")["status"], "ok");
  get(remote, held_by_the_lost_shard, &status);
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace sonda

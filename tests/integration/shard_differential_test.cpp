// Randomized differential test: generated requests answered by one database, by three local shards and by
// three xapian-tcpsrv shards (built with --shards 3 and with --full --shards 3, before and after an
// incremental run) must be equal; and an oracle: facet counts and totalHits equal what enumerating every
// matching document gives.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "index/schema.h"
#include "support/request_generator.h"
#include "support/run_command.h"
#include "support/running_server.h"
#include "support/served_vocabulary.h"
#include "support/shard_server.h"
#include "support/temp_dir.h"
#include "translate/french_spanish.h"

namespace sonda {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::GeneratedRequest;
using testing::RequestGenerator;
using testing::run_command;
using testing::ShardServer;
using testing::shell_quote;

constexpr int kSearchesPerSeed = 100;
constexpr int kOthersPerSeed = 20;  // suggestions and document look-ups each
constexpr int kFeedbackEvery = 4;   // one search in this many is also asked with feedback

void index(const fs::path& db, const std::string& flags, const fs::path& documents) {
  auto run = run_command(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(db.string()) + " " + flags +
                         " " + shell_quote(documents.string()));
  ASSERT_LE(run.exit_code, 1) << run.output;
}

// The sample corpus copied into `to`, so an incremental run can change it.
void copy_corpus(const fs::path& to) {
  fs::copy(SONDA_CORPUS_DIR, to, fs::copy_options::recursive);
}

// Adds, changes, moves and deletes files of the copied corpus.
void change_corpus(const fs::path& docs) {
  std::ofstream(docs / "fr" / "nouveau-perou.md")
      << "---\ntitle: Pérou : nouvelles crèches à Loreto\nlang: fr\ndate: 2024-02-01\ncountries: [Pérou]\n"
         "organisations: [UNICEF]\ntopics: [petite enfance]\ntype: note de politique\n---\n"
         "Les crèches communautaires de Loreto accueillent les enfants des familles de pêcheurs.\n";
  std::ofstream(docs / "es" / "nuevo-castigo.md")
      << "---\ntitle: Castigo físico en Bolivia\nlang: es\ndate: 2023-06-10\ncountries: [Bolivia]\n"
         "topics: [castigo físico]\n---\nLas familias bolivianas debaten el castigo físico de los niños.\n";
  std::ofstream(docs / "fr" / "campagne-sans-violence.md")
      << "---\ntitle: Campagne : élever sans frapper\nlang: fr\ndate: 2022-01-15\ncountries: [Sénégal]\n"
         "topics: [châtiments corporels]\n---\nUne campagne nationale contre les châtiments corporels.\n";
  fs::rename(docs / "es" / "haiti-escuelas.md", docs / "es" / "haiti-escuelas-comunitarias.md");
  fs::remove(docs / "fr" / "maroc-prescolaire.md");
}

class ShardDifferential : public ::testing::Test {
 protected:
  // One database and four sharded ones (incremental and full builds, each local and remote).
  static void SetUpTestSuite() {
    ASSERT_TRUE(fs::exists(SONDA_XAPIAN_TCPSRV)) << "xapian-tcpsrv (xapian-tools): scripts/install-deps.sh";
    dir_ = new testing::TempDir();
    copy_corpus(*dir_ / "docs");
    index(*dir_ / "one", "", *dir_ / "docs");
    index(*dir_ / "inc", "--shards 3", *dir_ / "docs");
    index(*dir_ / "full", "--full --shards 3", *dir_ / "docs");
    for (const std::string build : {"inc", "full"}) {
      std::ifstream lines(*dir_ / build);
      std::ofstream stub(*dir_ / (build + "-remote"));
      for (std::string line; std::getline(lines, line);) {
        shards_.push_back(
            std::make_unique<ShardServer>(SONDA_XAPIAN_TCPSRV, (*dir_ / line.substr(5)).string()));
        stub << "remote tcp " << shards_.back()->address() << "\n";
      }
    }
    auto lexicon = translate::open_french_spanish();
    ASSERT_TRUE(lexicon.ok()) << lexicon.error().message
                              << " (scripts/install-deps.sh installs apertium-fr-es)";
    lexicon_ = lexicon->release();
    for (const std::string name : {"one", "inc", "inc-remote", "full", "full-remote"})
      servers_.emplace_back(name, std::make_unique<server::RunningServer>(
                                      (*dir_ / name).string(), server::RunningServer::config(), lexicon_));
  }
  static void TearDownTestSuite() {
    servers_.clear();
    shards_.clear();
    delete lexicon_;
    delete dir_;
  }

  static Json get(server::RunningServer& server, const std::string& target) {
    auto response = server.client().Get(target.c_str());
    if (!response) return Json{{"transport error", httplib::to_string(response.error())}};
    Json body = Json::parse(response->body, nullptr, false);
    if (body.is_object()) body.erase("processingTimeMs");
    return Json{{"status", response->status}, {"body", body}};
  }

  // The first system whose answer differs from one database's, and how; empty when all agree.
  static std::string difference(const GeneratedRequest& request) {
    std::string target = request.target();
    Json expected = get(*servers_.front().second, target);
    for (size_t i = 1; i < servers_.size(); ++i) {
      Json answer = get(*servers_[i].second, target);
      if (answer == expected) continue;
      Json::json_pointer at(Json::diff(expected, answer).front()["path"].get<std::string>());
      auto shown = [&](const Json& whole) { return whole.contains(at) ? whole[at].dump() : "(absent)"; };
      return servers_[i].first + " differs at " + at.to_string() + ": one " + shown(expected) + ", " +
             servers_[i].first + " " + shown(answer);
    }
    return {};
  }

  // Every generated request of `seed`; reports each difference with the smallest request that shows it.
  static void check_seed(unsigned seed) {
    testing::Vocabulary words = testing::served_vocabulary(*servers_.front().second);
    RequestGenerator generator(words, seed);
    std::vector<GeneratedRequest> requests;
    for (int i = 0; i < kSearchesPerSeed; ++i) {
      requests.push_back(generator.search());
      if (i % kFeedbackEvery != 0) continue;  // the same search ranked again with feedback, too
      GeneratedRequest fed = requests.back();
      fed.params.emplace_back("feedback", "true");
      requests.push_back(std::move(fed));
    }
    for (int i = 0; i < kOthersPerSeed; ++i) requests.push_back(generator.suggest());
    for (int i = 0; i < kOthersPerSeed; ++i) requests.push_back(generator.document());
    int failures = 0;
    for (const GeneratedRequest& request : requests) {
      std::string differs = difference(request);
      if (differs.empty()) continue;
      GeneratedRequest smallest =
          testing::shrink(request, [](const GeneratedRequest& r) { return !difference(r).empty(); });
      ADD_FAILURE() << "seed " << seed << ": " << request.target()
                    << "\nsmallest failing request: " << smallest.target() << "\n"
                    << difference(smallest);
      if (++failures == 3) return;
    }
  }

  // Waits until every server sees `documents` documents (the servers re-open on a commit by themselves).
  static void wait_for_documents(size_t documents) {
    for (auto& [name, server] : servers_) {
      Json health;
      for (int i = 0; i < 200; ++i) {
        health = get(*server, "/health")["body"];
        if (health.is_object() && health.value("documents", size_t{0}) == documents) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      }
      ASSERT_EQ(health.value("documents", size_t{0}), documents) << name << ": " << health.dump();
    }
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline translate::Lexicon* lexicon_ = nullptr;
  static inline std::vector<std::unique_ptr<ShardServer>> shards_;
  static inline std::vector<std::pair<std::string, std::unique_ptr<server::RunningServer>>> servers_;
};

TEST_F(ShardDifferential, TheIssuesTwoRequestsAgree) {
  for (const std::string target : {"/search?q=ni%C3%B1os&facets=country,topic&page=2&hitsPerPage=5",
                                   "/search?q=enfance&lang=fr&facets=organisation,year"})
    EXPECT_EQ(difference(GeneratedRequest{target, {}}), "") << target;
}

TEST_F(ShardDifferential, GeneratedRequestsAgreeBeforeAndAfterAnIncrementalRun) {
  check_seed(20261201);
  check_seed(7);
  // SONDA_EXTRA_SEEDS=N: N more seeds (1000, 1001, …), for longer runs by hand.
  int extra = std::getenv("SONDA_EXTRA_SEEDS") ? std::atoi(std::getenv("SONDA_EXTRA_SEEDS")) : 0;
  for (int seed = 1000; seed < 1000 + extra; ++seed) check_seed(static_cast<unsigned>(seed));
  size_t before = get(*servers_.front().second, "/health")["body"]["documents"].get<size_t>();
  change_corpus(*dir_ / "docs");
  for (const std::string name : {"one", "inc", "full"}) index(*dir_ / name, "", *dir_ / "docs");
  wait_for_documents(before + 1);
  check_seed(13);
}

// Counts every value of `field` over `hits`, by facet key (so spellings that meet count together).
std::map<std::string, size_t> enumerated_counts(const Json& hits, const index::FacetField& field) {
  std::map<std::string, size_t> counts;
  for (const auto& hit : hits) {
    const Json& value = hit[std::string(field.name)];
    std::set<std::string> keys;
    if (value.is_array())
      for (const auto& single : value) keys.insert(index::facet_key(single.get<std::string>()));
    else if (value.is_string() && !value.get<std::string>().empty())
      keys.insert(index::facet_key(value.get<std::string>()));
    else if (value.is_number_integer())
      keys.insert(std::to_string(value.get<int>()));
    for (const auto& key : keys) ++counts[key];
  }
  return counts;
}

// `request` without its paging and sorting, asking for every hit and every facet value.
GeneratedRequest enumerating(GeneratedRequest request, const std::string& without_filters_on = "") {
  std::erase_if(request.params, [&](const auto& param) {
    return param.first == "page" || param.first == "hitsPerPage" || param.first == "sort" ||
           param.first == "facets" || param.first == "maxValuesPerFacet" || param.first == "hl" ||
           (param.first == "filter" && !without_filters_on.empty() &&
            param.second.starts_with(without_filters_on + ":"));
  });
  request.params.emplace_back("hitsPerPage", "100");
  request.params.emplace_back("maxValuesPerFacet", "100");
  request.params.emplace_back("hl", "fr");
  return request;
}

TEST_F(ShardDifferential, FacetCountsAndTotalsEqualAnEnumerationOfTheMatches) {
  testing::Vocabulary words = testing::served_vocabulary(*servers_.front().second);
  RequestGenerator generator(words, 99);
  std::string facets;
  for (const auto& field : index::facet_fields())
    facets += (facets.empty() ? "" : ",") + std::string(field.name);
  int checked = 0;
  for (int i = 0; i < 150; ++i) {
    GeneratedRequest request = enumerating(generator.search());
    request.params.emplace_back("facets", facets);
    Json answer = get(*servers_.front().second, request.target())["body"];
    ASSERT_TRUE(answer.contains("hits")) << request.target() << " " << answer.dump();
    ASSERT_LE(answer["totalHits"].get<size_t>(), 100u);
    EXPECT_EQ(answer["totalHits"].get<size_t>(), answer["hits"].size()) << request.target();
    if (answer["partialMatch"].get<bool>()) continue;  // fewer filters could match every word: not comparable
    ++checked;
    for (const auto& field : index::facet_fields()) {
      std::string name(field.name);
      Json hits = answer["hits"];
      bool filtered = request.target().find("filter=" + name + "%3A") != std::string::npos;
      if (filtered) hits = get(*servers_.front().second, enumerating(request, name).target())["body"]["hits"];
      std::map<std::string, size_t> expected = enumerated_counts(hits, field), counted;
      for (const auto& [value, count] : answer["facetDistribution"][name].items())
        counted[name == "year" ? value : index::facet_key(value)] = count.get<size_t>();
      EXPECT_EQ(counted, expected) << request.target() << " facet " << name;
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace sonda

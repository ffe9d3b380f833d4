// The sample corpus indexed into a temporary folder and served by the real server: the fixture a test
// suite shares.
#pragma once

#include <memory>
#include <string>

#include "support/corpus_index.h"
#include "support/running_server.h"
#include "support/temp_dir.h"

namespace sonda::server {

// Indexes `corpus` into a fresh temporary folder and serves it on an ephemeral 127.0.0.1 port with `api`
// until destroyed.
class CorpusServer {
 public:
  explicit CorpusServer(const std::string& corpus, ApiConfig api = {}) : db_(build(corpus)) {
    server_ = std::make_unique<RunningServer>(db_, RunningServer::config(), nullptr, std::move(api));
  }
  RunningServer& server() { return *server_; }
  const std::string& db() const { return db_; }

 private:
  std::string build(const std::string& corpus) {
    std::string db = (dir_.path() / "db").string();
    testing::build_index(corpus, db);
    return db;
  }

  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<RunningServer> server_;
};

}  // namespace sonda::server

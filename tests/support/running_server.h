// RunningServer: the real HTTP server over an index, on an ephemeral 127.0.0.1 port, for one test's lifetime.
#pragma once

#include <httplib.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include "search/searcher_pool.h"
#include "server/api.h"
#include "server/http_server.h"
#include "support/gazetteer.h"

namespace sonda::server {

// Runs the real server over an index folder, on a free port, for the lifetime of the object.
class RunningServer {
 public:
  // With `lexicon` (which must outlive the server), crossLanguage searches are answered; `api` sets the
  // handlers' options (an API key, the Meilisearch index uid…).
  explicit RunningServer(const std::string& db, ListenConfig listen = config(),
                         const translate::Lexicon* lexicon = nullptr, ApiConfig api = {})
      : pool_(db, testing::builtin_gazetteer(), std::chrono::milliseconds(50), {}, nullptr, lexicon),
        api_(pool_, metrics_, std::move(api), log_),
        server_(api_, listen) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.listen(); });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }
  int port() const { return port_; }

  // The settings tests run with: an ephemeral port, 4 connection threads.
  static ListenConfig config() {
    ListenConfig config;
    config.port = 0;
    config.threads = 4;
    return config;
  }

 private:
  search::SearcherPool pool_;
  Metrics metrics_;
  std::ostringstream log_;
  Api api_;
  HttpServer server_;
  int port_ = -1;
  std::thread thread_;
};

}  // namespace sonda::server

// sonda-serve: answers searches over HTTP from a Sonda index.
#include <sys/resource.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "enrich/gazetteer.h"
#include "search/searcher_pool.h"
#include "server/api.h"
#include "server/http_server.h"
#include "translate/french_spanish.h"
#include "util/allocator.h"

namespace {

std::string env_or(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// Waits for SIGINT or SIGTERM on a dedicated thread, then stops the server gracefully.
std::thread stop_on_signal(sonda::server::HttpServer& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "sonda-serve: stopping\n";
    server.stop();
  });
}

// Raises the soft limit of open files towards `wanted` (connections, index files), within the hard limit.
void allow_open_files(size_t wanted) {
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= wanted) return;
  files.rlim_cur = std::min<rlim_t>(wanted, files.rlim_max);
  setrlimit(RLIMIT_NOFILE, &files);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "sonda-serve: ranked keyword and facet search over HTTP.\n"
      "Environment: SONDA_DB, SONDA_HOST, SONDA_PORT set the defaults of --db, --host, --port."};
  app.set_version_flag("--version", std::string("sonda-serve ") + SONDA_VERSION +
                                        " (allocator: " + sonda::allocator_in_use() + ")");
  std::string db = env_or("SONDA_DB", "data/index");
  sonda::server::ListenConfig listen;
  listen.host = env_or("SONDA_HOST", "127.0.0.1");
  listen.port = std::atoi(env_or("SONDA_PORT", "8080").c_str());
  sonda::server::ApiConfig api_config;
  app.add_option("--db", db, "Index folder or Xapian stub file")->capture_default_str();
  app.add_option("--host", listen.host, "Address to bind")->capture_default_str();
  app.add_option("--port", listen.port, "Port to bind (0: any free port)")->capture_default_str();
  app.add_option("--threads", listen.threads,
                 "Serving threads: requests answered at once (connections hold none between requests)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-waiting", listen.max_waiting,
                 "Whole requests waiting for a thread; beyond this, requests get 503 at once")
      ->capture_default_str();
  app.add_option("--max-connections", listen.max_connections,
                 "Connections open at once; beyond this, new connections get 503 and are closed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--listen-backlog", listen.listen_backlog, "Connections the kernel queues before accept")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--keep-alive", listen.keep_alive_seconds, "Seconds an idle keep-alive connection is kept")
      ->capture_default_str();
  app.add_option("--cors-origin", api_config.allowed_origin,
                 "Access-Control-Allow-Origin value ('' disables)")
      ->capture_default_str();
  app.add_option("--max-query-chars", api_config.limits.max_query_chars, "Longest q accepted")
      ->capture_default_str();
  app.add_option("--max-hits-per-page", api_config.limits.max_hits_per_page, "Largest hitsPerPage")
      ->capture_default_str();
  size_t max_body_kb = api_config.max_body_bytes / 1024;
  app.add_option("--max-body-kb", max_body_kb, "Largest POST body, in KB")
      ->capture_default_str()
      ->check(CLI::Range(1, 16 * 1024));
  app.add_option("--read-timeout", listen.read_timeout_seconds,
                 "Seconds a request may take to arrive whole (head and body) from its first byte")
      ->capture_default_str();
  app.add_option("--keep-alive-requests", listen.max_requests_per_connection,
                 "Requests one connection may send before it is closed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sonda::search::RemoteOptions remote;
  int remote_timeout_ms = static_cast<int>(remote.timeout.count());
  int remote_connect_ms = static_cast<int>(remote.connect_timeout.count());
  app.add_option("--remote-timeout-ms", remote_timeout_ms, "Longest wait for a remote shard (xapian-tcpsrv)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--remote-connect-timeout-ms", remote_connect_ms,
                 "Longest wait to connect to a remote shard")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  std::string gazetteer_path;
  app.add_option("--gazetteer", gazetteer_path,
                 "Gazetteer file for facet labels (default: the built-in one)");
  std::string apertium_folder(sonda::translate::kApertiumFolder);
  app.add_option("--apertium", apertium_folder,
                 "Folder of Apertium's compiled fr-es dictionaries, for crossLanguage searches")
      ->capture_default_str();
  std::string synonyms_path;
  app.add_option("--synonyms", synonyms_path,
                 "Synonym file: one group a line, terms separated by commas, optionally 'fr:' or 'es:' "
                 "first; re-read when it changes");
  std::vector<std::string> file_folders;  // CLI11 would read a vector of paths as a vector of vectors
  app.add_option("--files", file_folders,
                 "Folder the documents were indexed from (repeatable): serves their original files at "
                 "/documents/{id}/file, and hits link them")
      ->check(CLI::ExistingDirectory);
  app.add_option("--max-export", api_config.max_export, "Most documents one CSV or RIS export holds")
      ->capture_default_str();
  size_t cache_mb = api_config.cache_bytes >> 20;
  app.add_option(
         "--cache-mb", cache_mb,
         "Megabytes of answers kept for repeated searches, dropped whenever the index changes (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 64 * 1024));
  app.add_option("--api-key", api_config.api_key,
                 "Search key: every route but /health and the pages then needs 'Authorization: Bearer KEY'")
      ->envname("SONDA_API_KEY");
  app.add_option("--index-uid", api_config.meilisearch.index_uid,
                 "The index's uid on the Meilisearch-compatible routes")
      ->capture_default_str();
  app.add_option(
         "--meilisearch-labels", api_config.meilisearch.labels_lang,
         "Language (fr or es) of facet values on the Meilisearch-compatible routes, in hits and counts")
      ->check(CLI::IsMember({"fr", "es"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  sonda::keep_large_blocks_in_the_heap();
  allow_open_files(listen.max_connections + 256);
  api_config.meilisearch.version = SONDA_VERSION;
  api_config.meilisearch.limits = api_config.limits;
  api_config.max_body_bytes = max_body_kb * 1024;
  api_config.cache_bytes = cache_mb << 20;
  listen.max_body_bytes = api_config.max_body_bytes;

  auto gazetteer = sonda::enrich::Gazetteer::load(gazetteer_path);
  if (!gazetteer) {
    std::cerr << "sonda-serve: " << gazetteer.error().message << '\n';
    return 2;
  }
  remote.timeout = std::chrono::milliseconds(remote_timeout_ms);
  remote.connect_timeout = std::chrono::milliseconds(remote_connect_ms);
  std::unique_ptr<sonda::search::SynonymFile> synonyms;
  if (!synonyms_path.empty()) {
    auto opened = sonda::search::SynonymFile::open(
        synonyms_path, [](const std::string& message) { std::cerr << "sonda-serve: " << message << '\n'; });
    if (!opened) {
      std::cerr << "sonda-serve: " << opened.error().message << '\n';
      return 2;
    }
    synonyms = std::move(*opened);
  }
  auto lexicon = sonda::translate::open_french_spanish(apertium_folder);
  if (!lexicon) std::cerr << "sonda-serve: cross-language search is off: " << lexicon.error().message << '\n';
  const sonda::translate::Lexicon* cross_language = lexicon ? lexicon->get() : nullptr;
  sonda::search::SearcherPool pool(db, *gazetteer, std::chrono::milliseconds(200), remote, synonyms.get(),
                                   cross_language);
  sonda::server::Metrics metrics;
  api_config.file_folders.assign(file_folders.begin(), file_folders.end());
  sonda::server::Api api(pool, metrics, api_config, std::cerr);
  sonda::server::HttpServer server(api, listen);
  std::thread signal_thread = stop_on_signal(server);
  int port = server.bind();
  if (port < 0) {
    std::cerr << "sonda-serve: cannot bind " << listen.host << ":" << listen.port << '\n';
    std::exit(2);
  }
  std::cerr << "sonda-serve: serving " << db << " on http://" << listen.host << ":" << port << '\n';
  bool ok = server.listen();
  if (ok) {
    signal_thread.join();
  } else {
    std::cerr << "sonda-serve: the server stopped unexpectedly\n";
    signal_thread.detach();
  }
  return ok ? 0 : 1;
}

// The databases one Searcher reads: every shard a stub file names (local folders and xapian-tcpsrv
// servers) combined into one Xapian::Database. A remote shard that cannot be reached is left out and
// named, and tried again later, so search goes on from the others.
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "index/stub_file.h"
#include "util/result.h"

namespace sonda::search {

// Time limits for remote shards.
struct RemoteOptions {
  std::chrono::milliseconds timeout{10000};         // one request to xapian-tcpsrv
  std::chrono::milliseconds connect_timeout{1000};  // connecting to it
  std::chrono::milliseconds retry_interval{1000};   // between attempts to bring a lost shard back
};

// One index's shards. Not thread-safe (one per Searcher).
class ShardSet {
 public:
  // Opens what `path` names: a database folder, or a stub file naming local and remote shards. Fails only
  // when a local shard cannot be opened or no shard at all can be reached.
  static Result<ShardSet> open(const std::string& path, const RemoteOptions& options);

  // The reachable shards as one database.
  Xapian::Database& database() { return database_; }

  // Names ("HOST:PORT") of the shards left out because they could not be reached, in stub order.
  std::vector<std::string> unavailable() const;

  // True when some shard is served by xapian-tcpsrv.
  bool has_remote() const;

  // Shards the stub names, reachable or not.
  size_t size() const { return entries_.size(); }

  // Sum of the reachable shards' revisions: changes whenever any shard commits.
  Xapian::rev revision() const;

  // Each shard's revision in stub order, "-" for one left out ("12,40,-"): changes whenever any shard
  // commits, is reopened at another revision, or goes or comes back.
  std::string revisions() const;

  // Tries the unavailable shards again, at most once per retry interval; true when one came back.
  bool retry_unavailable();

  // Opens every shard afresh (after a NetworkError: a server restarted or went away).
  Status reconnect();

  // The value stored under `key` beside the document numbered `docid` in database(), in that document's own
  // shard ("" when none): a long body's chunks (Xapian reads a combined database's metadata from its first
  // database only). Throws what Xapian throws.
  std::string metadata(Xapian::docid docid, const std::string& key) const;

  // The documents numbered `docids` in database(), in that order. Xapian 1.4 asks a server for one document
  // at a time, so the documents of each remote shard are fetched in a thread of their own beside the other
  // shards' (ten hits over three servers: about four round trips' time instead of ten). Throws what
  // database().get_document() throws.
  std::vector<Xapian::Document> documents(const std::vector<Xapian::docid>& docids) const;

 private:
  ShardSet(std::vector<index::StubEntry> entries, RemoteOptions options)
      : entries_(std::move(entries)), options_(options), open_(entries_.size()) {}
  Status open_shards(bool retry_only);
  void combine();
  // database()'s sub-databases, in its order.
  std::vector<const Xapian::Database*> sub_databases() const;

  std::vector<index::StubEntry> entries_;
  RemoteOptions options_;
  std::vector<std::optional<Xapian::Database>> open_;  // per entry; empty while unreachable
  Xapian::Database database_;
  std::chrono::steady_clock::time_point last_attempt_{};
};

}  // namespace sonda::search

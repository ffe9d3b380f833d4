// The single writer of a Sonda index: add or replace documents by id, remove them, commit; over one
// database or over shards.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/document.h"
#include "index/document_builder.h"
#include "index/shard_routing.h"
#include "index/source_state.h"
#include "util/result.h"

namespace sonda::index {

// Owns the Xapian::WritableDatabase of each shard; every Xapian exception is caught here and returned as
// an Error. Xapian allows one writer per database: a second one gets ErrorCode::locked.
//
// Sharded: a document goes to shard_of(id); source states live in shard 0; a commit commits the other
// shards first and shard 0 last, so a recorded source state never names documents not yet committed
// (a crash in between makes the next run index that source again, which converges).
class IndexWriter {
 public:
  // What a commit promises: `durable` survives a crash (the live index); `scratch` is only made visible
  // (a full rebuild's part databases, thrown away when the run stops before the merge), so no fsync.
  enum class Durability { durable, scratch };

  // Opens the database at `path`, creating it (and missing parent folders) when absent.
  static Result<std::unique_ptr<IndexWriter>> open(const std::string& path);

  // Opens (or creates) the shards at `shard_paths`, shard 0 first.
  static Result<std::unique_ptr<IndexWriter>> open(const std::vector<std::string>& shard_paths,
                                                   Durability durability = Durability::durable);

  // Adds `document`, replacing any document with the same id. Move large documents in.
  Status add(Document document);

  // Adds a document built elsewhere (a worker thread), replacing any with the same id.
  Status add(PreparedDocument document);

  // Removes the document with `id`, if present.
  Status remove(const std::string& id);

  // Removes every document read from source file `path`, and the file's state.
  Status remove_source(const std::string& path);

  // Records (or replaces) the state of a source file; committed with the documents written before it.
  Status put_source_state(const SourceState& state);

  // Every source state recorded in the database.
  Result<std::vector<SourceState>> source_states() const;

  // Makes every change so far durable and visible to readers.
  Status commit();

  // Documents in every shard, counting uncommitted changes.
  Xapian::doccount document_count() const;

 private:
  explicit IndexWriter(std::vector<Xapian::WritableDatabase> shards)
      : shards_(std::move(shards)), builder_(analyzer_) {}
  Xapian::WritableDatabase& shard_for(const std::string& id) { return shards_[shard_of(id, shards_.size())]; }
  Xapian::WritableDatabase& state_shard() { return shards_.front(); }

  std::vector<Xapian::WritableDatabase> shards_;
  analysis::Analyzer analyzer_;
  DocumentBuilder builder_;
};

}  // namespace sonda::index

// The single writer of a Sonda database: add or replace documents by id, remove them, commit.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/document.h"
#include "index/document_builder.h"
#include "index/source_state.h"
#include "util/result.h"

namespace sonda::index {

// Owns the Xapian::WritableDatabase; every Xapian exception is caught here and returned as an Error.
// Xapian allows one writer per database: a second one gets ErrorCode::locked.
class IndexWriter {
 public:
  // Opens the database at `path`, creating it (and missing parent folders) when absent.
  static Result<std::unique_ptr<IndexWriter>> open(const std::string& path);

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

  // Documents in the database, counting uncommitted changes.
  Xapian::doccount document_count() const { return database_.get_doccount(); }

  // Direct access for callers that read back what they wrote (tests, incremental state).
  const Xapian::WritableDatabase& database() const { return database_; }

 private:
  explicit IndexWriter(Xapian::WritableDatabase database)
      : database_(std::move(database)), builder_(analyzer_) {}

  Xapian::WritableDatabase database_;
  analysis::Analyzer analyzer_;
  DocumentBuilder builder_;
};

}  // namespace sonda::index

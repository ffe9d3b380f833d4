// Walks the paths given to sonda-index and feeds every supported file to the IndexWriter.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <ostream>

#include "index/index_writer.h"
#include "util/result.h"

namespace sonda::indexer {

// What one run did.
struct IndexSummary {
  size_t indexed = 0;        // documents added or replaced
  size_t failed = 0;         // documents or files reported and skipped
  size_t skipped_files = 0;  // files with an extension Sonda does not read
};

// Indexes folders and files: `.txt` and `.md` (with optional front matter) and `.jsonl`/`.jsonl.gz`.
// A bad document is reported on `problems` as "path[:line]: reason" and skipped; only a failure of
// the database itself stops the run.
class FolderIndexer {
 public:
  FolderIndexer(index::IndexWriter& writer, std::ostream& problems, size_t batch_size)
      : writer_(writer), problems_(problems), batch_size_(batch_size ? batch_size : 1) {}

  // Indexes a folder (recursively) or one file. A missing path is an error; so is a database failure.
  Status index_path(const std::filesystem::path& path);

  // Commits what is left of the last batch.
  Status finish() { return writer_.commit(); }

  const IndexSummary& summary() const { return summary_; }

 private:
  Status index_file(const std::filesystem::path& file, const std::filesystem::path& root);
  Status index_text_file(const std::filesystem::path& file, const std::string& relative);
  Status index_jsonl_file(const std::filesystem::path& file, const std::string& relative);
  Status add(index::Document document, const std::string& where);
  void report(const std::string& where, const std::string& reason);

  index::IndexWriter& writer_;
  std::ostream& problems_;
  size_t batch_size_;
  size_t pending_ = 0;
  IndexSummary summary_;
};

}  // namespace sonda::indexer

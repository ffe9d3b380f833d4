// Where an indexing run's changes go: one database in order (incremental runs), or several part databases
// written in parallel and merged afterwards (full rebuilds).
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "index/index_writer.h"
#include "util/result.h"

namespace sonda::indexer {

// The database side of a run. Not thread-safe: one caller (the run's consumer thread).
class ChangeSink {
 public:
  virtual ~ChangeSink() = default;

  // What the index remembers of each source file.
  virtual Result<std::vector<index::SourceState>> source_states() = 0;

  // Removes every document of a source file and its state.
  virtual Status remove_source(const std::string& path) = 0;

  // Adds documents, then (when given) records a source's state; commits every batch of changes.
  virtual Status write(std::vector<index::PreparedDocument> documents,
                       std::optional<index::SourceState> state) = 0;

  // Commits what is left.
  virtual Status finish() = 0;

  // Documents written so far.
  virtual uint64_t documents_written() const = 0;
};

// One database, changes applied in the order they come, a commit every `batch_size` changes.
class DatabaseSink : public ChangeSink {
 public:
  DatabaseSink(index::IndexWriter& writer, size_t batch_size)
      : writer_(writer), batch_size_(batch_size ? batch_size : 1) {}

  Result<std::vector<index::SourceState>> source_states() override { return writer_.source_states(); }
  Status remove_source(const std::string& path) override;
  Status write(std::vector<index::PreparedDocument> documents,
               std::optional<index::SourceState> state) override;
  Status finish() override { return writer_.commit(); }
  uint64_t documents_written() const override { return written_; }

 private:
  Status count(size_t changes);

  index::IndexWriter& writer_;
  size_t batch_size_;
  size_t pending_ = 0;
  uint64_t written_ = 0;
};

// Several empty part databases, each written by its own thread: a full rebuild's writing runs on every
// core instead of one. Removals are no-ops (the parts start empty). Merge the parts afterwards with
// index::compact_databases.
class PartsSink : public ChangeSink {
 public:
  PartsSink(std::vector<std::unique_ptr<index::IndexWriter>> parts, size_t batch_size);
  ~PartsSink() override;

  Result<std::vector<index::SourceState>> source_states() override {
    return std::vector<index::SourceState>{};
  }
  Status remove_source(const std::string&) override { return Status::success(); }
  Status write(std::vector<index::PreparedDocument> documents,
               std::optional<index::SourceState> state) override;
  Status finish() override;
  uint64_t documents_written() const override { return written_; }

 private:
  struct Change {
    std::vector<index::PreparedDocument> documents;
    std::optional<index::SourceState> state;
  };
  struct Lane;
  void drain(Lane& lane);

  std::vector<std::unique_ptr<Lane>> lanes_;
  size_t next_lane_ = 0;
  uint64_t written_ = 0;
};

}  // namespace sonda::indexer

// One indexing run: what changed since the last run is re-indexed, what is gone is removed, in batches.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "analysis/language_detector.h"
#include "enrich/gazetteer.h"
#include "indexer/change_sink.h"
#include "indexer/file_document.h"
#include "indexer/progress.h"
#include "indexer/source_scanner.h"
#include "util/result.h"

namespace sonda::indexer {

struct SourceOutcome;  // what a worker made of one file or one chunk of records (defined in the .cpp)

// How a run works.
struct IndexerOptions {
  size_t batch_size = 1000;  // changes per commit into the live database
  size_t threads = std::max(1u, std::thread::hardware_concurrency());  // extraction and analysis workers
  size_t jsonl_chunk = 256;                                            // JSON Lines records per worker job
  FileLimits limits;
};

// What a run did. Files are counted once each; a JSON Lines record that fails counts as one failure.
struct RunSummary {
  size_t added = 0, updated = 0, unchanged = 0, removed = 0, moved = 0;
  size_t failed = 0;       // files and records reported and skipped
  size_t warnings = 0;     // files indexed in part (cut at the size limit…)
  size_t unsupported = 0;  // files with an extension Sonda does not read
  uint64_t documents_written = 0;
  uint64_t bytes_read = 0;  // file bytes (compressed ones as stored), for progress
  uint64_t text_bytes = 0;  // the indexed documents' text: title, description, keywords and body
};

// Brings the index in line with the scanned files, writing through `sink` (one database, or parts for a
// full rebuild). Source states live in the index and are committed with their documents, so a killed
// run leaves a consistent index and the next run converges.
// Problems are printed as "path[:line]: reason", warnings as "path: warning: …".
class IncrementalIndexer {
 public:
  IncrementalIndexer(ChangeSink& sink, const enrich::Gazetteer& gazetteer,
                     const analysis::LanguageDetector& detector, IndexerOptions options,
                     std::ostream& problems, Progress& progress)
      : sink_(sink),
        gazetteer_(gazetteer),
        detector_(detector),
        options_(std::move(options)),
        problems_(problems),
        progress_(progress) {}

  // Indexes `scan`. Only a failure of the database itself is an error; the run then stops.
  Status run(const Scan& scan);

  const RunSummary& summary() const { return summary_; }

 private:
  Status apply(SourceOutcome outcome, std::multimap<uint64_t, std::string>& gone_by_hash);
  Status remove_gone(const std::multimap<uint64_t, std::string>& gone_by_hash);
  void report(const SourceOutcome& outcome);

  ChangeSink& sink_;
  const enrich::Gazetteer& gazetteer_;
  const analysis::LanguageDetector& detector_;
  IndexerOptions options_;
  std::ostream& problems_;
  Progress& progress_;
  RunSummary summary_;
};

}  // namespace sonda::indexer

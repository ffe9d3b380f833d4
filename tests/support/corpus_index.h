// Builds the sample corpus into a temporary index with the indexer library, for search and server tests.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

#include "analysis/language_detector.h"
#include "index/index_writer.h"
#include "indexer/incremental_indexer.h"
#include "support/gazetteer.h"
#include "support/temp_dir.h"

namespace sonda::testing {

// Indexes `corpus` into the database folder `db`; throws when anything fails (tests cannot go on).
inline void build_index(const std::string& corpus, const std::string& db) {
  auto writer = index::IndexWriter::open(db);
  if (!writer) throw std::runtime_error(writer.error().message);
  auto scan = indexer::scan_sources({corpus});
  if (!scan) throw std::runtime_error(scan.error().message);
  std::ostringstream problems;
  indexer::Progress progress(problems, indexer::ProgressStyle::none);
  analysis::LanguageDetector detector;
  indexer::DatabaseSink sink(**writer, 1000);
  indexer::IncrementalIndexer indexer(sink, builtin_gazetteer(), detector, {}, problems, progress);
  if (!indexer.run(*scan) || indexer.summary().failed)
    throw std::runtime_error("corpus indexing failed: " + problems.str());
}

}  // namespace sonda::testing

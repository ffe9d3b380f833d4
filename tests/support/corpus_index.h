// Builds the sample corpus into a temporary index with the indexer library, for search and server tests.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

#include "index/index_writer.h"
#include "indexer/folder_indexer.h"
#include "support/temp_dir.h"

namespace sonda::testing {

// Indexes `corpus` into `db`; throws when anything fails (tests cannot go on without it).
inline void build_index(const std::string& corpus, const std::string& db) {
  auto writer = index::IndexWriter::open(db);
  if (!writer) throw std::runtime_error(writer.error().message);
  std::ostringstream problems;
  indexer::FolderIndexer indexer(**writer, problems, 1000);
  if (!indexer.index_path(corpus) || !indexer.finish() || indexer.summary().failed)
    throw std::runtime_error("corpus indexing failed: " + problems.str());
}

}  // namespace sonda::testing

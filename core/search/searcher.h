// The protocol-agnostic search entry point: one Searcher per serving thread over its own Database.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/document.h"
#include "search/search_request.h"
#include "search/search_response.h"
#include "util/result.h"

namespace sonda::search {

// Size and version of the open index, for /health and /metrics.
struct IndexStats {
  Xapian::doccount documents = 0;
  Xapian::rev revision = 0;
};

// Answers searches, document look-ups and completions over one database. Every Xapian exception
// is caught and returned as an Error; a DatabaseModifiedError (the indexer committed meanwhile)
// re-opens the database and re-runs the whole operation. Not thread-safe: one per thread.
class Searcher {
 public:
  // Opens the database at `path` (a folder or a Xapian stub file).
  static Result<std::unique_ptr<Searcher>> open(const std::string& path);

  Result<SearchResponse> search(const SearchRequest& request);

  // The stored document with `id` (its body included); ErrorCode::not_found when absent.
  Result<index::Document> document(const std::string& id);

  // Search-as-you-type completions of `typed`.
  Result<std::vector<std::string>> complete(const std::string& typed, size_t limit);

  // Sees the latest commit; returns true when the index changed.
  Result<bool> refresh();

  Result<IndexStats> stats();

 private:
  explicit Searcher(Xapian::Database database) : database_(std::move(database)) {}
  template <typename Operation>
  auto with_retry(const char* what, Operation operation) -> decltype(operation());
  SearchResponse run(const SearchRequest& request);

  Xapian::Database database_;
  analysis::Analyzer analyzer_;
};

}  // namespace sonda::search

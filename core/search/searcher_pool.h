// A pool of Searchers, one per concurrent request, each with its own Xapian::Database, kept fresh.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/facet_columns.h"
#include "search/searcher.h"
#include "util/result.h"

namespace sonda::search {

// Hands each request a Searcher no other thread is using (Xapian objects are not thread-safe).
// A Searcher not refreshed for `refresh_interval` re-opens its database before use, so commits
// by sonda-index show within that interval. When the index is missing, acquire() fails with
// ErrorCode::unavailable and tries again on the next call, so serving starts once the index appears.
// Its Searchers share one copy of a local database's facet values (FacetColumnStore).
class SearcherPool {
  struct Idle;

 public:
  // A Searcher on loan; returns to the pool when destroyed.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher,
          std::chrono::steady_clock::time_point refreshed)
        : pool_(&pool), searcher_(std::move(searcher)), refreshed_(refreshed) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease() {
      if (searcher_) pool_->give_back({std::move(searcher_), refreshed_});
    }
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
    std::chrono::steady_clock::time_point refreshed_;
  };

  // Searchers over the index at `path`, labelling facets with `gazetteer` (which must outlive the pool);
  // `remote` limits the wait for remote shards; `synonyms` and `lexicon`, when given, must outlive the pool.
  SearcherPool(std::string path, const enrich::Gazetteer& gazetteer,
               std::chrono::milliseconds refresh_interval = std::chrono::milliseconds(200),
               RemoteOptions remote = {}, SynonymFile* synonyms = nullptr,
               const translate::Lexicon* lexicon = nullptr)
      : path_(std::move(path)),
        gazetteer_(gazetteer),
        refresh_interval_(refresh_interval),
        remote_(remote),
        synonyms_(synonyms),
        lexicon_(lexicon) {}

  Result<Lease> acquire();

  const std::string& path() const { return path_; }

  // True when crossLanguage searches can be answered (a lexicon was given).
  bool cross_language() const { return lexicon_ != nullptr; }

 private:
  struct Idle {
    std::unique_ptr<Searcher> searcher;
    std::chrono::steady_clock::time_point refreshed;  // when it last re-opened its database
  };
  void give_back(Idle idle);

  std::string path_;
  const enrich::Gazetteer& gazetteer_;
  std::chrono::milliseconds refresh_interval_;
  RemoteOptions remote_;
  SynonymFile* synonyms_;
  const translate::Lexicon* lexicon_;
  std::mutex mutex_;
  std::vector<Idle> idle_;
  FacetColumnStore facet_columns_;  // one copy of a local database's facet values for every Searcher
  SharedAnswers shared_answers_;    // the language checks of every Searcher's queries
};

}  // namespace sonda::search

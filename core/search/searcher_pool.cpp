// A pool of Searchers, one per concurrent request, each with its own Xapian::Database, kept fresh.
#include "search/searcher_pool.h"

namespace sonda::search {

Result<SearcherPool::Lease> SearcherPool::acquire() {
  Idle idle;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      idle = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  auto now = std::chrono::steady_clock::now();
  if (idle.searcher && now - idle.refreshed >= refresh_interval_) {
    if (idle.searcher->refresh()) {
      idle.refreshed = now;
    } else {
      idle.searcher.reset();  // the index went away or broke: open afresh below
    }
  }
  if (!idle.searcher) {
    auto opened = Searcher::open(path_, gazetteer_, remote_);
    if (!opened) return opened.error();
    (*opened)->use_synonyms(synonyms_);
    (*opened)->use_lexicon(lexicon_);
    (*opened)->use_facet_columns(&facet_columns_);
    (*opened)->use_shared_answers(&shared_answers_);
    return Lease(*this, std::move(*opened), now);
  }
  return Lease(*this, std::move(idle.searcher), idle.refreshed);
}

void SearcherPool::give_back(Idle idle) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(idle));
}

}  // namespace sonda::search

// The protocol-agnostic search entry point: one Searcher per serving thread over its own Database.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "enrich/gazetteer.h"
#include "index/document.h"
#include "search/best_hits.h"
#include "search/facet_columns.h"
#include "search/facet_tally.h"
#include "search/ranking.h"
#include "search/search_request.h"
#include "search/search_response.h"
#include "search/shard_set.h"
#include "search/shared_answers.h"
#include "search/synonym_file.h"
#include "search/term_cache.h"
#include "translate/lexicon.h"
#include "util/result.h"

namespace sonda::query {
struct Translation;
}

namespace sonda::search {

class FilterSet;

// Size and version of the open index, for /health and /metrics.
struct IndexStats {
  Xapian::doccount documents = 0;
  Xapian::rev revision = 0;  // summed over the shards
  size_t shards = 1;
  std::vector<std::string> unavailable_shards;
  long long created_unix = 0;  // when the index (folder or stub file) was created, seconds since 1970
  long long updated_unix = 0;  // its last commit (or rebuild), seconds since 1970
};

// Answers searches, document look-ups and completions over one index (one database or its shards).
// Every Xapian exception is caught and returned as an Error; a DatabaseModifiedError (the indexer
// committed meanwhile) re-opens the database and re-runs the whole operation; a NetworkError (a remote
// shard went away) re-connects the shards, leaves out those that do not answer, and re-runs it, the
// answer naming them. Not thread-safe: one per thread.
class Searcher {
 public:
  // Opens the index at `path` (a folder or a Xapian stub file, whose lines may name remote shards); facet
  // values are labelled with `gazetteer`, which must outlive the Searcher.
  static Result<std::unique_ptr<Searcher>> open(const std::string& path, const enrich::Gazetteer& gazetteer,
                                                const RemoteOptions& remote = {});

  Result<SearchResponse> search(const SearchRequest& request);

  // The values of facet `field` one of whose names (key, labels, aliases) has a word starting with `typed`,
  // case and accents aside ("col" → Colombie), counted within `request`'s text and whole filter, most
  // documents first, at most `limit`, labelled like the request's facets.
  Result<FacetCounts> facet_search(const SearchRequest& request, const std::string& field,
                                   const std::string& typed, size_t limit);

  // Every match of `request` in rank order, `limit` at most, in batches of 256 doubling up to 4,096 (so
  // memory stays bounded whatever the count), without snippets: `visit` gets each hit and the number of
  // matches, and stops the walk by returning false. A commit between batches may shift a document by a batch.
  Status each_match(SearchRequest request, size_t limit,
                    const std::function<bool(const Hit&, size_t total_hits)>& visit);

  // Documents like the one with `id`: its most characteristic words (Xapian's relevance feedback over its
  // terms) searched as any-word query with `request`'s language, filters, crossLanguage and page; the
  // document itself left out. ErrorCode::not_found for an unknown id.
  Result<SearchResponse> similar(const std::string& id, SearchRequest request);

  // The stored document with `id` (its body included); ErrorCode::not_found when absent.
  Result<index::Document> document(const std::string& id);

  // Search-as-you-type completions of `typed`.
  Result<std::vector<std::string>> complete(const std::string& typed, size_t limit);

  // Sees the latest commit, or the new database a rebuilt stub file names; true when the index changed.
  Result<bool> refresh();

  Result<IndexStats> stats();

  // The state answers come from: the databases the stub file names, each shard's revision, the shards left
  // out and the synonym groups in force. Equal requests answered under equal versions get equal answers.
  std::string version();

  // The synonym file whose groups every search applies (none by default); it must outlive the Searcher.
  void use_synonyms(SynonymFile* synonyms) { synonyms_ = synonyms; }

  // The store facet columns are read from and shared through (else this Searcher reads its own); it must
  // outlive the Searcher.
  void use_facet_columns(FacetColumnStore* store) { facet_column_store_ = store; }

  // Answers about the index's terms and the readings' best documents shared with other Searchers (it must
  // outlive this one); none by default.
  void use_shared_answers(SharedAnswers* answers) {
    shared_answers_ = answers;
    best_hits_.share(answers, &index_version_);
  }

  // The ranking every search uses (BM25 with Xapian's defaults unless set).
  void set_ranking(const Ranking& ranking) { ranking_ = ranking; }

  // Whether a page's matches may be counted by Sonda from the posting lists (MatchedDocuments; on by
  // default) or always by Xapian's exhaustive match (what tests compare it with).
  void count_by_sonda(bool on) { counts_by_sonda_ = on; }

  // The lexicon crossLanguage searches translate with (none by default: they are refused); it must outlive
  // the Searcher.
  void use_lexicon(const translate::Lexicon* lexicon) { lexicon_ = lexicon; }

 private:
  // `identity`: the stub's, taken before `shards` were opened from it (a rebuild switching the stub in
  // between then shows as a change at the next refresh, not as the generation already open).
  Searcher(std::string path, std::string identity, ShardSet shards, const enrich::Gazetteer& gazetteer,
           const RemoteOptions& remote)
      : path_(std::move(path)),
        identity_(std::move(identity)),
        shards_(std::move(shards)),
        remote_(remote),
        gazetteer_(gazetteer) {
    note_version();
  }
  // Inode and modification time of a stub file ("" for a folder): changes when a rebuild switches.
  static std::string file_identity(const std::string& path);
  template <typename Operation>
  auto with_retry(const char* what, Operation operation) -> decltype(operation());
  SearchResponse run(const SearchRequest& request, bool label = true);
  // Ranks `page` (at `offset`, weighed by `weighting`) again with pseudo-relevance feedback; `text.query`
  // becomes the query ranked.
  void rank_with_feedback(const SearchRequest& request, const Xapian::Weight& weighting,
                          query::Translation& text, const FilterSet& filters, Xapian::doccount offset,
                          Xapian::MSet& page);
  // refresh() without forgetting the word-list answers.
  Result<bool> reopen();
  Result<bool> reopen_shards();
  // Forgets what was remembered of the database (word-list answers, readings' best documents).
  void forget_answers();
  // Reads the index's part of version() again, after the shards were opened or reopened.
  void note_version();
  // Where this search's match reads facet values from; holds one local database's in memory, read again
  // when its version changed.
  FacetSource facet_source();

  std::string path_;
  std::string identity_;
  std::string index_version_;  // identity and shard revisions, as of the last (re)open
  ShardSet shards_;
  RemoteOptions remote_;
  const enrich::Gazetteer& gazetteer_;
  analysis::Analyzer analyzer_;
  SynonymFile* synonyms_ = nullptr;
  const translate::Lexicon* lexicon_ = nullptr;
  Ranking ranking_;
  bool counts_by_sonda_ = true;
  TermCache term_cache_;                               // word-list answers since the database last changed
  BestHits best_hits_;                                 // readings' best documents, as long
  FacetColumnStore* facet_column_store_ = nullptr;     // shared with other Searchers, if set
  SharedAnswers* shared_answers_ = nullptr;            // shared with other Searchers, if set
  std::shared_ptr<const FacetColumns> facet_columns_;  // as of facet_columns_version_
  std::string facet_columns_version_;                  // the database's when they were read ("": never)
};

}  // namespace sonda::search

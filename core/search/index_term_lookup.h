// TermLookup over a Xapian database: accented forms from the schema's XA terms.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "enrich/gazetteer.h"
#include "query/term_lookup.h"
#include "search/shared_answers.h"
#include "search/term_cache.h"

namespace sonda::search {

// How many documents hold a word of the word list: read from the database only when asked (a scan that
// skips most words never reads their counts).
class WordDocuments {
 public:
  explicit WordDocuments(const Xapian::TermIterator& term) : term_(&term) {}
  explicit WordDocuments(Xapian::doccount known) : known_(known) {}
  Xapian::doccount operator()() const { return term_ ? term_->get_termfreq() : known_; }

 private:
  const Xapian::TermIterator* term_ = nullptr;
  Xapian::doccount known_ = 0;
};

// What a scan of the word list does after a word: the next word (`skip` 0), none (`stop`), or the next
// word not beginning with this one's first `skip` bytes.
struct WordStep {
  bool stop = false;
  size_t skip = 0;
};

// Reads "XA<folded>:<accented>" terms; works on local, sharded and remote databases alike.
class IndexTermLookup : public query::TermLookup {
 public:
  static constexpr size_t kMaxCompletionsScanned = 5000;
  static constexpr size_t kMaxSimilarScanned = 200'000;
  // documents_with_all lists the documents of groups holding at most this many postings in all.
  static constexpr size_t kMaxListedPostings = 200'000;
  // How many times more postings than listed documents a term needs for skipping to beat merging.
  static constexpr size_t kSkipOdds = 8;

  // Facet values are mapped to gazetteer keys when `gazetteer` (and `analyzer`, to fold them) are given.
  // With `cache`, the answers of accented_forms, similar_words, completions, documents_with and
  // documents_with_all are kept there (it must outlive the lookup and have been told the database's
  // revision).
  // `remote`: some shard is served over the network, where a posting list is not read whole.
  explicit IndexTermLookup(const Xapian::Database& database, const enrich::Gazetteer* gazetteer = nullptr,
                           analysis::Analyzer* analyzer = nullptr, TermCache* cache = nullptr,
                           bool remote = false)
      : database_(database), gazetteer_(gazetteer), analyzer_(analyzer), cache_(cache), remote_(remote) {}

  std::vector<std::string> accented_forms(std::string_view folded) const override;

  // Scans at most kMaxCompletionsScanned words (alphabetical order) for the most frequent, so a one-letter
  // prefix over a large vocabulary costs a bounded read; every shard layout reads the same merged list.
  // Over remote shards with a cache, a typo scan reads the word list's slice of the word's first letter,
  // transferred once and kept in the cache (it read ~13,000 words from every shard each time, one message
  // a word), and completions read that slice when it is kept.
  std::vector<Completion> completions(std::string_view prefix, size_t limit) const override;

  // Scans the words that share the first letter (at most kMaxSimilarScanned): an edit of the first letter
  // is never found, though typo_distance would allow one to words of nine letters or more.
  std::vector<std::string> similar_words(std::string_view word, int max_distance,
                                         size_t limit) const override;

  size_t documents_with(std::string_view term) const override;
  // Exact up to kMaxSharedDocuments, remembered in the cache when there is one. Over local databases, the
  // documents of every group but the last are listed once (a word being typed asks this for each of its
  // completions beside the same other words) and each term of the last group is counted against them (its
  // postings and the list, both ascending, merged, until the bound is reached): the work grows with the
  // postings read, not with the database. Over remote shards, or past kMaxListedPostings, one Boolean match
  // that checks at most the bound.
  size_t documents_with_all(const std::vector<std::vector<std::string>>& groups) const override;
  // Over local databases, both posting lists skipped through each other until a shared document; kept in
  // the cache when there is one.
  bool any_document_with_both(std::string_view a, std::string_view b) const override;

  // Answers whether a document holds two terms from `shared` too, and keeps its own there, as those of the
  // database's `version` (both must outlive the lookup).
  void share_answers(SharedAnswers* shared, const std::string* version) {
    shared_ = shared;
    version_ = version;
  }

  // Needs the gazetteer and analyzer (none without them).
  std::vector<std::string> entity_terms(std::string_view name) const override;

  // The gazetteer key of a facet value, or the value itself.
  std::string facet_value(std::string_view field, std::string_view value) const override;

  // The accented form most documents use for `folded` among those beginning with `beginning` (a word being
  // typed, as typed), or `folded` itself when none is recorded.
  std::string display_form(std::string_view folded, std::string_view beginning = {}) const;

 private:
  std::vector<std::string> scan_accented_forms(std::string_view folded) const;
  std::vector<Completion> scan_completions(std::string_view prefix, size_t limit) const;
  std::vector<std::string> scan_similar(std::string_view word, int max_distance, size_t limit) const;
  // Calls visit(word, documents) for the word list's words starting with `prefix`, in order, and goes on
  // as it says: over remote shards from the cached slice of its first letter (read first when
  // `read_slice`, else only when kept already), else from the database.
  void each_word(std::string_view prefix, bool read_slice,
                 const std::function<WordStep(std::string_view, const WordDocuments&)>& visit) const;
  // The words starting with `letter`, read whole and kept in the cache; nullptr when too many to keep.
  const WordSlice* slice_of(std::string_view letter) const;
  size_t count_documents_with_all(const std::vector<std::vector<std::string>>& groups) const;
  // The listed documents `term` holds (up to kMaxSharedDocuments of them) added to `found`: its postings
  // and the listed merged, or, when the listed are far fewer (kSkipOdds), the postings skipped to each.
  void shared_by_merging(const std::string& term, const std::vector<Xapian::docid>& listed,
                         std::vector<Xapian::docid>& found) const;
  void shared_by_skipping(const std::string& term, const std::vector<Xapian::docid>& listed,
                          std::vector<Xapian::docid>& found) const;
  size_t match_documents_with_all(const std::vector<std::vector<std::string>>& groups) const;
  // The documents holding a term of every one of `groups`, ascending, listed once per lookup.
  const std::vector<Xapian::docid>& documents_of(std::span<const std::vector<std::string>> groups) const;

  const Xapian::Database& database_;
  const enrich::Gazetteer* gazetteer_;
  analysis::Analyzer* analyzer_;
  TermCache* cache_;
  bool remote_;
  SharedAnswers* shared_ = nullptr;
  const std::string* version_ = nullptr;
  mutable std::optional<std::string> listed_key_;  // the groups `listed_` holds the documents of
  mutable std::vector<Xapian::docid> listed_;
};

}  // namespace sonda::search

// Every document's facet values held in memory, as small codes by docid, so counting a match's facets reads
// no value from the database (as Lucene's doc values and Elasticsearch's field data do).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "index/schema.h"

namespace sonda::search {

// One local database's facet values: per document, one code per facet field (index::facet_fields() order)
// naming its joined value list (code 0: none). 4 bytes per facet field and document; read again whenever
// the database changes.
class FacetColumns {
 public:
  // The most documents (by last docid) whose values are held: 32 MB at 8 facet fields.
  static constexpr Xapian::docid kMaxDocuments = 1'000'000;

  // Reads `database`'s combined facet slot (index::kFacetsSlot); nullopt when some document lacks it (an
  // index written before it), when it will not decode, or when the database is past kMaxDocuments.
  static std::optional<FacetColumns> load(const Xapian::Database& database);

  // The codes of document `docid`, one per facet field; nullptr for a docid not read.
  const uint32_t* codes(Xapian::docid docid) const {
    return docid < last_docid_ + 1 ? &codes_[size_t(docid) * index::kFacetFieldCount] : nullptr;
  }

  // The joined value list of `code` in facet field `field` (its position in index::facet_fields()).
  const std::string& list(size_t field, uint32_t code) const { return lists_[field][code]; }

  // How many codes facet field `field` has (code 0, none, included).
  size_t codes_in(size_t field) const { return lists_[field].size(); }

 private:
  Xapian::docid last_docid_ = 0;
  std::vector<uint32_t> codes_;  // docid-major, kFacetFieldCount per document (docid 0 unused)
  std::vector<std::vector<std::string>> lists_;  // per field, by code; lists_[f][0] is ""
};

// The facet columns of one local database shared by every Searcher of a pool: read once per version of the
// database (its UUID and revision, which a local database always knows), not once per serving thread. The
// two versions last asked for are kept, as serving threads move from one to the next. Thread-safe.
class FacetColumnStore {
 public:
  // The columns of `database` at `version`, read now unless kept; null when the database has none
  // (FacetColumns::load).
  std::shared_ptr<const FacetColumns> columns(const Xapian::Database& database, const std::string& version);

 private:
  struct Kept {
    std::string version;  // "": none
    std::shared_ptr<const FacetColumns> columns;
  };
  std::mutex mutex_;
  Kept latest_, before_;
};

}  // namespace sonda::search

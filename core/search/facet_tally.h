// The facet counts a match gathers: one Xapian spy per facet slot, one reading every facet at once, or one
// reading the facet values held in memory.
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "index/schema.h"
#include "search/facet_columns.h"
#include "search/facet_counter.h"

namespace sonda::search {

// Where a match reads facet values from: the cheapest the layout allows.
struct FacetSource {
  bool one_slot = false;                  // index::kFacetsSlot, on every document of local databases
  const FacetColumns* columns = nullptr;  // one local database's values in memory (must outlive the tally)
};

// True when a match over `database` may count facets from the combined slot (index::kFacetsSlot): every
// document has it and no shard is remote (a remote shard's server runs Xapian's built-in spies only).
bool facets_in_one_slot(const Xapian::Database& database, bool has_remote);

// Counts `fields` over the documents a match feeds its spies: from `source.columns` by docid (one database:
// a multi-database match hands spies each shard's own docids), else from the combined slot (one value read
// per document however many facets), else with a ValueCountMatchSpy per facet slot, which remote shards run
// themselves. Every way counts the same.
class FacetTally {
 public:
  FacetTally(std::vector<index::FacetField> fields, FacetSource source);
  ~FacetTally();
  FacetTally(FacetTally&&) noexcept;

  // The spies to attach to the match (owned by the tally).
  std::vector<Xapian::MatchSpy*> spies() const;

  // Whether documents may be counted by number (count) instead of by a spy: the values are in memory, or
  // no field is counted.
  bool counts_by_docid() const;

  // Counts document `docid` of the one local database (counts_by_docid only), as a spy fed it would.
  void count(Xapian::docid docid);

  // Whether `field` is among those counted.
  bool counts(const index::FacetField& field) const;

  // Each distinct joined value list of `field`, which is counted, and the documents holding it.
  JoinedCounts joined(const index::FacetField& field) const;

  // The spies reading the combined slot and the columns (Xapian::MatchSpy of their own, local only).
  class CombinedSpy;
  class ColumnSpy;

 private:
  std::vector<index::FacetField> fields_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> slot_spies_;  // one per field, or none
  std::unique_ptr<CombinedSpy> combined_;
  std::unique_ptr<ColumnSpy> column_;
};

}  // namespace sonda::search

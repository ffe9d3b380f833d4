// The facet counts a match gathers: one Xapian spy per facet slot, one reading every facet at once, or one
// reading the facet values held in memory.
#include "search/facet_tally.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sonda::search {
namespace {

// Heterogeneous lookup: a document's joined values are found as views, copied only when new.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view value) const { return std::hash<std::string_view>{}(value); }
};

}  // namespace

bool facets_in_one_slot(const Xapian::Database& database, bool has_remote) {
  return !has_remote && database.get_value_freq(index::kFacetsSlot) == database.get_doccount();
}

// Counts, per facet asked, the documents of each joined value list, as ValueCountMatchSpy does for one slot
// (an empty list counts nothing).
class FacetTally::CombinedSpy : public Xapian::MatchSpy {
 public:
  explicit CombinedSpy(const std::vector<index::FacetField>& fields) {
    for (const auto& field : fields) positions_.push_back(index::place_of(index::facet_fields(), field));
    counts_.resize(fields.size());
  }

  void operator()(const Xapian::Document& document, double) override {
    std::string value = document.get_value(index::kFacetsSlot);
    std::array<std::string_view, index::kFacetFieldCount> joined;
    if (!index::decode_facet_values(value, joined)) return;
    for (size_t k = 0; k < positions_.size(); ++k) {
      std::string_view list = joined[positions_[k]];
      if (list.empty()) continue;
      auto& counts = counts_[k];
      if (auto known = counts.find(list); known != counts.end())
        ++known->second;
      else
        counts.emplace(std::string(list), 1);
    }
  }

  JoinedCounts joined(size_t k) const { return JoinedCounts(counts_[k].begin(), counts_[k].end()); }

 private:
  std::vector<size_t> positions_;  // of each field asked, in facet_fields()
  std::vector<std::unordered_map<std::string, Xapian::doccount, ViewHash, std::equal_to<>>> counts_;
};

// Counts, per facet asked, the documents of each code by docid (one local database only).
class FacetTally::ColumnSpy : public Xapian::MatchSpy {
 public:
  ColumnSpy(const std::vector<index::FacetField>& fields, const FacetColumns& columns) : columns_(columns) {
    for (const auto& field : fields) {
      positions_.push_back(index::place_of(index::facet_fields(), field));
      counts_.emplace_back(columns.codes_in(positions_.back()), 0);
    }
  }

  void operator()(const Xapian::Document& document, double) override { count(document.get_docid()); }

  void count(Xapian::docid docid) {
    const uint32_t* codes = columns_.codes(docid);
    if (!codes) return;
    for (size_t k = 0; k < positions_.size(); ++k) ++counts_[k][codes[positions_[k]]];
  }

  JoinedCounts joined(size_t k) const {
    JoinedCounts out;
    for (uint32_t code = 1; code < counts_[k].size(); ++code)
      if (counts_[k][code] > 0) out.emplace_back(columns_.list(positions_[k], code), counts_[k][code]);
    return out;
  }

 private:
  const FacetColumns& columns_;
  std::vector<size_t> positions_;                      // of each field asked, in facet_fields()
  std::vector<std::vector<Xapian::doccount>> counts_;  // per field asked, by code
};

FacetTally::FacetTally(std::vector<index::FacetField> fields, FacetSource source)
    : fields_(std::move(fields)) {
  if (fields_.empty()) return;
  if (source.columns) {
    column_ = std::make_unique<ColumnSpy>(fields_, *source.columns);
  } else if (source.one_slot) {
    combined_ = std::make_unique<CombinedSpy>(fields_);
  } else {
    for (const auto& field : fields_)
      slot_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
  }
}

FacetTally::~FacetTally() = default;
FacetTally::FacetTally(FacetTally&&) noexcept = default;

std::vector<Xapian::MatchSpy*> FacetTally::spies() const {
  if (column_) return {column_.get()};
  if (combined_) return {combined_.get()};
  std::vector<Xapian::MatchSpy*> out;
  for (const auto& spy : slot_spies_) out.push_back(spy.get());
  return out;
}

bool FacetTally::counts_by_docid() const {
  return column_ || fields_.empty();
}

void FacetTally::count(Xapian::docid docid) {
  if (column_) column_->count(docid);
}

bool FacetTally::counts(const index::FacetField& field) const {
  return index::place_of(fields_, field) < fields_.size();
}

JoinedCounts FacetTally::joined(const index::FacetField& field) const {
  size_t k = index::place_of(fields_, field);
  if (k == fields_.size()) return {};
  if (column_) return column_->joined(k);
  if (combined_) return combined_->joined(k);
  JoinedCounts out;
  for (auto value = slot_spies_[k]->values_begin(); value != slot_spies_[k]->values_end(); ++value)
    out.emplace_back(*value, value.get_termfreq());
  return out;
}

}  // namespace sonda::search

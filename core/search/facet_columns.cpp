// Every document's facet values held in memory, as small codes by docid.
#include "search/facet_columns.h"

#include <string_view>
#include <unordered_map>

#include "index/schema.h"

namespace sonda::search {

std::optional<FacetColumns> FacetColumns::load(const Xapian::Database& database) {
  Xapian::docid last = database.get_lastdocid();
  if (last > kMaxDocuments || database.get_value_freq(index::kFacetsSlot) != database.get_doccount())
    return std::nullopt;
  FacetColumns out;
  out.last_docid_ = last;
  out.codes_.assign((size_t(last) + 1) * index::kFacetFieldCount, 0);
  out.lists_.assign(index::kFacetFieldCount, {std::string()});
  std::vector<std::unordered_map<std::string, uint32_t>> known(index::kFacetFieldCount);
  std::vector<std::string_view> joined(index::kFacetFieldCount);
  for (auto value = database.valuestream_begin(index::kFacetsSlot);
       value != database.valuestream_end(index::kFacetsSlot); ++value) {
    std::string bytes = *value;
    Xapian::docid docid = value.get_docid();
    if (docid > last || !index::decode_facet_values(bytes, joined)) return std::nullopt;
    for (size_t field = 0; field < index::kFacetFieldCount; ++field) {
      if (joined[field].empty()) continue;
      auto [at, fresh] = known[field].try_emplace(std::string(joined[field]),
                                                  static_cast<uint32_t>(out.lists_[field].size()));
      if (fresh) out.lists_[field].push_back(at->first);
      out.codes_[size_t(docid) * index::kFacetFieldCount + field] = at->second;
    }
  }
  return out;
}

std::shared_ptr<const FacetColumns> FacetColumnStore::columns(const Xapian::Database& database,
                                                              const std::string& version) {
  std::lock_guard lock(mutex_);
  if (version == latest_.version) return latest_.columns;
  if (version != before_.version) {
    auto loaded = FacetColumns::load(database);
    before_ = {version, loaded ? std::make_shared<const FacetColumns>(std::move(*loaded)) : nullptr};
  }
  std::swap(latest_, before_);
  return latest_.columns;
}

}  // namespace sonda::search

// Facet counts and numeric bounds from a match's counts of joined value lists.
#include "search/facet_counter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace sonda::search {
namespace {

struct KeyCount {
  size_t documents = 0;
  std::map<std::string, size_t> spellings;
};

}  // namespace

FacetCounts facet_counts(const JoinedCounts& joined, const index::FacetField& field, size_t limit) {
  std::map<std::string, KeyCount> by_key;
  for (const auto& [value, documents] : joined) {
    std::set<std::string> keys_in_document;
    for (const auto& single : index::split_values(value)) {
      std::string key = index::facet_key(single);
      KeyCount& entry = by_key[key];
      entry.spellings[single] += documents;
      if (keys_in_document.insert(key).second) entry.documents += documents;
    }
  }
  FacetCounts out{std::string(field.name), {}};
  for (const auto& [key, entry] : by_key) {
    auto spelling = std::max_element(entry.spellings.begin(), entry.spellings.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
    out.values.emplace_back(spelling->first, entry.documents);
  }
  std::sort(out.values.begin(), out.values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.values.size() > limit) out.values.resize(limit);
  return out;
}

std::optional<FacetStats> numeric_stats(const JoinedCounts& joined, const index::FacetField& field) {
  std::optional<FacetStats> out;
  for (const auto& [value, documents] : joined) {
    for (const auto& single : index::split_values(value)) {
      char* end = nullptr;
      double number = std::strtod(single.c_str(), &end);
      if (single.empty() || end != single.c_str() + single.size() || !std::isfinite(number)) continue;
      if (!out) out = FacetStats{std::string(field.name), number, number};
      out->min = std::min(out->min, number);
      out->max = std::max(out->max, number);
    }
  }
  return out;
}

}  // namespace sonda::search

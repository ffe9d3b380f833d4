// Documents fetched once per search.
#include "search/document_memo.h"

#include <algorithm>

namespace sonda::search {

std::vector<Xapian::Document> DocumentMemo::documents(const std::vector<Xapian::docid>& docids) {
  std::vector<Xapian::docid> missing;
  for (Xapian::docid docid : docids)
    if (!fetched_.contains(docid) && std::find(missing.begin(), missing.end(), docid) == missing.end())
      missing.push_back(docid);
  if (!missing.empty()) {
    std::vector<Xapian::Document> found = fetch_(missing);
    for (size_t i = 0; i < missing.size() && i < found.size(); ++i) fetched_.emplace(missing[i], found[i]);
  }
  std::vector<Xapian::Document> out;
  out.reserve(docids.size());
  for (Xapian::docid docid : docids) out.push_back(fetched_.at(docid));
  return out;
}

}  // namespace sonda::search

// The documents one search reads, each fetched once: the promotion and the rendering read the same ones.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <vector>

namespace sonda::search {

// Fetches documents by number through `fetch` (all at once, so remote shards can answer side by side) and
// keeps them for the rest of the search: over remote shards each fetched document is a round trip.
class DocumentMemo {
 public:
  using Fetch = std::function<std::vector<Xapian::Document>(const std::vector<Xapian::docid>&)>;

  explicit DocumentMemo(Fetch fetch) : fetch_(std::move(fetch)) {}

  // The documents numbered `docids`, in that order; only those not fetched before are asked for.
  std::vector<Xapian::Document> documents(const std::vector<Xapian::docid>& docids);

 private:
  Fetch fetch_;
  std::map<Xapian::docid, Xapian::Document> fetched_;
};

}  // namespace sonda::search

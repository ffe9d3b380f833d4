// The parameters of the ranking every search uses: BM25's k1 and b, and the proximity clause.
#pragma once

#include <xapian.h>

namespace sonda::search {

// BM25 (Xapian's BM25Weight, k2 = 0, k3 = 1, min_normlen = 0.5) with these k1 and b (Xapian's defaults,
// which the relevance sets' development halves found best: BENCHMARKS.md), and the proximity clause: the
// query's words within their count plus `proximity_slack` positions add that match's weight times
// `proximity_weight`.
struct Ranking {
  double k1 = 1.0;
  double b = 0.5;
  unsigned proximity_slack = 2;
  double proximity_weight = 1.0;

  // The weighting scheme an Enquire ranks with.
  Xapian::BM25Weight weighting() const { return Xapian::BM25Weight(k1, 0, 1, b, 0.5); }
};

}  // namespace sonda::search

// The parameters of the ranking every search uses: BM25's k1 and b, the proximity clause and feedback.
#pragma once

#include <xapian.h>

namespace sonda::search {

// BM25 (Xapian's BM25Weight, k2 = 0, k3 = 1, min_normlen = 0.5) with these k1 and b (Xapian's defaults,
// which the relevance sets' development halves found best: BENCHMARKS.md), and the proximity clause: the
// query's words within their count plus `proximity_slack` positions add that match's weight times
// `proximity_weight`. A search asking for feedback is ranked again with the `feedback_terms` most
// significant stems of its first `feedback_documents` hits, the most significant weighing `feedback_weight`
// of a typed word's weight, the others less by their expansion weight (chosen once for both languages and
// all three relevance sets: BENCHMARKS.md, Relevance).
struct Ranking {
  double k1 = 1.0;
  double b = 0.5;
  unsigned proximity_slack = 2;
  double proximity_weight = 1.0;
  Xapian::doccount feedback_documents = 5;
  Xapian::termcount feedback_terms = 10;
  double feedback_weight = 0.02;

  // The weighting scheme an Enquire ranks with.
  Xapian::BM25Weight weighting() const { return Xapian::BM25Weight(k1, 0, 1, b, 0.5); }
};

}  // namespace sonda::search

// The parameters of the ranking every search uses: BM25's k1 and b, the proximity clause and feedback.
#pragma once

#include <xapian.h>

#include <memory>

namespace sonda::search {

// Words that must all match rank by BM25 (Xapian's BM25Weight, k2 = 0, k3 = 1, min_normlen = 0.5) with these
// k1 and b (Xapian's defaults, which the relevance sets' development halves found best: BENCHMARKS.md); a
// query any of whose words may match (`match=any`: questions) by the divergence-from-randomness model IneB2
// with its normalisation parameter `any_c` (better than BM25 on French questions and level on the Spanish
// sets: BENCHMARKS.md, Relevance, with each model tried and their intervals), each finished word's own form
// (folded, so accents and case aside) adding its weight times `any_exact_word` beside its stems'. Then the
// proximity clause: the query's words within their count plus `proximity_slack` positions add that match's
// weight times `proximity_weight`. A search asking for feedback is ranked again with the `feedback_terms`
// most significant stems of its first `feedback_documents` hits, the most significant weighing
// `feedback_weight` of a typed word's weight, the others less by their expansion weight (chosen once for both
// languages and all three relevance sets: BENCHMARKS.md, Relevance).
struct Ranking {
  double k1 = 1.0;
  double b = 0.5;
  unsigned proximity_slack = 2;
  double proximity_weight = 1.0;
  Xapian::doccount feedback_documents = 5;
  Xapian::termcount feedback_terms = 10;
  double feedback_weight = 0.02;
  bool any_by_divergence = true;  // false: `match=any` ranks by BM25 too
  double any_c = 3.0;
  double any_exact_word = 0.25;  // 0: a question's words match through their stems alone

  // Whether Xapian may skip the documents that cannot reach a page by the scheme's upper bounds, for a
  // query any of whose words may match or all must: BM25's bounds hold; Xapian 1.4.22's IneB2 bound does not
  // (a piaf_fr question's best paragraph, weighing 15.5 against 9.3 for the next, was skipped), so such
  // queries are ranked over every match.
  bool bounds_hold(bool match_any) const { return !(match_any && any_by_divergence); }

  // The weighting scheme an Enquire ranks a query with, when any of its words may match or all must.
  std::unique_ptr<Xapian::Weight> weighting(bool match_any) const {
    if (match_any && any_by_divergence) return std::make_unique<Xapian::IneB2Weight>(any_c);
    return std::make_unique<Xapian::BM25Weight>(k1, 0, 1, b, 0.5);
  }
};

}  // namespace sonda::search

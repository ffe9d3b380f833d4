// Pseudo-relevance feedback: the most significant stems of a search's best documents, to rank it again.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>

#include "search/ranking.h"

namespace sonda::search {

// The `ranking.feedback_terms` most significant stems (`Z` terms; title stems and `own_stems`, the query's,
// left out) of the first `ranking.feedback_documents` hits of `best`, each scaled to at most
// `ranking.feedback_weight` of its own weight, OR-ed; nullopt when they lend none.
std::optional<Xapian::Query> feedback_terms(const Xapian::Database& database, const Xapian::MSet& best,
                                            const std::set<std::string>& own_stems, const Ranking& ranking);

}  // namespace sonda::search

// Brings the best document of each likely completion of the word being typed onto the first page.
#pragma once

#include <xapian.h>

#include "query/query_node.h"
#include "query/query_translator.h"
#include "search/query_plan.h"

namespace sonda::search {

// The ranked query of a search sorted by relevance whose last plain word is still being typed: `text`'s
// query restricted by `filters`, and, for each of the word's likeliest completions (text.completions)
// whose best document (the query with the word completed, same filters) is not on the first page, that
// document raised just above the first page's last hit, the likeliest completion's first. The first page
// is then the mixture's best hits and the best hit of each likely reading of the word; every page and every
// shard layout see the same ranking. `translator` translates the completed queries in `mode`.
Xapian::Query promote_completions(const Xapian::Database& database, query::QueryTranslator& translator,
                                  const query::QueryNode& parsed, const query::Translation& text,
                                  query::MatchMode mode, const FilterSet& filters);

}  // namespace sonda::search

// Brings the best document of each likely reading of a word being typed or mistyped onto the first page.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "query/query_node.h"
#include "query/query_translator.h"
#include "search/best_hits.h"
#include "search/document_memo.h"
#include "search/hit_renderer.h"
#include "search/index_term_lookup.h"
#include "search/query_plan.h"

namespace sonda::search {

// What a search ranks with: the database, its weighting, the parsed query, how its words translate and the
// filters, and its documents; all must outlive the promotion.
struct PromotionContext {
  const Xapian::Database& database;
  DocumentMemo& documents;  // the database's, fetched once per search
  const Xapian::Weight& weighting;
  query::QueryTranslator& translator;  // translates the queries with the word completed
  const query::QueryNode& parsed;
  query::MatchMode mode;
  const FilterSet& filters;
  const IndexTermLookup& lookup;  // writes a corrected word as documents write it
  BestHits& bests;                // the best documents of readings ranked before
};

// The hits a promoted document must make it into: the first page of ten.
inline constexpr size_t kPromotionPage = 10;

// The first page's raised documents: where they land and at what weight, and the query's own first hits.
struct Promotion {
  Xapian::MSet first;             // the query's own first hits (ten or more), ranked without the raise
  size_t place = 0;               // the first page's place the raised documents land at, in order
  std::vector<RankedHit> raised;  // likeliest first: each at a weight between its neighbours' on the page
  std::vector<std::string> ids;   // their ids
};

// For a search sorted by relevance whose last plain word is still being typed, or with a word corrected:
// the best document of each of the word's likeliest readings (text.readings, the query with the word
// completed; then text.corrected_readings, the query with the word corrected; same filters) brought onto the
// first ten hits of `text`'s query restricted by the filters: those not there already (or pushed off by the
// others) raised to just above the first hit that leaves the page for them, the likeliest reading's
// highest. The first page then holds the best hits and the best hit of each likely reading of the words;
// every page and every shard layout see the same ranking. nullopt when nothing is raised. `first_page`,
// when given, holds the query's first page (ten hits or more) already.
std::optional<Promotion> promote_completions(const PromotionContext& context, const query::Translation& text,
                                             const Xapian::MSet* first_page = nullptr);

// The hits [offset, offset + count) of the ranking `promotion` makes: the query's own hits with the raised
// ones in their place on the first page and left out after it. Taken from the query's first hits while they
// last (no further match for a first page), else from a match of the query without the raised documents.
// Ordered by the weights the query's own match gave (never a match filtered to a page's documents, which
// Xapian 1.4.22 can weigh wrongly beside the proximity clause).
std::vector<RankedHit> promoted_hits(const PromotionContext& context, const query::Translation& text,
                                     const Promotion& promotion, Xapian::doccount offset,
                                     Xapian::doccount count);

}  // namespace sonda::search

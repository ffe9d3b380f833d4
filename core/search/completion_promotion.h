// Brings the best document of each likely reading of a word being typed or mistyped onto the first page.
#pragma once

#include <xapian.h>

#include <optional>

#include "query/query_node.h"
#include "query/query_translator.h"
#include "search/best_hits.h"
#include "search/document_memo.h"
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

// For a search sorted by relevance whose last plain word is still being typed, or with a word corrected:
// `text`'s query restricted by the filters, with the best document of each of the word's likeliest readings
// (text.readings, the query with the word completed; then text.corrected_readings, the query with the word
// corrected; same filters) on the first ten hits: those not there already (or pushed off by the others)
// raised to just above the first hit that leaves the page for them, the likeliest reading's highest. The
// first page then holds the best hits and the best hit of each likely reading of the words; every page and
// every shard layout see the same ranking.
// nullopt when nothing is raised. `first_page`, when given, holds the first page (ten hits or more) already,
// and the query returned then matches only its documents and the raised ones: the new first page is among
// those (every other document weighs no more than the page's last, which it ranked below), so ranking it
// again is cheap.
std::optional<Xapian::Query> promote_completions(const PromotionContext& context,
                                                 const query::Translation& text,
                                                 const Xapian::MSet* first_page = nullptr);

}  // namespace sonda::search

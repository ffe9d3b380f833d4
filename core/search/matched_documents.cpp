// The documents a query matches, found from posting lists alone: a bit per document, the query's tree
// evaluated bottom up.
#include "search/matched_documents.h"

#include <string>
#include <string_view>

namespace sonda::search {
namespace {

using Bits = std::vector<uint64_t>;

void set_postings(const Xapian::Database& database, const std::string& term, Bits& bits) {
  for (auto posting = database.postlist_begin(term); posting != database.postlist_end(term); ++posting)
    bits[*posting >> 6] |= uint64_t{1} << (*posting & 63);
}

// A posting source that matches every document (its weight aside): Xapian's FixedWeightPostingSource, which
// the search uses for the accent bonus, names and raised hits.
bool matches_every_document(const Xapian::Query& source) {
  return source.get_description().starts_with("Query(PostingSource(Xapian::FixedWeightPostingSource(");
}

// Whether every node of `query` is a shape evaluate() reads (checked before any posting is read, so a query
// left to Xapian costs nothing here).
bool evaluable(const Xapian::Query& query) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::LEAF_MATCH_NOTHING:
    case Q::LEAF_MATCH_ALL: return true;
    case Q::LEAF_TERM:
      return !(*query.get_terms_begin()).empty();  // Query(""): every document, weighted by its length
    case Q::LEAF_POSTING_SOURCE: return matches_every_document(query);
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE:  // the right side only weighs
      return evaluable(query.get_subquery(0));
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT:
      for (size_t k = 0; k < query.get_num_subqueries(); ++k)
        if (!evaluable(query.get_subquery(k))) return false;
      return query.get_num_subqueries() > 0;
    default:  // phrases and proximity that must match, value ranges, wildcards, elite sets, XOR…
      return false;
  }
}

// `query`'s documents (an evaluable one) into `bits`, sized and cleared by the caller.
void evaluate(const Xapian::Database& database, const Xapian::Query& query, Bits& bits) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::LEAF_TERM: set_postings(database, *query.get_terms_begin(), bits); return;
    case Q::LEAF_MATCH_ALL:
    case Q::LEAF_POSTING_SOURCE: set_postings(database, std::string(), bits); return;
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE: evaluate(database, query.get_subquery(0), bits); return;
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT: {
      evaluate(database, query.get_subquery(0), bits);
      Xapian::Query::op op = query.get_type();
      Bits part(bits.size());
      for (size_t k = 1; k < query.get_num_subqueries(); ++k) {
        std::fill(part.begin(), part.end(), 0);
        evaluate(database, query.get_subquery(k), part);
        for (size_t word = 0; word < bits.size(); ++word)
          bits[word] = op == Q::OP_AND_NOT                     ? bits[word] & ~part[word]
                       : op == Q::OP_AND || op == Q::OP_FILTER ? bits[word] & part[word]
                                                               : bits[word] | part[word];
      }
      return;
    }
    default:  // LEAF_MATCH_NOTHING
      return;
  }
}

}  // namespace

std::optional<MatchedDocuments> MatchedDocuments::of(const Xapian::Database& database,
                                                     const Xapian::Query& query) {
  if (!evaluable(query)) return std::nullopt;
  Bits bits(database.get_lastdocid() / 64 + 1);
  evaluate(database, query, bits);
  return MatchedDocuments(std::move(bits));
}

Xapian::doccount MatchedDocuments::size() const {
  Xapian::doccount count = 0;
  for (uint64_t word : bits_) count += static_cast<Xapian::doccount>(__builtin_popcountll(word));
  return count;
}

}  // namespace sonda::search

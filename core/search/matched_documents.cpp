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

// `query`'s documents into `bits` (sized and cleared by the caller); false for a shape not evaluated.
bool evaluate(const Xapian::Database& database, const Xapian::Query& query, Bits& bits) {
  using Q = Xapian::Query;
  switch (query.get_type()) {
    case Q::LEAF_MATCH_NOTHING: return true;
    case Q::LEAF_TERM: {
      std::string term = *query.get_terms_begin();
      if (term.empty()) return false;  // Query(""): every document, weighted by its length
      set_postings(database, term, bits);
      return true;
    }
    case Q::LEAF_MATCH_ALL: set_postings(database, std::string(), bits); return true;
    case Q::LEAF_POSTING_SOURCE:
      if (!matches_every_document(query)) return false;
      set_postings(database, std::string(), bits);
      return true;
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE:  // the right side only weighs
      return evaluate(database, query.get_subquery(0), bits);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX: {
      Bits part(bits.size());
      for (size_t k = 0; k < query.get_num_subqueries(); ++k) {
        std::fill(part.begin(), part.end(), 0);
        if (!evaluate(database, query.get_subquery(k), part)) return false;
        for (size_t word = 0; word < bits.size(); ++word) bits[word] |= part[word];
      }
      return true;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT: {
      if (query.get_num_subqueries() == 0 || !evaluate(database, query.get_subquery(0), bits)) return false;
      bool without = query.get_type() == Q::OP_AND_NOT;
      Bits part(bits.size());
      for (size_t k = 1; k < query.get_num_subqueries(); ++k) {
        std::fill(part.begin(), part.end(), 0);
        if (!evaluate(database, query.get_subquery(k), part)) return false;
        for (size_t word = 0; word < bits.size(); ++word) bits[word] &= without ? ~part[word] : part[word];
      }
      return true;
    }
    default:  // phrases and proximity that must match, value ranges, wildcards, elite sets, XOR…
      return false;
  }
}

}  // namespace

std::optional<MatchedDocuments> MatchedDocuments::of(const Xapian::Database& database,
                                                     const Xapian::Query& query) {
  Bits bits(database.get_lastdocid() / 64 + 1);
  if (!evaluate(database, query, bits)) return std::nullopt;
  return MatchedDocuments(std::move(bits));
}

Xapian::doccount MatchedDocuments::size() const {
  Xapian::doccount count = 0;
  for (uint64_t word : bits_) count += static_cast<Xapian::doccount>(__builtin_popcountll(word));
  return count;
}

}  // namespace sonda::search

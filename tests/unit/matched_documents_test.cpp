// The documents a query matches, counted from posting lists: the same as Xapian's match for every shape it
// evaluates, nothing for the others.
#include "search/matched_documents.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::search {
namespace {

using Q = Xapian::Query;

// Documents 1–100: "a" when n is even, "b" a multiple of 3, "c" of 5; positions 1 and 2 hold "x y" in the
// multiples of 4; value 0 holds n; document 50 removed (a gap in the numbers).
Xapian::WritableDatabase numbered() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int n = 1; n <= 100; ++n) {
    Xapian::Document document;
    document.add_term("n" + std::to_string(n));
    for (auto [term, every] : {std::pair{"a", 2}, {"b", 3}, {"c", 5}})
      if (n % every == 0) document.add_term(term);
    if (n % 4 == 0) document.add_posting("x", 1), document.add_posting("y", 2);
    document.add_value(0, Xapian::sortable_serialise(n));
    database.add_document(document);
  }
  database.delete_document(50);
  return database;
}

Xapian::doccount xapian_count(const Xapian::Database& database, const Q& query) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
}

Q fixed(double weight) {
  return Q((new Xapian::FixedWeightPostingSource(weight))->release());
}

TEST(MatchedDocuments, CountsWhatXapianMatchesForEveryShapeItEvaluates) {
  Xapian::WritableDatabase database = numbered();
  const std::vector<std::pair<Q, Xapian::doccount>> cases = {
      {Q("a"), 49},                                                     // 50 removed
      {Q(Q::OP_OR, Q("b"), Q("c")), 33 + 20 - 6 - 1},                   // 50 removed (a multiple of 5)
      {Q(Q::OP_AND, Q("a"), Q("b")), 16},                               // multiples of 6
      {Q(Q::OP_FILTER, Q("a"), Q("c")), 10 - 1},                        // of 10, 50 removed
      {Q(Q::OP_AND_NOT, Q("a"), Q("b")), 49 - 16},                      // even, not of 6
      {Q(Q::OP_AND_MAYBE, Q("b"), Q("c")), 33},                         // the right side only weighs
      {Q(Q::OP_AND_MAYBE, Q("b"), Q(Q::OP_NEAR, Q("x"), Q("y"))), 33},  // so it may be a proximity clause
      {Q(Q::OP_SCALE_WEIGHT, Q("c"), 0.5), 19},                         // weight apart
      {Q(Q::OP_SYNONYM, Q("b"), Q("c")), 46},                           // as OR
      {Q(Q::OP_FILTER, fixed(0.2), Q("c")), 19},  // a fixed weight matches every document
      {Q(Q::OP_AND_NOT, Q(Q::OP_FILTER, fixed(1), Q("b")), Q("a")), 17},  // a name beside the typed words
      {Q::MatchAll, 99},                                                  // every document left
      {Q(), 0},                                                           // nothing
      {Q("missing"), 0},                                                  // a term no document holds
      {Q(Q::OP_OR, Q("n1"), Q(Q::OP_AND, Q("n2"), Q("missing"))), 1},     // nested
  };
  for (const auto& [query, expected] : cases) {
    auto counted = MatchedDocuments::of(database, query);
    ASSERT_TRUE(counted) << query.get_description();
    EXPECT_EQ(counted->size(), expected) << query.get_description();
    EXPECT_EQ(counted->size(), xapian_count(database, query)) << query.get_description();
  }
}

TEST(MatchedDocuments, ListsItsDocumentsInOrder) {
  Xapian::WritableDatabase database = numbered();
  auto counted = MatchedDocuments::of(database, Q(Q::OP_AND, Q("b"), Q("c")));
  ASSERT_TRUE(counted);
  std::vector<Xapian::docid> listed;
  counted->each([&](Xapian::docid docid) { listed.push_back(docid); });
  EXPECT_EQ(listed, (std::vector<Xapian::docid>{15, 30, 45, 60, 75, 90}));
}

TEST(MatchedDocuments, LeavesEveryOtherShapeToXapian) {
  Xapian::WritableDatabase database = numbered();
  const std::vector<Q> others = {
      Q(Q::OP_PHRASE, Q("x"), Q("y")),                      // positions
      Q(Q::OP_AND, Q("a"), Q(Q::OP_NEAR, Q("x"), Q("y"))),  // positions that must match
      Q(Q::OP_VALUE_RANGE, 0, Xapian::sortable_serialise(1), Xapian::sortable_serialise(9)),
      Q(Q::OP_OR, Q("a"), Q(Q::OP_VALUE_GE, 0, Xapian::sortable_serialise(90))),  // deep in the tree too
      Q(Q::OP_WILDCARD, "n1"),
      Q(Q::OP_XOR, Q("a"), Q("b")),
      Q(Q::OP_ELITE_SET, Q("a"), Q("b")),
      Q((new Xapian::ValueWeightPostingSource(0))->release()),  // a source that does not match everything
  };
  for (const Q& query : others)
    EXPECT_FALSE(MatchedDocuments::of(database, query)) << query.get_description();
}

}  // namespace
}  // namespace sonda::search

// Pseudo-relevance feedback: which stems the best documents lend, and how much they weigh.
#include "search/feedback.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace sonda::search {
namespace {

// Terms as the schema writes them: stems `Z…`, title stems `ZS…`, words bare.
Xapian::Database documents(const std::vector<std::vector<std::string>>& terms_of_each) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& terms : terms_of_each) {
    Xapian::Document document;
    for (const auto& term : terms) document.add_term(term);
    database.add_document(document);
  }
  return database;
}

Xapian::MSet best_of(const Xapian::Database& database, const std::string& term) {
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(term));
  return enquire.get_mset(0, 10);
}

// The terms of a feedback query.
std::set<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_terms_begin(), query.get_terms_end()};
}

TEST(Feedback, TheBestDocumentsLendTheirSharedStemsNotTheQuerysNorTitleStems) {
  std::vector<std::vector<std::string>> corpus = {
      {"Zalpha", "Zbeta", "Zgamma", "ZSbeta",
       "beta"},  // the query's stem, shared stems, a title stem, a word
      {"Zalpha", "Zbeta", "Zgamma"},
      {"Zalpha", "Zbeta"},
  };
  for (int n = 0; n < 20; ++n) corpus.push_back({"Zother" + std::to_string(n), "Zgamma"});
  Xapian::Database database = documents(corpus);
  auto lent = feedback_terms(database, best_of(database, "Zalpha"), {"alpha"}, Ranking{});
  ASSERT_TRUE(lent);
  auto terms = terms_of(*lent);
  EXPECT_TRUE(terms.contains("Zbeta"));
  EXPECT_FALSE(terms.contains("Zalpha"));
  EXPECT_FALSE(terms.contains("ZSbeta"));
  EXPECT_FALSE(terms.contains("beta"));
  EXPECT_LE(terms.size(), Ranking{}.feedback_terms);
}

TEST(Feedback, ALentStemWeighsAtMostTheFeedbackWeightOfAWord) {
  Xapian::Database database = documents({{"Zalpha", "Zbeta"}, {"Zalpha", "Zbeta"}, {"Zgamma"}, {"Zdelta"}});
  auto lent = feedback_terms(database, best_of(database, "Zalpha"), {"alpha"}, Ranking{});
  ASSERT_TRUE(lent);
  // Alone, "beta" weighs its BM25 weight; lent, the feedback weight's share of it.
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query("Zbeta"));
  double alone = enquire.get_mset(0, 1).begin().get_weight();
  enquire.set_query(*lent);
  double lent_weight = enquire.get_mset(0, 1).begin().get_weight();
  EXPECT_NEAR(lent_weight, Ranking{}.feedback_weight * alone, 1e-9);
}

TEST(Feedback, NoBestDocumentsLendNothing) {
  Xapian::Database database = documents({{"Zalpha"}});
  EXPECT_FALSE(feedback_terms(database, best_of(database, "Zmissing"), {}, Ranking{}));
  // The only document holds only the query's stem: nothing to lend.
  EXPECT_FALSE(feedback_terms(database, best_of(database, "Zalpha"), {"alpha"}, Ranking{}));
}

}  // namespace
}  // namespace sonda::search

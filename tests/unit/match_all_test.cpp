// Queries that match every document are each their own object, never a copy of Xapian::Query::MatchAll, whose
// unsynchronised reference count serving threads would race on (a crash under load).
#include "query/match_all.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "query/query_translator.h"
#include "search/query_plan.h"
#include "search/search_request.h"

namespace sonda {
namespace {

// A word list with one completion, `leurs`, of a word read as a stop word beside `chaton`.
class Lookup : public query::TermLookup {
 public:
  std::vector<std::string> accented_forms(std::string_view) const override { return {}; }
  std::vector<Completion> completions(std::string_view prefix, size_t) const override {
    if (std::string_view("leurs").starts_with(prefix)) return {{"leurs", 3}};
    return {};
  }
  size_t documents_with(std::string_view term) const override {
    return term == "leurs" || term == "chaton" || term == "Zchaton" ? 3 : 0;
  }
  size_t documents_with_all(const std::vector<std::vector<std::string>>&) const override { return 1; }
};

// True when `query` or one of its subqueries holds the static MatchAll's own object.
bool holds_the_static_match_all(const Xapian::Query& query) {
  if (query.internal.get() == Xapian::Query::MatchAll.internal.get()) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (holds_the_static_match_all(query.get_subquery(i))) return true;
  return false;
}

TEST(MatchAll, EveryMatchAllIsAQueryOfItsOwn) {
  EXPECT_EQ(query::match_all().get_description(), Xapian::Query::MatchAll.get_description());
  EXPECT_FALSE(holds_the_static_match_all(query::match_all()));

  analysis::Analyzer analyzer;
  Lookup lookup;
  query::QueryTranslator translator(analyzer, lookup, {"fr"});
  for (const std::string text : {"-castigo", "", "chaton leu"}) {  // browse, nothing, a stop word being typed
    query::QueryNode root = query::parse_query(text);
    query::mark_unfinished_word(root, text);
    Xapian::Query translated = translator.translate(root, query::MatchMode::all).query;
    EXPECT_NE(translated.get_description().find("<alldocuments>"), std::string::npos) << text;
    EXPECT_FALSE(holds_the_static_match_all(translated)) << text;
  }

  search::SearchRequest request;
  request.filter = search::FilterNode::all_of(
      {search::FilterNode::negation(search::FilterNode::equality("country", "Pérou"))});
  request.excluded_ids = {"a.md"};
  search::FilterSet filters(request, lookup);
  ASSERT_TRUE(filters.all().has_value());
  EXPECT_NE(filters.all()->get_description().find("<alldocuments>"), std::string::npos);
  EXPECT_FALSE(holds_the_static_match_all(*filters.all()));
  EXPECT_FALSE(holds_the_static_match_all(search::filter_query(search::FilterNode::all_of({}), lookup)));
}

}  // namespace
}  // namespace sonda

// The canonical text of a search request: equal for equal requests, different as soon as one field differs.
#include "search/request_key.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace sonda::search {
namespace {

struct Change {
  const char* field;
  std::function<void(SearchRequest&)> apply;
};

TEST(RequestKey, EveryFieldThatShapesAnAnswerChangesTheKey) {
  const std::vector<Change> changes = {
      {"q", [](SearchRequest& r) { r.q = "castigo"; }},
      {"lang", [](SearchRequest& r) { r.lang = "es"; }},
      {"labels_lang", [](SearchRequest& r) { r.labels_lang = "es"; }},
      {"filter", [](SearchRequest& r) { r.filter = FilterNode::equality("country", "PE"); }},
      {"filter value", [](SearchRequest& r) { r.filter = FilterNode::equality("country", "CO"); }},
      {"filter range",
       [](SearchRequest& r) { r.filter = FilterNode::between("year", 2019, true, {}, true); }},
      {"filter bound",
       [](SearchRequest& r) { r.filter = FilterNode::between("year", 2019, false, {}, true); }},
      {"facets", [](SearchRequest& r) { r.facets = {"country"}; }},
      {"year_from", [](SearchRequest& r) { r.year_from = 2019; }},
      {"year_to", [](SearchRequest& r) { r.year_to = 2019; }},
      {"sort", [](SearchRequest& r) { r.sort = SortOrder::date_desc; }},
      {"page", [](SearchRequest& r) { r.page = 2; }},
      {"hits_per_page", [](SearchRequest& r) { r.hits_per_page = 20; }},
      {"max_values_per_facet", [](SearchRequest& r) { r.max_values_per_facet = 5; }},
      {"offset", [](SearchRequest& r) { r.offset = 0; }},
      {"highlight", [](SearchRequest& r) { r.highlight = false; }},
      {"disjunctive_facets", [](SearchRequest& r) { r.disjunctive_facets = false; }},
      {"relax_when_empty", [](SearchRequest& r) { r.relax_when_empty = false; }},
      {"with_body", [](SearchRequest& r) { r.with_body = true; }},
      {"snippets", [](SearchRequest& r) { r.snippets = false; }},
      {"locate", [](SearchRequest& r) { r.locate = true; }},
      {"passages", [](SearchRequest& r) { r.passages = 3; }},
      {"excluded_ids", [](SearchRequest& r) { r.excluded_ids = {"fr/a.md"}; }},
      {"match_positions", [](SearchRequest& r) { r.match_positions = true; }},
      {"marking", [](SearchRequest& r) { r.marking = FieldMarking{}; }},
      {"marking tags",
       [](SearchRequest& r) {
         r.marking = FieldMarking{{}, {}, "<b>"};
       }},
      {"marking crop",
       [](SearchRequest& r) {
         r.marking = FieldMarking{{}, {{"text", 5}}};
       }},
      {"match_any", [](SearchRequest& r) { r.match_any = true; }},
      {"any_as_question", [](SearchRequest& r) { r.any_as_question = false; }},
      {"prefix", [](SearchRequest& r) { r.prefix = false; }},
      {"typo_tolerance", [](SearchRequest& r) { r.typo_tolerance = false; }},
      {"cross_language", [](SearchRequest& r) { r.cross_language = true; }},
      {"feedback", [](SearchRequest& r) { r.feedback = true; }},
      {"query_lang", [](SearchRequest& r) { r.query_lang = "fr"; }},
  };
  std::set<std::string> keys{request_key(SearchRequest{})};
  for (const Change& change : changes) {
    SearchRequest request;
    change.apply(request);
    EXPECT_TRUE(keys.insert(request_key(request)).second) << change.field << " left the key as another's";
  }
}

TEST(RequestKey, NoValueCanPassForTheNextField) {
  SearchRequest a, b;
  a.q = "a";
  a.lang = "es";
  b.q = "a1:es";  // what an unprefixed joining of q and lang might make of both
  EXPECT_NE(request_key(a), request_key(b));
  SearchRequest c, d;
  c.facets = {"country", "lang"};
  d.facets = {"country,lang"};
  EXPECT_NE(request_key(c), request_key(d));
  SearchRequest e, f;
  e.filter = FilterNode::all_of({FilterNode::equality("country", "PE"), FilterNode::equality("lang", "es")});
  f.filter = FilterNode::all_of(
      {FilterNode::any_of({FilterNode::equality("country", "PE"), FilterNode::equality("lang", "es")})});
  EXPECT_NE(request_key(e), request_key(f)) << "the tree's shape counts";
}

TEST(RequestKey, EqualRequestsShareTheirKey) {
  SearchRequest a, b;
  a.q = b.q = "châtiments corporels";
  a.facets = b.facets = {"country", "topic"};
  a.filter = FilterNode::equality("country", "PE");
  b.filter = FilterNode::equality("country", "PE");
  EXPECT_EQ(request_key(a), request_key(b));
}

}  // namespace
}  // namespace sonda::search

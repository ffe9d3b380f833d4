// The search core's filter tree, marked and cropped fields, match positions, facet stats and facet-value
// search, over the sample corpus, without any wire protocol.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/corpus_search.h"

namespace sonda::search {
namespace {

class SearchFields : public CorpusSearch {
 protected:
  size_t count(FilterNode filter) {
    SearchRequest request;
    request.filter = std::move(filter);
    request.hits_per_page = 0;
    return search(request).total_hits;
  }
};

TEST_F(SearchFields, FilterTreeCombinesLikeSets) {
  using F = FilterNode;
  size_t all = count(F{});
  size_t peru = count(F::equality("country", "Perú"));
  size_t spanish = count(F::equality("lang", "es"));
  size_t both = count(F::all_of({F::equality("country", "PE"), F::equality("lang", "es")}));
  size_t either = count(F::any_of({F::equality("country", "pérou"), F::equality("lang", "es")}));
  ASSERT_GT(both, 0u);
  EXPECT_EQ(either, peru + spanish - both);
  EXPECT_EQ(count(F::negation(F::equality("country", "Peru"))), all - peru);
  EXPECT_EQ(count(F::any_of({})), 0u);
  EXPECT_EQ(count(F::all_of({})), all);
  size_t with_region = count(F::presence("region"));
  EXPECT_EQ(count(F::negation(F::presence("region"))), all - with_region);
  size_t from_2019 = count(F::between("year", 2019, true, std::nullopt, true));
  EXPECT_EQ(count(F::between("year", 2018, false, std::nullopt, true)), from_2019);
  EXPECT_EQ(count(F::between("year", 2018.5, true, std::nullopt, true)), from_2019);
  EXPECT_EQ(count(F::between("year", std::nullopt, true, 2019, false)) + from_2019 +
                count(F::negation(F::presence("year"))),
            all);
  EXPECT_EQ(count(F::between("year", 2020, true, 2019, true)), 0u);
  EXPECT_EQ(count(F::equality("year", "2019.0")), count(F::equality("year", "2019")));
}

TEST_F(SearchFields, MultiSelectCountsLeaveOutOnlyConditionsOnTheFacetAlone) {
  SearchRequest request;
  request.filter = facet_value_filter({{"country", "PE"}, {"lang", "es"}});
  request.facets = {"country"};
  request.hits_per_page = 0;
  SearchResponse disjunctive = search(request);
  request.disjunctive_facets = false;
  SearchResponse within = search(request);
  auto count_of = [](const SearchResponse& response, const std::string& value) {
    for (const auto& [name, n] : response.facets.front().values)
      if (name == value) return n;
    return size_t{0};
  };
  EXPECT_EQ(within.facets.front().values.front().first, "Pérou");
  EXPECT_EQ(count_of(within, "Pérou"), within.total_hits);
  EXPECT_GT(disjunctive.facets.front().values.size(), within.facets.front().values.size());
  EXPECT_EQ(count_of(disjunctive, "Pérou"), count_of(within, "Pérou"));
}

TEST_F(SearchFields, MarkedFieldsWrapWhatMatchedInTheTagsAndCropTheText) {
  SearchRequest request;
  request.q = "chatiments";
  request.hits_per_page = 5;
  request.marking.emplace();
  request.marking->highlight = {"title", "topic", "text"};
  request.marking->crop = {{"text", 6}};
  request.marking->pre_tag = "[";
  request.marking->post_tag = "]";
  request.marking->crop_marker = "~";
  SearchResponse response = search(request);
  ASSERT_FALSE(response.hits.empty());
  bool title_marked = false;
  for (const Hit& hit : response.hits) {
    EXPECT_TRUE(hit.document.body.empty()) << "the body only when asked for";
    ASSERT_EQ(hit.marked.size(), 3u);
    for (const auto& [field, values] : hit.marked) {
      if (field == "title")
        title_marked |= values.front().find("[châtiments]") != std::string::npos ||
                        values.front().find("[CHÂTIMENTS]") != std::string::npos;
      if (field == "topic") {
        EXPECT_EQ(values.size(), hit.document.topics.size());
      }
      if (field != "text") continue;
      const std::string& text = values.front();
      EXPECT_NE(text.find('['), std::string::npos) << text;
      EXPECT_TRUE(text.starts_with("~") || text.ends_with("~")) << text;
      EXPECT_LT(text.size(), 160u) << text;
    }
  }
  EXPECT_TRUE(title_marked);
}

TEST_F(SearchFields, RawOrEscapedMarkingOfAUntrustedField) {
  SearchRequest request;
  request.q = "castigo";
  request.hits_per_page = 1;
  request.marking.emplace();
  request.marking->highlight = {"title"};
  request.marking->escape_html = false;
  std::string raw = search(request).hits.front().marked.front().second.front();
  request.marking->escape_html = true;
  request.marking->pre_tag = "<b>";
  request.marking->post_tag = "</b>";
  std::string escaped = search(request).hits.front().marked.front().second.front();
  EXPECT_NE(raw.find("<em>castig"), std::string::npos) << raw;
  EXPECT_NE(escaped.find("<b>castig"), std::string::npos) << escaped;
}

TEST_F(SearchFields, PositionsRelevanceBodyAndOffsets) {
  SearchRequest request;
  request.q = "castigo";
  request.hits_per_page = 3;
  request.match_positions = true;
  request.with_body = true;
  SearchResponse response = search(request);
  ASSERT_EQ(response.hits.size(), 3u);
  double previous = 1.0;
  for (const Hit& hit : response.hits) {
    EXPECT_FALSE(hit.document.body.empty());
    EXPECT_GT(hit.relevance, 0.0);
    EXPECT_LE(hit.relevance, previous);
    previous = hit.relevance;
    for (const auto& [field, spans] : hit.match_positions) {
      const std::string& text = field == "title"  ? hit.document.title
                                : field == "text" ? hit.document.body
                                                  : hit.document.description;
      for (const MatchSpan& span : spans)
        EXPECT_TRUE(text.substr(span.start, span.length).starts_with("castig") ||
                    text.substr(span.start, span.length).starts_with("Castig"))
            << field << ": " << text.substr(span.start, span.length);
    }
  }
  request.offset = 1;
  request.hits_per_page = 2;
  SearchResponse shifted = search(request);
  EXPECT_EQ(shifted.offset, 1u);
  EXPECT_EQ(shifted.hits[0].document.id, response.hits[1].document.id);
  EXPECT_EQ(shifted.hits[1].document.id, response.hits[2].document.id);
}

TEST_F(SearchFields, YearStatsAndRelaxing) {
  SearchRequest request;
  request.facets = {"year", "country"};
  request.hits_per_page = 0;
  SearchResponse response = search(request);
  ASSERT_EQ(response.facet_stats.size(), 1u);
  EXPECT_EQ(response.facet_stats.front().field, "year");
  EXPECT_LT(response.facet_stats.front().min, response.facet_stats.front().max);
  request.q = "castigo zzqxunknown";
  request.typo_tolerance = false;
  EXPECT_GT(search(request).total_hits, 0u);
  request.relax_when_empty = false;
  EXPECT_EQ(search(request).total_hits, 0u);
}

TEST_F(SearchFields, FacetValuesFoundByAnyWordOfAnyName) {
  struct Row {
    const char* field;
    const char* typed;
    const char* first;  // "" when nothing matches
  };
  const Row rows[] = {
      {"country", "Col", "Colombie"},
      {"country", "peru", "Pérou"},
      {"country", "PÉ", "Pérou"},
      {"country", "colombia", "Colombie"},
      {"country", "zz", ""},
      {"lang", "e", "es"},
      {"topic", "chatim", "châtiments corporels"},
      {"topic", "corpo", "châtiments corporels"},
  };
  for (const Row& row : rows) {
    auto found = searcher_->facet_search(SearchRequest{}, row.field, row.typed, 10);
    ASSERT_TRUE(found.ok()) << row.typed;
    if (std::string(row.first).empty()) {
      EXPECT_TRUE(found->values.empty()) << row.typed;
    } else {
      ASSERT_FALSE(found->values.empty()) << row.typed;
      EXPECT_EQ(found->values.front().first, row.first) << row.typed;
    }
  }
  SearchRequest spanish;
  spanish.labels_lang = "es";
  spanish.q = "castigo";
  auto labelled = searcher_->facet_search(spanish, "country", "pe", 10);
  ASSERT_TRUE(labelled.ok());
  ASSERT_FALSE(labelled->values.empty());
  EXPECT_EQ(labelled->values.front().first, "Perú");
  auto everything = searcher_->facet_search(SearchRequest{}, "country", "", 10);
  auto within = searcher_->facet_search(spanish, "country", "", 10);
  EXPECT_LT(within->values.front().second, everything->values.front().second);
  EXPECT_FALSE(searcher_->facet_search(SearchRequest{}, "colour", "x", 10).ok());
}

TEST_F(SearchFields, EachMatchWalksEveryMatchInRankOrderWithoutSnippetsAndStopsWhenAsked) {
  SearchRequest request;
  request.q = "enfance";
  request.hits_per_page = 100;
  SearchResponse ranked = search(request);
  std::vector<std::string> walked;
  size_t seen_total = 0;
  Status status = searcher_->each_match(request, 1000, [&](const Hit& hit, size_t total) {
    walked.push_back(hit.document.id);
    seen_total = total;
    EXPECT_TRUE(hit.snippet.empty());
    return true;
  });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(walked, ids(ranked));
  EXPECT_EQ(seen_total, ranked.total_hits);
  size_t visits = 0;
  ASSERT_TRUE(searcher_->each_match(request, 1000, [&](const Hit&, size_t) { return ++visits < 3; }).ok());
  EXPECT_EQ(visits, 3u);
  visits = 0;
  ASSERT_TRUE(searcher_->each_match(request, 4, [&](const Hit&, size_t) { return ++visits > 0; }).ok());
  EXPECT_EQ(visits, 4u);
}

}  // namespace
}  // namespace sonda::search

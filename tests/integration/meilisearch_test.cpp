// The Meilisearch-compatible routes end to end: the real server on an ephemeral 127.0.0.1 port over the
// sample corpus, asked what the Meilisearch clients and instant-meilisearch ask.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/corpus_server.h"

namespace sonda::server {
namespace {

using Json = nlohmann::json;

class MeilisearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { served_ = new CorpusServer(SONDA_CORPUS_DIR); }
  static void TearDownTestSuite() { delete served_; }
  static RunningServer* server() { return &served_->server(); }

  // POSTs `body` as JSON and returns the parsed answer, checking the status.
  static Json post(const std::string& path, const Json& body, int status = 200) {
    auto response = server()->client().Post(path.c_str(), body.dump(), "application/json");
    EXPECT_TRUE(response) << path;
    if (!response) return Json();
    EXPECT_EQ(response->status, status) << path << " " << body.dump() << " → " << response->body;
    EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), "*") << path;
    return Json::parse(response->body, nullptr, false);
  }
  static Json search(const Json& query, int status = 200) {
    return post("/indexes/documents/search", query, status);
  }
  static Json get(const std::string& path, int status = 200) {
    auto response = server()->client().Get(path.c_str());
    EXPECT_TRUE(response) << path;
    if (!response) return Json();
    EXPECT_EQ(response->status, status) << path << " → " << response->body;
    return Json::parse(response->body, nullptr, false);
  }
  static size_t total(const Json& filter, const std::string& q = "") {
    Json body = search({{"q", q}, {"filter", filter}, {"limit", 0}});
    return body.value("estimatedTotalHits", size_t{0});
  }
  static std::set<std::string> ids(const Json& answer) {
    std::set<std::string> out;
    for (const auto& hit : answer["hits"]) out.insert(hit["id"].get<std::string>());
    return out;
  }

  static CorpusServer* served_;
};
CorpusServer* MeilisearchTest::served_ = nullptr;

TEST_F(MeilisearchTest, MultiSearchAnswersEachQueryInOrderWithItsIndexUid) {
  Json answer =
      post("/multi-search", {{"queries",
                              {{{"indexUid", "documents"}, {"q", "castigo"}, {"limit", 3}},
                               {{"indexUid", "documents"}, {"q", "chatiments"}, {"limit", 2}, {"offset", 1}},
                               {{"indexUid", "documents"}, {"facets", {"country"}}, {"limit", 0}}}}});
  ASSERT_EQ(answer["results"].size(), 3u) << answer.dump();
  const Json& first = answer["results"][0];
  EXPECT_EQ(first["indexUid"], "documents");
  EXPECT_EQ(first["query"], "castigo");
  EXPECT_EQ(first["limit"], 3);
  EXPECT_EQ(first["offset"], 0);
  EXPECT_GT(first["estimatedTotalHits"].get<int>(), 3);
  EXPECT_EQ(first["hits"].size(), 3u);
  EXPECT_TRUE(first.contains("processingTimeMs"));
  EXPECT_FALSE(first.contains("facetDistribution"));
  EXPECT_EQ(answer["results"][1]["query"], "chatiments");
  EXPECT_EQ(answer["results"][1]["offset"], 1);
  EXPECT_TRUE(answer["results"][2]["hits"].empty());
  EXPECT_GT(answer["results"][2]["facetDistribution"]["country"]["Pérou"].get<int>(), 0);
  EXPECT_EQ(answer["results"][2]["facetStats"], Json::object());
}

TEST_F(MeilisearchTest, OffsetAndLimitSliceTheRanking) {
  Json three = search({{"q", "enfance"}, {"limit", 3}});
  Json sliced = search({{"q", "enfance"}, {"limit", 2}, {"offset", 1}});
  ASSERT_EQ(three["hits"].size(), 3u);
  ASSERT_EQ(sliced["hits"].size(), 2u);
  EXPECT_EQ(sliced["hits"][0]["id"], three["hits"][1]["id"]);
  EXPECT_EQ(sliced["hits"][1]["id"], three["hits"][2]["id"]);
  EXPECT_EQ(search({{"q", "enfance"}})["limit"], 20);  // Meilisearch's default
  EXPECT_TRUE(search({{"q", "enfance"}, {"offset", 5000}})["hits"].empty());
}

TEST_F(MeilisearchTest, PageModeAnswersWithPagesAndExactTotals) {
  Json page = search({{"q", ""}, {"hitsPerPage", 5}, {"page", 2}});
  EXPECT_EQ(page["hitsPerPage"], 5);
  EXPECT_EQ(page["page"], 2);
  size_t total_hits = page["totalHits"].get<size_t>();
  EXPECT_EQ(page["totalPages"].get<size_t>(), (total_hits + 4) / 5);
  EXPECT_EQ(page["hits"].size(), 5u);
  EXPECT_FALSE(page.contains("estimatedTotalHits"));
  EXPECT_FALSE(page.contains("limit"));
  Json first = search({{"q", ""}, {"hitsPerPage", 5}, {"page", 1}});
  for (const auto& hit : page["hits"]) EXPECT_FALSE(ids(first).contains(hit["id"].get<std::string>()));
  Json none = search({{"q", ""}, {"hitsPerPage", 0}});
  EXPECT_TRUE(none["hits"].empty());
  EXPECT_EQ(none["totalPages"], 0);
  EXPECT_EQ(none["totalHits"].get<size_t>(), total_hits);
  EXPECT_TRUE(search({{"q", ""}, {"hitsPerPage", 5}, {"page", 0}})["hits"].empty());
}

TEST_F(MeilisearchTest, FilterStringAndArrayFormsAgree) {
  size_t peru = total("country = Pérou");
  ASSERT_GT(peru, 0u);
  EXPECT_EQ(total("country = Peru"), peru);       // any gazetteer name
  EXPECT_EQ(total("country = \"PÉROU\""), peru);  // case and accents aside
  EXPECT_EQ(total(Json::array({"\"country\"=\"Pérou\""})), peru);
  size_t colombia = total("country = Colombie");
  size_t either = total("country = Pérou OR country = Colombie");
  EXPECT_EQ(total(Json::array({Json::array({"\"country\"=\"Pérou\"", "\"country\"=\"Colombie\""})})), either);
  EXPECT_EQ(total("country IN [Pérou, Colombie]"), either);
  EXPECT_LE(either, peru + colombia);
  size_t all = total("");
  EXPECT_EQ(total("country != Pérou"), all - peru);  // documents without a country included
  EXPECT_EQ(total("NOT country = Pérou"), all - peru);
  EXPECT_EQ(total("country NOT IN [Pérou]"), all - peru);
  EXPECT_EQ(total("region EXISTS") + total("region IS EMPTY"), all);
  EXPECT_EQ(total("region NOT EXISTS"), total("region IS NULL"));
  EXPECT_EQ(total("region IS NOT EMPTY"), total("region EXISTS"));
  EXPECT_GT(total("region EXISTS"), 0u);
  EXPECT_LT(total("region EXISTS"), all);
  size_t from_2019 = total("year >= 2019");
  EXPECT_EQ(total("year > 2018"), from_2019);
  EXPECT_EQ(total("year 2019 TO 2100"), from_2019);
  EXPECT_EQ(total("year >= 2019") + total("year < 2019") + total("year NOT EXISTS"), all);
  EXPECT_EQ(total("year = 2019"), total("year 2019 TO 2019"));
  EXPECT_EQ(total(Json::array({"country = Pérou", "year >= 2019"})),
            total("country = Pérou AND year >= 2019"));
  EXPECT_EQ(total("(country = Pérou OR country = Colombie) AND lang = es"),
            total(Json::array({Json::array({"country = Pérou", "country = Colombie"}), "lang = es"})));
  EXPECT_EQ(total(Json::array()), all);
  EXPECT_EQ(total("country IN []"), 0u);  // nothing passes, and never everything
  EXPECT_EQ(total("year 2020 TO 2019"), 0u);
  EXPECT_EQ(total("country IN [] OR lang = es"), total("lang = es"));
  EXPECT_EQ(total("NOT country IN []"), all);
}

TEST_F(MeilisearchTest, SondasOwnOptionsWorkHereToo) {
  Json spanish = search({{"q", "castigo"}, {"lang", "es"}, {"facets", {"lang", "country"}}, {"limit", 3}});
  EXPECT_EQ(spanish["facetDistribution"]["lang"], Json({{"es", spanish["estimatedTotalHits"]}}));
  EXPECT_TRUE(spanish["facetDistribution"]["country"].contains("Perú")) << "labels follow lang";
  Json french_labels = search({{"q", "castigo"}, {"facets", {"country"}}, {"limit", 3}});
  EXPECT_TRUE(french_labels["facetDistribution"]["country"].contains("Pérou"));
  for (const auto& hit : french_labels["hits"])
    for (const auto& country : hit["country"])
      EXPECT_NE(country, "Perú") << "hits and counts in one language";
  Json labelled = search({{"q", "castigo"}, {"hl", "es"}, {"facets", {"country"}}, {"limit", 0}});
  EXPECT_TRUE(labelled["facetDistribution"]["country"].contains("Perú"));
  EXPECT_GT(search({{"q", "chatimens"}})["estimatedTotalHits"].get<int>(), 0);
  EXPECT_EQ(
      search(
          {{"q", "chatimens"}, {"typoTolerance", false}, {"matchingStrategy", "all"}})["estimatedTotalHits"],
      0);
  EXPECT_GT(search({{"q", "chatim"}})["estimatedTotalHits"].get<int>(), 0);
  EXPECT_EQ(search({{"q", "chatim"}, {"prefix", false}, {"typoTolerance", false}})["estimatedTotalHits"], 0);
  EXPECT_EQ(search({{"q", "familles"}, {"crossLanguage", true}}, 400)["code"], "cross_language_unavailable");
  EXPECT_EQ(search({{"q", "x"}, {"facets", Json::array()}})["facetDistribution"], Json::object());
  EXPECT_FALSE(search({{"q", "x"}})["hits"].is_null());
}

TEST_F(MeilisearchTest, FacetsCountWithinTheWholeFilterWithYearStats) {
  Json answer = search({{"q", ""},
                        {"filter", "country = Pérou"},
                        {"facets", {"country", "year", "topic", "region"}},
                        {"limit", 0}});
  const Json& countries = answer["facetDistribution"]["country"];
  EXPECT_EQ(countries["Pérou"].get<size_t>(), answer["estimatedTotalHits"].get<size_t>());
  for (const auto& [value, count] : countries.items())
    EXPECT_LE(count.get<size_t>(), countries["Pérou"].get<size_t>());
  ASSERT_TRUE(answer["facetStats"].contains("year")) << answer.dump();
  double min = answer["facetStats"]["year"]["min"], max = answer["facetStats"]["year"]["max"];
  EXPECT_LE(min, max);
  for (const auto& [value, count] : answer["facetDistribution"]["year"].items()) {
    EXPECT_GE(std::stod(value), min);
    EXPECT_LE(std::stod(value), max);
  }
  Json star = search({{"facets", {"*"}}, {"limit", 0}});
  for (const char* facet : {"country", "region", "organisation", "topic", "type", "lang", "year", "format"})
    EXPECT_TRUE(star["facetDistribution"].contains(facet)) << facet;
}

TEST_F(MeilisearchTest, SortByDateOrYear) {
  for (const char* order : {"date:desc", "date:asc", "year:desc"}) {
    Json answer = search({{"q", ""}, {"sort", {order}}, {"limit", 30}, {"attributesToRetrieve", {"date"}}});
    std::string previous;
    bool descending = std::string(order).ends_with("desc");
    for (const auto& hit : answer["hits"]) {
      std::string date = hit["date"];
      if (date.empty()) continue;
      if (!previous.empty()) {
        EXPECT_TRUE(descending ? date.substr(0, 4) <= previous.substr(0, 4) : date >= previous) << order;
      }
      previous = date;
    }
    EXPECT_FALSE(previous.empty());
  }
}

TEST_F(MeilisearchTest, AttributesToRetrieveChooseTheFieldsAndTheTextOnlyWhenAsked) {
  Json some = search({{"q", "castigo"}, {"attributesToRetrieve", {"id", "title"}}, {"limit", 2}});
  ASSERT_FALSE(some["hits"].empty());
  EXPECT_EQ(some["hits"][0].size(), 2u) << some["hits"][0].dump();
  Json all = search({{"q", "castigo"}, {"limit", 1}});
  for (const char* field :
       {"id", "title", "description", "lang", "url", "date", "year", "country", "topic", "type"})
    EXPECT_TRUE(all["hits"][0].contains(field)) << field;
  EXPECT_FALSE(all["hits"][0].contains("text"));
  EXPECT_FALSE(all["hits"][0].contains("_formatted"));
  Json text = search({{"q", "castigo"}, {"limit", 1}, {"attributesToRetrieve", {"id", "text"}}});
  EXPECT_GT(text["hits"][0]["text"].get<std::string>().size(), 200u);
}

TEST_F(MeilisearchTest, FormattedWrapsTheAccentedWordsThatMatchedInTheRequestedTags) {
  Json answer = search({{"q", "chatiments"},
                        {"attributesToHighlight", {"*"}},
                        {"highlightPreTag", "__ais-highlight__"},
                        {"highlightPostTag", "__/ais-highlight__"},
                        {"limit", 5}});
  bool accented = false;
  for (const auto& hit : answer["hits"]) {
    const Json& formatted = hit["_formatted"];
    EXPECT_EQ(formatted["year"].is_string() || formatted["year"].is_null(), true);
    std::string title = formatted["title"];
    accented = accented || title.find("__ais-highlight__châtiments__/ais-highlight__") != std::string::npos ||
               title.find("__ais-highlight__CHÂTIMENTS__/ais-highlight__") != std::string::npos;
    EXPECT_FALSE(formatted.contains("text"));
  }
  EXPECT_TRUE(accented) << answer.dump(1);
  Json plain = search({{"q", "castigo"}, {"attributesToHighlight", {"title"}}, {"limit", 1}});
  EXPECT_NE(plain["hits"][0]["_formatted"]["title"].get<std::string>().find("<em>castig"), std::string::npos);
  EXPECT_EQ(plain["hits"][0]["_formatted"]["description"],
            plain["hits"][0]["description"]);  // retrieved, unmarked
}

TEST_F(MeilisearchTest, CropCutsTheTextAroundTheBestPassage) {
  Json answer = search({{"q", "castigo"},
                        {"attributesToCrop", {"text:8"}},
                        {"attributesToHighlight", {"*"}},
                        {"cropMarker", "[…]"},
                        {"limit", 3}});
  for (const auto& hit : answer["hits"]) {
    std::string text = hit["_formatted"]["text"];
    EXPECT_NE(text.find("<em>"), std::string::npos) << text;
    std::string words_only = text;
    for (const char* tag : {"<em>", "</em>", "[…]"})
      for (size_t at; (at = words_only.find(tag)) != std::string::npos;)
        words_only.replace(at, strlen(tag), " ");
    size_t words = 0;
    bool in_word = false;
    for (unsigned char c : words_only) {
      bool letter = std::isalnum(c) || c >= 0x80;
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    EXPECT_LE(words, 10u) << text;  // 8 words, elisions and numbers counting apart
    EXPECT_TRUE(text.starts_with("[…]") || text.ends_with("[…]")) << text;
  }
  Json short_title =
      search({{"q", "castigo"}, {"attributesToCrop", {"title"}}, {"cropLength", 3}, {"limit", 1}});
  std::string title = short_title["hits"][0]["_formatted"]["title"];
  EXPECT_LT(title.size(), short_title["hits"][0]["title"].get<std::string>().size()) << title;
  EXPECT_EQ(title.find("<em>"), std::string::npos) << "cropped, not highlighted: " << title;
}

TEST_F(MeilisearchTest, MatchesPositionAndRankingScore) {
  Json answer =
      search({{"q", "chatiments"}, {"showMatchesPosition", true}, {"showRankingScore", true}, {"limit", 5}});
  ASSERT_FALSE(answer["hits"].empty());
  double previous = 1.0;
  for (const auto& hit : answer["hits"]) {
    double score = hit["_rankingScore"];
    EXPECT_GT(score, 0.0);
    EXPECT_LE(score, previous + 1e-9);
    previous = score;
    const Json& positions = hit["_matchesPosition"];
    ASSERT_TRUE(positions.contains("title") || positions.contains("text")) << hit.dump();
    if (positions.contains("title")) {
      std::string title = hit["title"];
      const Json& first = positions["title"][0];
      std::string word = title.substr(first["start"].get<size_t>(), first["length"].get<size_t>());
      EXPECT_TRUE(word == "châtiments" || word == "CHÂTIMENTS" || word == "Châtiments") << word;
    }
  }
  EXPECT_FALSE(search({{"q", "chatiments"}, {"limit", 1}})["hits"][0].contains("_rankingScore"));
}

TEST_F(MeilisearchTest, MatchingStrategyMapsOntoSondasMatching) {
  Json query = {{"q", "castigo zzqxunknownword"}, {"limit", 5}};
  EXPECT_GT(search(query)["hits"].size(), 0u);  // last (the default): relaxed when nothing matches every word
  query["matchingStrategy"] = "all";
  EXPECT_EQ(search(query)["hits"].size(), 0u);
  query["matchingStrategy"] = "frequency";
  EXPECT_GT(search(query)["hits"].size(), 0u);
  query["matchingStrategy"] = "last";
  EXPECT_GT(search(query)["hits"].size(), 0u);
}

TEST_F(MeilisearchTest, FacetSearchFindsValuesByAnyNameCountedWithinTheQuery) {
  Json colombia = post("/indexes/documents/facet-search", {{"facetName", "country"}, {"facetQuery", "Col"}});
  ASSERT_FALSE(colombia["facetHits"].empty()) << colombia.dump();
  EXPECT_EQ(colombia["facetHits"][0]["value"], "Colombie");
  EXPECT_EQ(colombia["facetQuery"], "Col");
  Json counts = search({{"facets", {"country"}}, {"limit", 0}});
  EXPECT_EQ(colombia["facetHits"][0]["count"], counts["facetDistribution"]["country"]["Colombie"]);
  Json peru = post("/indexes/documents/facet-search", {{"facetName", "country"}, {"facetQuery", "peru"}});
  ASSERT_EQ(peru["facetHits"].size(), 1u) << peru.dump();
  EXPECT_EQ(peru["facetHits"][0]["value"], "Pérou");
  Json within = post("/indexes/documents/facet-search", {{"facetName", "country"},
                                                         {"facetQuery", "pe"},
                                                         {"q", "castigo"},
                                                         {"filter", "lang = es"},
                                                         {"attributesToHighlight", {"*"}},
                                                         {"someFutureField", 1}});
  ASSERT_FALSE(within["facetHits"].empty());
  EXPECT_LT(within["facetHits"][0]["count"].get<int>(), peru["facetHits"][0]["count"].get<int>());
  Json all = post("/indexes/documents/facet-search", {{"facetName", "lang"}});
  EXPECT_EQ(all["facetHits"].size(), 2u) << all.dump();
  EXPECT_TRUE(all["facetQuery"].is_null());
}

TEST_F(MeilisearchTest, GetSearchTakesCommaListsAndAFilterExpression) {
  Json answer =
      get("/indexes/documents/search?q=castigo&filter=country%20%3D%20Peru&facets=country,lang"
          "&attributesToRetrieve=id,country&limit=2");
  EXPECT_EQ(answer["limit"], 2);
  EXPECT_TRUE(answer["facetDistribution"].contains("lang"));
  for (const auto& hit : answer["hits"]) EXPECT_EQ(hit.size(), 2u);
  EXPECT_EQ(get("/indexes/documents/search?limit=x", 400)["code"], "invalid_search_limit");
}

TEST_F(MeilisearchTest, BadQueriesGetMeilisearchErrors) {
  struct Row {
    Json body;
    int status;
    const char* code;
  };
  const Row rows[] = {
      {{{"q", 3}}, 400, "invalid_search_q"},
      {{{"q", std::string(2000, 'a')}}, 400, "invalid_search_q"},
      {{{"limit", "x"}}, 400, "invalid_search_limit"},
      {{{"limit", -1}}, 400, "invalid_search_limit"},
      {{{"offset", 1.5}}, 400, "invalid_search_offset"},
      {{{"page", "2"}}, 400, "invalid_search_page"},
      {{{"hitsPerPage", -3}}, 400, "invalid_search_hits_per_page"},
      {{{"filter", "country = (Peru"}}, 400, "invalid_search_filter"},
      {{{"filter", "colour = red"}}, 400, "invalid_search_filter"},
      {{{"filter", "country > 3"}}, 400, "invalid_search_filter"},
      {{{"filter", 7}}, 400, "invalid_search_filter"},
      {{{"filter", {{{"a = 1"}}}}}, 400, "invalid_search_filter"},
      {{{"sort", {"title:asc"}}}, 400, "invalid_search_sort"},
      {{{"sort", {"date:up"}}}, 400, "invalid_search_sort"},
      {{{"sort", "date:asc"}}, 400, "invalid_search_sort"},
      {{{"facets", {"colour"}}}, 400, "invalid_search_facets"},
      {{{"facets", "country"}}, 400, "invalid_search_facets"},
      {{{"attributesToHighlight", "title"}}, 400, "invalid_search_attributes_to_highlight"},
      {{{"attributesToCrop", {"text:x"}}}, 400, "invalid_search_attributes_to_crop"},
      {{{"cropLength", -1}}, 400, "invalid_search_crop_length"},
      {{{"matchingStrategy", "most"}}, 400, "invalid_search_matching_strategy"},
      {{{"showRankingScore", "yes"}}, 400, "invalid_search_show_ranking_score"},
      {{{"noSuchField", 1}}, 400, "bad_request"},
      {{{"vector", {1, 2}}}, 400, "invalid_search_vector"},
      {{{"lang", "de"}}, 400, "bad_request"},
      {Json::array(), 400, "bad_request"},
  };
  for (const Row& row : rows) {
    Json answer = search(row.body, row.status);
    EXPECT_EQ(answer.value("code", ""), row.code) << row.body.dump();
    EXPECT_EQ(answer.value("type", ""), "invalid_request") << row.body.dump();
    EXPECT_FALSE(answer.value("message", "").empty());
    EXPECT_EQ(answer.value("link", ""), std::string("https://docs.meilisearch.com/errors#") + row.code);
  }
  EXPECT_EQ(post("/indexes/nope/search", {{"q", ""}}, 404)["code"], "index_not_found");
  EXPECT_EQ(post("/multi-search", {{"queries", {{{"indexUid", "nope"}}}}}, 404)["code"], "index_not_found");
  EXPECT_EQ(post("/multi-search", {{"queries", {{{"q", "x"}}}}}, 400)["code"], "missing_index_uid");
  Json inside =
      post("/multi-search",
           {{"queries", {{{"indexUid", "documents"}}, {{"indexUid", "documents"}, {"limit", "x"}}}}}, 400);
  EXPECT_EQ(inside["code"], "invalid_search_limit");
  EXPECT_NE(inside["message"].get<std::string>().find("queries[1]"), std::string::npos);
  EXPECT_EQ(post("/indexes/documents/facet-search", {{"facetQuery", "x"}}, 400)["code"],
            "missing_facet_search_facet_name");
  EXPECT_EQ(post("/indexes/documents/facet-search", {{"facetName", "colour"}}, 400)["code"],
            "invalid_facet_search_facet_name");

  auto client = server()->client();
  auto malformed = client.Post("/multi-search", "{\"queries\": [", "application/json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(Json::parse(malformed->body)["code"], "malformed_payload");
  auto text = client.Post("/multi-search", "{}", "text/plain");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 415);
  EXPECT_EQ(Json::parse(text->body)["code"], "invalid_content_type");
  auto empty = client.Post("/indexes/documents/search", "", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(Json::parse(empty->body)["code"], "missing_payload");
  auto too_large = client.Post("/multi-search", std::string(200 * 1024, ' '), "application/json");
  ASSERT_TRUE(too_large);
  EXPECT_EQ(too_large->status, 413);
  EXPECT_EQ(Json::parse(too_large->body)["code"], "payload_too_large");
  EXPECT_EQ(too_large->get_header_value("Access-Control-Allow-Origin"), "*");
  auto wrong_method = client.Get("/multi-search");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  EXPECT_EQ(Json::parse(wrong_method->body)["code"], "method_not_allowed");
}

TEST_F(MeilisearchTest, IndexDocumentsSettingsAndVersion) {
  Json indexes = get("/indexes");
  ASSERT_EQ(indexes["results"].size(), 1u);
  EXPECT_EQ(indexes["results"][0]["uid"], "documents");
  EXPECT_EQ(indexes["results"][0]["primaryKey"], "id");
  EXPECT_EQ(indexes["total"], 1);
  Json index = get("/indexes/documents");
  EXPECT_EQ(index["uid"], "documents");
  EXPECT_EQ(index["createdAt"].get<std::string>().size(), 20u) << index.dump();
  EXPECT_GE(index["updatedAt"].get<std::string>(), index["createdAt"].get<std::string>());
  EXPECT_EQ(get("/indexes/other", 404)["code"], "index_not_found");
  Json settings = get("/indexes/documents/settings");
  EXPECT_EQ(settings["filterableAttributes"].size(), 8u);
  EXPECT_EQ(settings["sortableAttributes"], Json({"date", "year"}));
  EXPECT_TRUE(settings.contains("searchableAttributes"));
  EXPECT_TRUE(get("/version").contains("pkgVersion"));
  EXPECT_GT(get("/indexes/documents/stats")["numberOfDocuments"].get<int>(), 10);
  std::string id = search({{"q", "castigo"}, {"limit", 1}})["hits"][0]["id"];
  std::string path =
      "/indexes/documents/documents/" + id;  // ids are ASCII paths; the route takes the rest of the path
  Json document = get(path);
  EXPECT_EQ(document["id"], id);
  EXPECT_GT(document["text"].get<std::string>().size(), 100u);
  Json fields = get(path + "?fields=id,title");
  EXPECT_EQ(fields.size(), 2u) << fields.dump();
  EXPECT_EQ(get("/indexes/documents/documents/no-such-id", 404)["code"], "document_not_found");
}

TEST_F(MeilisearchTest, DocumentListsSettingsOneByOneAndTheClientsHealth) {
  Json page = get("/indexes/documents/documents?limit=3&offset=2&fields=id,title");
  EXPECT_EQ(page["results"].size(), 3u);
  EXPECT_EQ(page["offset"], 2);
  EXPECT_EQ(page["limit"], 3);
  EXPECT_EQ(page["results"][0].size(), 2u);
  size_t all = page["total"];
  EXPECT_GT(all, 10u);
  Json first = get("/indexes/documents/documents?limit=5");
  EXPECT_EQ(first["results"][2]["id"], page["results"][0]["id"]);
  EXPECT_TRUE(first["results"][0].contains("text"));
  Json fetched = post("/indexes/documents/documents/fetch",
                      {{"filter", "country = Pérou"}, {"fields", {"id", "country"}}, {"limit", 100}});
  EXPECT_EQ(fetched["total"].get<size_t>(), total("country = Pérou"));
  for (const auto& document : fetched["results"])
    EXPECT_NE(document["country"].dump().find("Pérou"), std::string::npos);
  EXPECT_EQ(post("/indexes/documents/documents/fetch", {{"filter", "country ="}}, 400)["code"],
            "invalid_document_filter");
  EXPECT_EQ(post("/indexes/documents/documents", Json::array(), 405)["code"], "method_not_allowed");
  EXPECT_EQ(get("/indexes/documents/documents?limit=abc", 400)["code"], "invalid_document_limit");
  EXPECT_EQ(get("/indexes/documents/documents?offset=-1", 400)["code"], "invalid_document_offset");
  EXPECT_EQ(get("/indexes/documents/settings/filterable-attributes").size(), 8u);
  EXPECT_EQ(get("/indexes/documents/settings/sortable-attributes"), Json({"date", "year"}));
  EXPECT_EQ(get("/indexes/documents/settings/ranking-rules", 404)["code"], "not_found");
  auto health =
      server()->client().Get("/health", {{"X-Meilisearch-Client", "Meilisearch JavaScript (v0.36.0)"}});
  ASSERT_TRUE(health);
  EXPECT_EQ(Json::parse(health->body), Json({{"status", "available"}}));
  EXPECT_EQ(get("/health")["status"], "ok");  // the native form otherwise
}

TEST_F(MeilisearchTest, PreflightAllowsTheClientsHeaders) {
  httplib::Headers headers = {
      {"Origin", "https://site.example"},
      {"Access-Control-Request-Method", "POST"},
      {"Access-Control-Request-Headers", "authorization,content-type,x-meilisearch-client"}};
  auto response = server()->client().Options("/multi-search", headers);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), "*");
  std::string allowed = response->get_header_value("Access-Control-Allow-Headers");
  for (const char* header : {"Authorization", "Content-Type", "X-Meilisearch-Client"})
    EXPECT_NE(allowed.find(header), std::string::npos) << allowed;
  EXPECT_NE(response->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
}

TEST(MeilisearchKey, EveryReadRouteNeedsTheKeyButHealthAndPages) {
  ApiConfig config;
  config.api_key = "s3cret-key";
  config.meilisearch.index_uid = "docs";
  config.meilisearch.labels_lang = "es";
  CorpusServer served(SONDA_CORPUS_DIR, config);
  auto client = served.server().client();
  std::string query = R"({"queries":[{"indexUid":"docs","q":"castigo","facets":["country"]}]})";
  auto missing = client.Post("/multi-search", query, "application/json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(Json::parse(missing->body)["code"], "missing_authorization_header");
  EXPECT_EQ(Json::parse(missing->body)["type"], "auth");
  EXPECT_EQ(missing->get_header_value("Access-Control-Allow-Origin"), "*");
  auto wrong =
      client.Post("/multi-search", {{"Authorization", "Bearer s3cret-kez"}}, query, "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(Json::parse(wrong->body)["code"], "invalid_api_key");
  auto longer = client.Post("/multi-search", {{"Authorization", "Bearer s3cret-key-and-more"}}, query,
                            "application/json");
  ASSERT_TRUE(longer);
  EXPECT_EQ(longer->status, 403);
  auto right =
      client.Post("/multi-search", {{"Authorization", "Bearer s3cret-key"}}, query, "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200) << right->body;
  EXPECT_EQ(Json::parse(right->body)["results"][0]["indexUid"], "docs");
  EXPECT_TRUE(Json::parse(right->body)["results"][0]["facetDistribution"]["country"].contains("Perú"))
      << "--meilisearch-labels es";
  auto native = client.Get("/search?q=castigo");
  ASSERT_TRUE(native);
  EXPECT_EQ(native->status, 401);
  EXPECT_EQ(Json::parse(native->body)["error"]["code"], "missing_authorization_header");
  auto native_ok = client.Get("/search?q=castigo", {{"Authorization", "Bearer s3cret-key"}});
  ASSERT_TRUE(native_ok);
  EXPECT_EQ(native_ok->status, 200);
  for (const char* path : {"/suggest?q=cas", "/documents/x", "/metrics", "/indexes", "/version"}) {
    auto refused = client.Get(path);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401) << path;
  }
  for (const char* path : {"/health", "/", "/widget.js", "/instantsearch"}) {
    auto open = client.Get(path);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->status, 200) << path;
  }
  auto preflight = client.Options("/multi-search");
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  auto old_uid = client.Post("/indexes/documents/search", {{"Authorization", "Bearer s3cret-key"}}, "{}",
                             "application/json");
  ASSERT_TRUE(old_uid);
  EXPECT_EQ(old_uid->status, 404);
}

}  // namespace
}  // namespace sonda::server

// Generated requests, valid and broken, against every route a page or a client calls (the native API and the
// Meilisearch one): never a 5xx, always a JSON body, an error always with its code, a 200 with what was
// asked.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/corpus_server.h"
#include "support/request_generator.h"
#include "support/served_vocabulary.h"

namespace sonda::server {
namespace {

using Json = nlohmann::json;
using testing::GeneratedRequest;
using Facets = std::vector<std::string>;

constexpr int kNativePerSeed = 500;
constexpr int kMeilisearchPerSeed = 500;
constexpr int kFailuresShown = 5;

const std::vector<std::string> kFacets = {"country", "region", "organisation", "topic",
                                          "type",    "lang",   "year",         "format"};

// Values that break a parameter one way or another: empty, out of range, of another type, half a UTF-8
// sequence, a filter or query syntax cut short, too long.
const std::vector<std::string> kJunk = {"",
                                        "-1",
                                        "0",
                                        "101",
                                        "1.5",
                                        "99999999999999999999",
                                        "abc",
                                        "true",
                                        "null",
                                        "[]",
                                        "{}",
                                        "\xff",
                                        "caf\xc3",
                                        "country:",
                                        ":",
                                        "year:abc",
                                        "year:1999..",
                                        "((",
                                        "\"",
                                        "*",
                                        "-",
                                        "OR",
                                        "AND NOT",
                                        "a*b*",
                                        "date:sideways",
                                        "colour",
                                        std::string(1200, 'x')};

const std::vector<std::string> kFilterTokens = {
    "country", "year", "lang",   "topic", "\"Pérou\"", "'fr'",  "Perú", "2019", "=",   "!=",     ">",
    ">=",      "<",    "<=",     "TO",    "IN",        "[",     "]",    ",",    "AND", "OR",     "NOT",
    "(",       ")",    "EXISTS", "IS",    "NULL",      "EMPTY", "\\",   "\"",   "'",   "colour", "=="};

// The first `count` letters of a UTF-8 word.
std::string first_letters(const std::string& word, size_t count) {
  size_t end = 0;
  for (size_t letters = 0; end < word.size() && letters < count; ++letters) do
      ++end;
    while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80);
  return word.substr(0, end);
}

// Draws broken variants of native requests and Meilisearch bodies, from a fixed seed.
class Breaker {
 public:
  explicit Breaker(unsigned seed) : random_(seed) {}

  bool chance(double probability) { return std::bernoulli_distribution(probability)(random_); }
  size_t below(size_t bound) { return std::uniform_int_distribution<size_t>(0, bound - 1)(random_); }
  template <typename T>
  const T& any(const std::vector<T>& values) {
    return values[below(values.size())];
  }

  // `request` with one parameter's value replaced by junk, or a junk parameter added, or a route changed.
  GeneratedRequest broken(GeneratedRequest request) {
    static const std::vector<std::string> kNames = {"q",
                                                    "page",
                                                    "hitsPerPage",
                                                    "facets",
                                                    "filter",
                                                    "lang",
                                                    "hl",
                                                    "sort",
                                                    "match",
                                                    "prefix",
                                                    "format",
                                                    "from",
                                                    "to",
                                                    "passages",
                                                    "snippet",
                                                    "typoTolerance",
                                                    "maxValuesPerFacet",
                                                    "highlight",
                                                    "x"};
    switch (below(4)) {
      case 0:
        if (!request.params.empty()) {
          request.params[below(request.params.size())].second = any(kJunk);
          break;
        }
        [[fallthrough]];
      case 1: request.params.emplace_back(any(kNames), any(kJunk)); break;
      case 2: request.params.emplace_back(any(kNames), any(kFacets)); break;
      default:
        request.path = any(std::vector<std::string>{"/search", "/suggest", "/documents/x/similar",
                                                    "/indexes/documents/search", "/search/"});
    }
    return request;
  }

  // A native search's parameters as POST /search's JSON object (filters and facets as arrays, numbers and
  // booleans as such), now and then with a field of another type.
  Json json_of(const GeneratedRequest& request) {
    Json body = Json::object();
    for (const auto& [name, value] : request.params) {
      if (name == "filter" || name == "facets") {
        if (!body.contains(name)) body[name] = Json::array();
        if (body[name].is_array()) body[name].push_back(value);
      } else if (value == "true" || value == "false") {
        body[name] = value == "true";
      } else if (!value.empty() && value.size() < 9 &&
                 value.find_first_not_of("0123456789") == std::string::npos) {
        body[name] = std::stoi(value);
      } else {
        body[name] = value;
      }
    }
    if (chance(0.3) && !body.empty()) {
      auto field = std::next(body.begin(), static_cast<long>(below(body.size())));
      *field = any(std::vector<Json>{5, -1, nullptr, Json::array(), Json::object(), "x", true, 1.5});
    }
    return body;
  }

  // A Meilisearch search query: half of them valid, the others with a field now and then of another type or
  // out of range.
  Json meilisearch_query(const testing::Vocabulary& words) {
    junk_ = chance(0.5) ? 0.0 : 0.2;
    Json query = Json::object();
    if (chance(0.95)) query["indexUid"] = pick({"documents"}, {"other", 5});
    if (chance(0.8)) query["q"] = pick({any(words.words), ""}, {5, nullptr, Json::array()});
    if (chance(0.5)) query["facets"] = facets();
    if (chance(0.4)) query["filter"] = filter(words);
    for (const char* field : {"limit", "offset", "page", "hitsPerPage", "cropLength"})
      if (chance(0.25)) query[field] = pick({0, 1, 5, 21}, {-1, 1000000, "3", 1.5, nullptr});
    if (chance(0.3))
      query["attributesToHighlight"] = pick({Json::array({"*"}), Json::array({"title"})}, {"x", 5});
    if (chance(0.2)) query["highlightPreTag"] = pick({"<b>", "__ais-highlight__"}, {5});
    if (chance(0.3))
      query["attributesToCrop"] =
          pick({Json::array({"text:30"})}, {Json::array({"text:x"}), Json::array({5})});
    if (chance(0.2))
      query["attributesToRetrieve"] = pick({Json::array({"title", "year"}), Json::array({"*"})}, {"title"});
    if (chance(0.3))
      query["sort"] = pick({Json::array({"date:desc"}), Json::array({"year:asc"})},
                           {Json::array({"colour:asc"}), "date:desc", Json::array({1})});
    if (chance(0.2)) query["matchingStrategy"] = pick({"last", "all", "frequency"}, {"some", 3});
    for (const char* field : {"showMatchesPosition", "showRankingScore"})
      if (chance(0.15)) query[field] = pick({true, false}, {"yes"});
    if (chance(junk_ / 4)) query["unknownField"] = 1;
    return query;
  }

 private:
  // One of `valid`, or now and then (as often as this query breaks things) one of `invalid`.
  Json pick(const std::vector<Json>& valid, const std::vector<Json>& invalid) {
    return chance(junk_) ? any(invalid) : any(valid);
  }

  Json facets() {
    if (chance(junk_)) return any(std::vector<Json>{"country", 5, Json::array({5})});
    Json out = Json::array();
    for (size_t i = below(4); i > 0; --i) out.push_back(chance(junk_) ? "colour" : any(kFacets));
    return out;
  }

  // An expression of random tokens, or the array form with valid or broken items.
  Json filter(const testing::Vocabulary& words) {
    auto expression = [&] {
      std::string out;
      for (size_t i = 1 + below(10); i > 0; --i) out += (out.empty() ? "" : " ") + any(kFilterTokens);
      return out;
    };
    auto valid = [&] {
      const auto& [field, values] = *std::next(words.facet_values.begin(), below(words.facet_values.size()));
      return "\"" + field + "\"=\"" + any(values) + "\"";
    };
    if (chance(junk_)) return expression();
    Json out = Json::array();
    for (size_t i = 1 + below(3); i > 0; --i) {
      if (chance(0.3))
        out.push_back(Json::array({valid(), chance(junk_) ? Json(expression()) : Json(valid())}));
      else
        out.push_back(chance(junk_)
                          ? any(std::vector<Json>{Json(expression()), 5, Json::array({Json::array({"x"})})})
                          : Json(valid()));
    }
    return out;
  }

  double junk_ = 0.0;
  std::mt19937 random_;
};

class GeneratedRequests : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new CorpusServer(SONDA_CORPUS_DIR);
    vocabulary_ = new testing::Vocabulary(testing::served_vocabulary(served_->server()));
  }
  static void TearDownTestSuite() {
    delete vocabulary_;
    delete served_;
  }

  // What is wrong with an answer (empty when nothing is): a 5xx, a body that is no JSON, an error without its
  // code and message (Meilisearch's shape or the native one), a search's 200 without hits or a facet asked.
  // `facets` holds each result's facets asked (one result but for a multi-search).
  static std::string fault(const httplib::Result& response, const std::vector<Facets>& facets,
                           bool meilisearch, bool a_search = true) {
    if (!response) return "no answer: " + httplib::to_string(response.error());
    ++(response->status < 300 ? answered_ : refused_);
    if (response->status >= 500) return "status " + std::to_string(response->status);
    Json body = Json::parse(response->body, nullptr, false);
    if (body.is_discarded()) return "not JSON: " + response->body.substr(0, 200);
    if (response->status >= 400) {
      const Json& error = meilisearch ? body : body.value("error", Json());
      if (!error.is_object() || !error.value("code", Json()).is_string() ||
          !error.value("message", Json()).is_string())
        return "an error without its code and message: " + response->body.substr(0, 200);
      return {};
    }
    if (!a_search) return {};
    Json results = body.contains("results") ? body["results"] : Json::array({body});
    if (results.size() != facets.size()) return "not one result per query: " + response->body.substr(0, 200);
    for (size_t i = 0; i < results.size(); ++i) {
      const Json& result = results[i];
      if (result.contains("facetHits")) continue;
      if (!result.value("hits", Json()).is_array()) return "no hits array: " + response->body.substr(0, 200);
      for (const std::string& facet : facets[i])
        if (!result.value("facetDistribution", Json::object()).contains(facet))
          return "facet " + facet + " not answered";
    }
    return {};
  }

  // The valid facet names of a native request's `facets` parameters.
  static Facets facets_asked(const GeneratedRequest& request) {
    Facets out;
    for (const auto& [name, value] : request.params)
      if (name == "facets")
        for (const auto& facet : kFacets)
          if (value == facet || value.find(facet + ",") == 0 || value.find("," + facet) != std::string::npos)
            out.push_back(facet);
    return out;
  }

  // The valid facet names a POST /search object asks for (`facets`: an array, or a comma list).
  static Facets facets_in(const Json& body) {
    GeneratedRequest as_parameters;
    const Json& facets = body.value("facets", Json());
    for (const Json& item : facets.is_array() ? facets : Json::array({facets}))
      if (item.is_string()) as_parameters.params.emplace_back("facets", item.get<std::string>());
    return facets_asked(as_parameters);
  }

  static void check_native(unsigned seed) {
    testing::RequestGenerator generator(*vocabulary_, seed);
    Breaker breaker(seed);
    httplib::Client client = served_->server().client();
    int failures = 0;
    for (int i = 0; i < kNativePerSeed && failures < kFailuresShown; ++i) {
      GeneratedRequest request =
          breaker.chance(0.5) ? breaker.broken(generator.search()) : generator.search();
      bool native = request.path == "/search";
      Facets facets = native ? facets_asked(request) : Facets{};
      if (native && breaker.chance(0.3)) {  // the same search as POST /search's JSON object
        // (junk of half a UTF-8 sequence becomes U+FFFD: JSON text is UTF-8)
        Json object = breaker.json_of(request);
        std::string body = object.dump(-1, ' ', false, Json::error_handler_t::replace);
        std::string problem =
            fault(client.Post("/search", body, "application/json"), {facets_in(object)}, false);
        if (!problem.empty())
          ADD_FAILURE() << "seed " << seed << ": POST /search " << body << "\n" << problem, ++failures;
        continue;
      }
      std::string problem =
          fault(client.Get(request.target().c_str()), {facets}, request.path.starts_with("/indexes"),
                native || request.path.starts_with("/indexes"));
      if (!problem.empty())
        ADD_FAILURE() << "seed " << seed << ": GET " << request.target() << "\n" << problem, ++failures;
    }
  }

  static void check_meilisearch(unsigned seed) {
    Breaker breaker(seed);
    httplib::Client client = served_->server().client();
    int failures = 0;
    for (int i = 0; i < kMeilisearchPerSeed && failures < kFailuresShown; ++i) {
      Json query = breaker.meilisearch_query(*vocabulary_);
      std::string path = "/indexes/documents/search";
      Json body = query;
      switch (breaker.below(3)) {
        case 0:
          path = "/multi-search";
          body = {{"queries", Json::array({query})}};
          if (breaker.chance(0.3)) body["queries"].push_back(breaker.meilisearch_query(*vocabulary_));
          break;
        case 1:
          path = "/indexes/documents/facet-search";
          body.erase("indexUid");
          if (breaker.chance(0.9))
            body["facetName"] = breaker.chance(0.85) ? Json(breaker.any(kFacets)) : Json(5);
          if (breaker.chance(0.8))
            body["facetQuery"] =
                breaker.chance(0.9) ? Json(first_letters(breaker.any(vocabulary_->words), 2)) : Json(5);
          break;
        default: body.erase("indexUid");
      }
      std::string text =
          breaker.chance(0.05) ? breaker.any(std::vector<std::string>{"{", "[]", "null", ""}) : body.dump();
      const char* type = breaker.chance(0.03) ? "text/plain" : "application/json";
      std::vector<Facets> facets;
      for (const Json& one : path == "/multi-search" ? body["queries"] : Json::array({body})) {
        facets.emplace_back();
        if (one.value("facets", Json()).is_array() && path != "/indexes/documents/facet-search")
          for (const Json& facet : one["facets"])
            if (facet.is_string() && facet != "colour") facets.back().push_back(facet);
      }
      std::string problem = fault(client.Post(path.c_str(), text, type), facets, true);
      if (!problem.empty())
        ADD_FAILURE() << "seed " << seed << ": POST " << path << " " << text << "\n" << problem, ++failures;
    }
  }

  // Both kinds of answer must come back often, or the generator has stopped testing one of them.
  static void expect_a_mix(int requests) {
    EXPECT_GT(answered_, requests / 4) << "answered";
    EXPECT_GT(refused_, requests / 10) << "refused";
    answered_ = refused_ = 0;
  }

  static inline int answered_ = 0;
  static inline int refused_ = 0;
  static inline CorpusServer* served_ = nullptr;
  static inline testing::Vocabulary* vocabulary_ = nullptr;
};

// The seeds every run checks, and SONDA_EXTRA_SEEDS=N more (1000, 1001, …) for longer runs by hand.
std::vector<unsigned> seeds() {
  std::vector<unsigned> out = {1, 20261207};
  int extra = std::getenv("SONDA_EXTRA_SEEDS") ? std::atoi(std::getenv("SONDA_EXTRA_SEEDS")) : 0;
  for (int seed = 1000; seed < 1000 + extra; ++seed) out.push_back(static_cast<unsigned>(seed));
  return out;
}

TEST_F(GeneratedRequests, NativeSearchesValidAndBrokenNeverFailTheServer) {
  for (unsigned seed : seeds()) check_native(seed);
  expect_a_mix(static_cast<int>(seeds().size()) * kNativePerSeed);
}

TEST_F(GeneratedRequests, MeilisearchQueriesValidAndBrokenNeverFailTheServer) {
  for (unsigned seed : seeds()) check_meilisearch(seed);
  expect_a_mix(static_cast<int>(seeds().size()) * kMeilisearchPerSeed);
}

// The oracle itself: a 5xx, a body that is no JSON and an error without its code are each caught.
TEST_F(GeneratedRequests, TheOracleCatchesEachFault) {
  httplib::Client client = served_->server().client();
  answered_ = refused_ = 0;
  EXPECT_EQ(fault(client.Get("/search?q=castigo&facets=country"), {{"country"}}, false), "");
  EXPECT_NE(fault(client.Get("/search?q=castigo"), {{"country"}}, false), "") << "a facet not answered";
  EXPECT_NE(fault(client.Get("/metrics"), {}, false, false), "") << "a body that is no JSON";
  EXPECT_NE(fault(client.Get("/suggest?q=cas"), {{}}, false), "") << "a search's answer without hits";
  EXPECT_EQ(fault(client.Get("/search?page=0"), {}, false), "");
  Json two = {
      {"queries", Json::array({{{"indexUid", "documents"}, {"q", "castigo"}},
                               {{"indexUid", "documents"}, {"q", "castigo"}, {"facets", {"lang"}}}})}};
  EXPECT_EQ(fault(client.Post("/multi-search", two.dump(), "application/json"), {{}, {"lang"}}, true), "");
  EXPECT_NE(fault(client.Post("/multi-search", two.dump(), "application/json"), {{}}, true), "")
      << "one result per query";
  EXPECT_NE(fault(client.Get("/search?page=0"), {}, true), "") << "a native error read as Meilisearch's";
}

}  // namespace
}  // namespace sonda::server

// The search core over the sample corpus: equivalences, ranking, facets, pages, sorting, suggestions.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "analysis/unicode_fold.h"
#include "search/searcher.h"
#include "support/corpus_search.h"
#include "translate/french_spanish.h"

namespace sonda::search {
namespace {

// Spellings a researcher may type that must return identical hit lists.
const std::vector<std::vector<std::string>> kEquivalent = {
    {"châtiments corporels", "chatiments corporels", "CHÂTIMENTS CORPORELS", "Châtiment corporel",
     "chatiment corporel"},
    {"castigo físico", "castigo fisico", "CASTIGO FÍSICO", "castigos físicos"},
    {"educación", "educacion", "EDUCACION"},
    {"l’enfance", "l'enfance", "enfance", "L’ENFANCE"},
    {"parentalité", "parentalite"},
    {"niños", "ninos", "NIÑO"},
};

// The same documents for every form; the same order for forms typed with the same accents (a form typed
// with accents ranks the documents holding it exactly a little higher: ExactAccentsRankFirst).
TEST_F(CorpusSearch, EquivalentSpellingsReturnTheSameDocuments) {
  auto sorted = [](std::vector<std::string> v) { return std::sort(v.begin(), v.end()), v; };
  for (const auto& group : kEquivalent) {
    auto expected = ids(search(group.front()));
    EXPECT_FALSE(expected.empty()) << group.front();
    for (const auto& form : group) {
      auto found = ids(search(form));
      EXPECT_EQ(sorted(found), sorted(expected)) << form << " vs " << group.front();
      if (analysis::fold_case(form) == analysis::fold_case(group.front())) {
        EXPECT_EQ(found, expected) << form << " vs " << group.front() << ": same accents, same order";
      }
    }
  }
  // A plural is no gazetteer name (`educación` also finds a French document tagged with the topic): among
  // the documents of its language, the same.
  SearchRequest singular;
  singular.q = "educación";
  singular.lang = "es";
  SearchRequest plural = singular;
  plural.q = "educaciones";
  EXPECT_FALSE(ids(search(singular)).empty());
  EXPECT_EQ(sorted(ids(search(plural))), sorted(ids(search(singular))));
}

TEST_F(CorpusSearch, PeruPageRanksHighAndIsMarked) {
  auto response = search("châtiments corporels");
  auto found =
      std::find_if(response.hits.begin(), response.hits.begin() + std::min<size_t>(3, response.hits.size()),
                   [](const Hit& hit) { return hit.document.id == "fr/perou-petite-enfance.md"; });
  ASSERT_NE(found, response.hits.begin() + std::min<size_t>(3, response.hits.size())) << "not in the top 3";
  EXPECT_NE(found->snippet.find("<mark>châtiments corporels</mark>"), std::string::npos) << found->snippet;
  auto unaccented = search("chatiments corporels");
  EXPECT_NE(unaccented.hits.front().snippet.find("<mark>"), std::string::npos);
}

// Feedback ranks the same documents again, with the best ones' stems: same total, same documents, and for
// some of these queries another order.
TEST_F(CorpusSearch, FeedbackRanksTheSameDocumentsAgain) {
  auto sorted = [](std::vector<std::string> v) { return std::sort(v.begin(), v.end()), v; };
  size_t reordered = 0;
  for (const char* q : {"enfance", "niños escuela", "violence familles", "protección de la infancia",
                        "éducation des filles"}) {
    SearchRequest plain;
    plain.q = q;
    plain.match_any = true;
    plain.hits_per_page = 100;
    SearchRequest fed = plain;
    fed.feedback = true;
    auto without = search(plain);
    auto with = search(fed);
    EXPECT_EQ(with.total_hits, without.total_hits) << q;
    EXPECT_EQ(sorted(ids(with)), sorted(ids(without))) << q;
    if (ids(with) != ids(without)) ++reordered;
  }
  EXPECT_GT(reordered, 0u);
}

TEST_F(CorpusSearch, MatchAnyRanksDocumentsWithSomeOfTheWords) {
  SearchRequest all;
  all.q = "castigo Loreto Kaolack";
  all.hits_per_page = 100;
  SearchRequest any = all;
  any.match_any = true;
  SearchResponse strict = search(all);
  SearchResponse loose = search(any);
  EXPECT_TRUE(strict.partial_match) << "no document has all three words: the relaxed retry";
  EXPECT_FALSE(loose.partial_match) << "match=any asked for it: nothing to report";
  EXPECT_EQ(ids(strict), ids(loose)) << "the same documents, ranked the same way";
  EXPECT_GT(loose.total_hits, 5u);
}

TEST_F(CorpusSearch, SnippetsStayShortWhateverTheParagraph) {
  for (const char* q : {"châtiments corporels", "castigo físico", "visites à domicile", "Loreto"}) {
    for (const Hit& hit : search(q).hits) {
      std::string text = hit.snippet;
      for (const char* tag : {"<mark>", "</mark>"})
        for (size_t at; (at = text.find(tag)) != std::string::npos;) text.erase(at, std::string(tag).size());
      EXPECT_LE(text.size(), 320u) << q << " in " << hit.document.id << ": " << hit.snippet;
    }
  }
}

TEST_F(CorpusSearch, LanguageRestricts) {
  auto any = search("castigo físico");
  ASSERT_FALSE(any.hits.empty());
  EXPECT_EQ(any.hits.front().document.lang, "es");
  auto french_only = search("castigo", "fr");
  for (const auto& hit : french_only.hits) EXPECT_EQ(hit.document.lang, "fr");
  auto spanish_only = search("castigo", "es");
  ASSERT_FALSE(spanish_only.hits.empty());
  for (const auto& hit : spanish_only.hits) EXPECT_EQ(hit.document.lang, "es");
}

TEST_F(CorpusSearch, FacetCountsMatchTheHits) {
  SearchRequest request;
  request.q = "enfance";
  request.hits_per_page = 100;
  request.facets = {"country", "organisation", "lang", "year", "type"};
  auto response = search(request);
  ASSERT_EQ(response.hits.size(), response.total_hits);
  std::map<std::string, std::map<std::string, size_t>> counted;
  for (const auto& hit : response.hits) {
    for (const auto& c : hit.document.countries) ++counted["country"][c];
    for (const auto& o : hit.document.organisations) ++counted["organisation"][o];
    ++counted["lang"][hit.document.lang];
    ++counted["year"][std::to_string(*hit.document.year)];
    ++counted["type"][hit.document.type];
  }
  ASSERT_EQ(response.facets.size(), 5u);
  for (const auto& facet : response.facets)
    for (const auto& [value, count] : facet.values)
      EXPECT_EQ(count, counted[facet.field][value]) << facet.field << "=" << value;
}

// Counted by Sonda from the posting lists or by Xapian's exhaustive match, every answer is the same: the
// total, every facet, and the page in order with its scores and percentages.
TEST_F(CorpusSearch, CountedBySondaOrByXapianEveryAnswerIsTheSame) {
  struct Case {
    std::string q;
    bool match_any = false;
    int page = 1;
    SortOrder sort = SortOrder::relevance;
    std::vector<std::pair<std::string, std::string>> filters;
  };
  const std::vector<Case> cases = {
      {"enfance ", false, 1, SortOrder::relevance, {}},
      {"ni", false, 1, SortOrder::relevance, {}},  // a word being typed: its completions OR-ed
      {"castigo fís", false, 1, SortOrder::relevance, {}},
      {"chatimens corporels ", false, 1, SortOrder::relevance, {}},     // a typo
      {"Pérou ", false, 1, SortOrder::relevance, {}},                   // a name
      {"familles -enfants ", false, 1, SortOrder::relevance, {}},       // an exclusion
      {"\"petite enfance\" ", false, 1, SortOrder::relevance, {}},      // a phrase: counted by Xapian
      {"niños escuela violencia ", true, 1, SortOrder::relevance, {}},  // any of the words
      {"enfance ", false, 2, SortOrder::relevance, {}},                 // page 2
      {"enfance ", false, 1, SortOrder::date_desc, {}},                 // by date
      {"enfance ", false, 1, SortOrder::relevance, {{"country", "Pérou"}}},
      {"", false, 1, SortOrder::relevance, {{"lang", "es"}}},       // browsing
      {"palabraquenoexiste ", false, 1, SortOrder::relevance, {}},  // nothing
  };
  for (const Case& c : cases) {
    SearchRequest request;
    request.q = c.q;
    request.match_any = c.match_any;
    request.page = c.page;
    request.hits_per_page = 5;
    request.sort = c.sort;
    request.facets = {"country", "topic", "lang", "year"};
    if (!c.filters.empty()) request.filter = search::facet_value_filter(c.filters);
    SearchResponse by_sonda = search(request);
    searcher_->count_by_sonda(false);
    SearchResponse by_xapian = search(request);
    searcher_->count_by_sonda(true);
    EXPECT_EQ(by_sonda.total_hits, by_xapian.total_hits) << c.q;
    EXPECT_EQ(ids(by_sonda), ids(by_xapian)) << c.q;
    ASSERT_EQ(by_sonda.hits.size(), by_xapian.hits.size()) << c.q;
    for (size_t k = 0; k < by_sonda.hits.size(); ++k) {
      EXPECT_EQ(by_sonda.hits[k].score, by_xapian.hits[k].score) << c.q;
      EXPECT_EQ(by_sonda.hits[k].relevance, by_xapian.hits[k].relevance) << c.q;
    }
    ASSERT_EQ(by_sonda.facets.size(), by_xapian.facets.size()) << c.q;
    for (size_t f = 0; f < by_sonda.facets.size(); ++f)
      EXPECT_EQ(by_sonda.facets[f].values, by_xapian.facets[f].values)
          << c.q << " " << by_sonda.facets[f].field;
    EXPECT_EQ(by_sonda.partial_match, by_xapian.partial_match) << c.q;
  }
  EXPECT_GT(search("ni", "", 5).total_hits, 5u) << "the word being typed matches more than a page";
}

TEST_F(CorpusSearch, EveryFacetValueWorksAsAFilter) {
  SearchRequest request;
  request.facets = {"country"};
  request.hits_per_page = 0;
  auto response = search(request);
  ASSERT_FALSE(response.facets.front().values.empty());
  for (const auto& [value, count] : response.facets.front().values) {
    SearchRequest filtered;
    filtered.filter = search::facet_value_filter({{"country", value}});
    filtered.hits_per_page = 0;
    EXPECT_EQ(search(filtered).total_hits, count) << value;
  }
}

TEST_F(CorpusSearch, MultiSelectFacetIgnoresItsOwnFilter) {
  SearchRequest request;
  request.facets = {"country", "lang"};
  request.filter = search::facet_value_filter({{"country", "Pérou"}, {"country", "Colombie"}});
  auto response = search(request);
  const FacetCounts& country = response.facets[0];
  EXPECT_GT(country.values.size(), 2u) << "other countries stay selectable";
  size_t peru = 0, colombia = 0;
  for (const auto& [value, count] : country.values) {
    if (value == "Pérou") peru = count;
    if (value == "Colombie") colombia = count;
  }
  EXPECT_GT(peru, 0u);
  EXPECT_LE(response.total_hits, peru + colombia);
  EXPECT_GE(response.total_hits, std::max(peru, colombia));
  size_t lang_total = 0;
  for (const auto& [value, count] : response.facets[1].values) lang_total += count;
  EXPECT_EQ(lang_total, response.total_hits) << "other facets honour the filter";
}

TEST_F(CorpusSearch, TheWordBeingTypedFindsWhatTheFinishedWordFinds) {
  std::string finished = ids(search("châtiments corporels ")).front();
  for (const std::string cut : {"chatiments corpo", "châtiments corp", "\"châtiments corpo"}) {
    SearchResponse typing = search(cut);
    ASSERT_FALSE(typing.hits.empty()) << cut;
    EXPECT_EQ(typing.hits.front().document.id, finished) << cut;
    EXPECT_FALSE(typing.partial_match) << cut;
    EXPECT_FALSE(typing.suggestion) << cut << " → " << typing.suggestion.value_or("");
    EXPECT_NE(typing.hits.front().snippet.find("corporel"), std::string::npos) << typing.hits.front().snippet;
  }
  std::vector<std::string> three_letters = ids(search("chatiments cor"));  // among the first ten
  three_letters.resize(std::min<size_t>(10, three_letters.size()));
  EXPECT_NE(std::find(three_letters.begin(), three_letters.end(), finished), three_letters.end());
  SearchRequest off;
  off.q = "chatiments corpo";
  off.prefix = false;
  EXPECT_TRUE(search(off).partial_match) << "prefix=false: corpo is a word of its own";
  EXPECT_FALSE(search("chati").hits.empty());
  EXPECT_FALSE(search("chati").suggestion) << "a prefix of indexed words is no misspelling";
}

TEST_F(CorpusSearch, AWordWithATypoFindsWhatTheWordFinds) {
  std::string expected = ids(search("châtiments corporels ")).front();
  for (const std::string typo : {"chatimens corporels ", "chatiments corporles ", "châtimetns corporels "}) {
    SearchResponse answer = search(typo);
    ASSERT_FALSE(answer.hits.empty()) << typo;
    EXPECT_EQ(answer.hits.front().document.id, expected) << typo;
    EXPECT_FALSE(answer.partial_match) << typo;
    ASSERT_EQ(answer.corrections.size(), 1u) << typo;
    EXPECT_NE(answer.hits.front().snippet.find("<mark>"), std::string::npos);
  }
  EXPECT_EQ(search("chatimens ").corrections,
            (std::vector<std::pair<std::string, std::string>>{{"chatimens", "châtiments"}}));
  EXPECT_TRUE(search("châtiments corporels ").corrections.empty()) << "known words are not corrected";
  SearchRequest off;
  off.q = "chatimens corporels ";
  off.typo_tolerance = false;
  EXPECT_TRUE(search(off).partial_match) << "typoTolerance=false: chatimens matches nothing";
}

TEST_F(CorpusSearch, SynonymsFromAFileMatchAtQueryTime) {
  testing::TempDir dir;
  std::ofstream((dir / "synonyms.txt").string())
      << "es: amparo, protección\nfr: sévices, châtiments corporels\n";
  auto synonyms = SynonymFile::open((dir / "synonyms.txt").string(), nullptr);
  ASSERT_TRUE(synonyms.ok()) << synonyms.error().message;
  SearchRequest request;  // without typo tolerance, which would find "services"
  request.q = "sévices ";
  request.typo_tolerance = false;
  EXPECT_TRUE(search(request).hits.empty());
  searcher_->use_synonyms(synonyms->get());
  SearchResponse answer = search(request);
  ASSERT_FALSE(answer.hits.empty()) << "sévices reaches the châtiments corporels documents";
  EXPECT_NE(answer.hits.front().snippet.find("<mark>CHÂTIMENTS CORPORELS</mark>"), std::string::npos)
      << answer.hits.front().snippet;
  EXPECT_GT(search("amparo ", "es").total_hits, 0u);
  EXPECT_EQ(search("amparo ", "fr").total_hits, 0u) << "a Spanish group";
  searcher_->use_synonyms(nullptr);
}

TEST_F(CorpusSearch, AGazetteerNameFindsTheDocumentsTaggedWithItsEntity) {
  SearchRequest tagged;
  tagged.filter = search::facet_value_filter({{"organisation", "BID"}});
  std::set<std::string> expected;
  for (const auto& id : ids(search(tagged))) expected.insert(id);
  ASSERT_FALSE(expected.empty());
  for (const std::string name :
       {"IDB ", "BID ", "Banco Interamericano de Desarrollo ", "banque interaméricaine de développement "}) {
    std::vector<std::string> found = ids(search(name));
    for (const auto& id : expected)
      EXPECT_NE(std::find(found.begin(), found.end(), id), found.end()) << name << " misses " << id;
  }
  std::vector<std::string> peru = ids(search("Perú "));
  SearchRequest in_peru;
  in_peru.filter = search::facet_value_filter({{"country", "PE"}});
  for (const auto& id : ids(search(in_peru)))
    EXPECT_NE(std::find(peru.begin(), peru.end(), id), peru.end()) << "Perú misses " << id;
}

TEST_F(CorpusSearch, AHundredTypoableWordsStayBounded) {
  std::string q;
  for (int i = 0; i < 100; ++i) q += "chatimens" + std::string(1, static_cast<char>('a' + i % 26)) + "x ";
  SearchResponse answer = search(q);
  EXPECT_TRUE(answer.hits.empty() || answer.partial_match) << "no document has all hundred";
  EXPECT_LE(answer.corrections.size(), 100u);
}

TEST_F(CorpusSearch, AFrenchQueryFindsSpanishDocumentsAcrossLanguages) {
  auto lexicon = translate::open_french_spanish();
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  SearchRequest request;
  request.q = "familles ";
  request.lang = "es";
  EXPECT_EQ(search(request).total_hits, 0u) << "no Spanish document says familles";
  request.cross_language = true;
  auto refused = searcher_->search(request);
  ASSERT_FALSE(refused.ok()) << "no lexicon: refused, never a silent monolingual answer";
  searcher_->use_lexicon(lexicon->get());
  SearchResponse answer = search(request);
  EXPECT_GT(answer.total_hits, 3u);
  for (const Hit& hit : answer.hits) EXPECT_EQ(hit.document.lang, "es");
  ASSERT_EQ(answer.translations.size(), 1u);
  EXPECT_EQ(answer.translations.front().first, "familles");
  EXPECT_NE(std::find(answer.translations.front().second.begin(), answer.translations.front().second.end(),
                      "familia"),
            answer.translations.front().second.end());
  EXPECT_NE(answer.hits.front().snippet.find("<mark>famili"), std::string::npos)
      << answer.hits.front().snippet;
  request.q = "infancia ";
  request.lang = "fr";
  request.query_lang = "es";
  EXPECT_GT(search(request).total_hits, 3u) << "and back: a Spanish query finds French documents";
  searcher_->use_lexicon(nullptr);
}

// The field's own terms, which Apertium lacks (châtiment, corporel) or reads word by word (petite enfance),
// cross as units through the built-in domain list, whatever their inflection.
TEST_F(CorpusSearch, TheFieldsOwnTermsCrossLanguagesAsUnits) {
  auto lexicon = translate::open_french_spanish();
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  searcher_->use_lexicon(lexicon->get());
  SearchRequest request;
  request.q = "châtiments corporels ";
  request.lang = "es";
  request.cross_language = true;
  SearchResponse answer = search(request);
  ASSERT_GE(answer.hits.size(), 2u);
  std::set<std::string> ids;
  for (const Hit& hit : answer.hits) ids.insert(hit.document.id);
  EXPECT_TRUE(ids.contains("es/infancia-sin-castigo.md")) << answer.hits.front().document.id;
  EXPECT_TRUE(ids.contains("es/guatemala-nota-castigo-fisico.pdf")) << answer.hits.front().document.id;
  std::map<std::string, std::vector<std::string>> translations(answer.translations.begin(),
                                                               answer.translations.end());
  EXPECT_EQ(translations["châtiments corporels"],
            (std::vector<std::string>{"castigo corporal", "castigo físico"}));
  request.q = "petite enfance ";
  answer = search(request);
  ASSERT_FALSE(answer.hits.empty());
  EXPECT_NE(answer.hits.front().snippet.find("<mark>primera infancia</mark>"), std::string::npos)
      << answer.hits.front().document.id << ": " << answer.hits.front().snippet;
  searcher_->use_lexicon(nullptr);
}

// Every topic of the sample corpus, asked by its label in one language, finds documents of the other language
// tagged with it in the first ten hits, both ways, with crossLanguage and without (the label is a gazetteer
// name, which matches the documents tagged with its entity in either language).
TEST_F(CorpusSearch, EveryTopicLabelFindsTheOtherLanguagesDocumentsOfThatTopic) {
  auto lexicon = translate::open_french_spanish();
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  searcher_->use_lexicon(lexicon->get());
  const enrich::Gazetteer& gazetteer = testing::builtin_gazetteer();
  analysis::Analyzer analyzer;
  size_t asked = 0;
  for (bool cross : {true, false})
    for (const auto& [from, to] : {std::pair{"fr", "es"}, std::pair{"es", "fr"}}) {
      SearchRequest topics;
      topics.lang = to;
      topics.facets = {"topic"};
      topics.labels_lang = "fr";
      topics.max_values_per_facet = 100;
      topics.hits_per_page = 0;
      SearchResponse counted = search(topics);
      ASSERT_EQ(counted.facets.size(), 1u);
      for (const auto& [value, documents] : counted.facets.front().values) {
        std::string key = gazetteer.canonical("topic", value, analyzer).value_or(value);
        SearchRequest tagged;
        tagged.lang = to;
        tagged.filter = FilterNode::equality("topic", key);
        tagged.hits_per_page = 100;
        std::set<std::string> of_topic;
        for (const Hit& hit : search(tagged).hits) of_topic.insert(hit.document.id);
        SearchRequest request;
        request.q = gazetteer.label("topic", key, from) + " ";
        request.lang = to;
        request.query_lang = from;
        request.cross_language = cross;
        SearchResponse answer = search(request);
        bool found = std::any_of(answer.hits.begin(), answer.hits.end(),
                                 [&](const Hit& hit) { return of_topic.contains(hit.document.id); });
        EXPECT_TRUE(found) << request.q << " (" << from << " → " << to << ") finds no " << to
                           << " document of " << key << " among " << answer.total_hits
                           << (cross ? " with" : " without") << " crossLanguage";
        ++asked;
      }
    }
  EXPECT_GE(asked, 40u) << "the sample corpus tags documents of both languages with ten topics or more";
  searcher_->use_lexicon(nullptr);
}

TEST_F(CorpusSearch, PhraseIsStricterThanWords) {
  auto words = search("petite enfance");
  auto phrase = search("\"petite enfance\"");
  EXPECT_LT(phrase.total_hits, words.total_hits + 1);
  EXPECT_GT(phrase.total_hits, 0u);
  auto narrower = search("\"petite enfance\" Loreto");
  EXPECT_LE(narrower.total_hits, phrase.total_hits);
  EXPECT_GT(narrower.total_hits, 0u);
}

TEST_F(CorpusSearch, ExclusionRemovesDocuments) {
  auto all = search("castigo");
  auto without = search("castigo -Guatemala");
  EXPECT_LT(without.total_hits, all.total_hits);
  for (const auto& id : ids(without)) EXPECT_EQ(id.find("guatemala"), std::string::npos) << id;
}

TEST_F(CorpusSearch, PagesAreDisjointAndCoverAllHits) {
  auto all = ids(search("familles OR familias"));
  std::vector<std::string> paged;
  SearchRequest request;
  request.q = "familles OR familias";
  request.hits_per_page = 3;
  auto first = search(request);
  for (int page = 1; page <= first.total_pages; ++page) {
    request.page = page;
    for (const auto& id : ids(search(request))) paged.push_back(id);
  }
  EXPECT_EQ(paged, all);
  EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), paged.size());
}

TEST_F(CorpusSearch, SortsByDate) {
  SearchRequest request;
  request.q = "enfants";
  request.hits_per_page = 100;
  request.sort = SortOrder::date_desc;
  auto response = search(request);
  for (size_t i = 1; i < response.hits.size(); ++i)
    EXPECT_GE(response.hits[i - 1].document.date, response.hits[i].document.date);
  request.sort = SortOrder::date_asc;
  response = search(request);
  for (size_t i = 1; i < response.hits.size(); ++i)
    EXPECT_LE(response.hits[i - 1].document.date, response.hits[i].document.date);
}

TEST_F(CorpusSearch, YearRange) {
  SearchRequest request;
  request.year_from = 2019;
  request.year_to = 2020;
  request.hits_per_page = 100;
  auto response = search(request);
  ASSERT_FALSE(response.hits.empty());
  for (const auto& hit : response.hits) EXPECT_TRUE(*hit.document.year >= 2019 && *hit.document.year <= 2020);
}

TEST_F(CorpusSearch, DidYouMean) {
  SearchRequest typos_off;
  typos_off.q = "chatimens corporel";
  typos_off.typo_tolerance = false;
  auto response = search(typos_off);
  ASSERT_TRUE(response.suggestion.has_value());
  EXPECT_EQ(*response.suggestion, "châtiments corporels");
  EXPECT_EQ(search("piax").suggestion.value_or(""), "paix") << "a swap is one edit";
  EXPECT_FALSE(search("chatimens corporel").suggestion.has_value()) << "typo tolerance found them: no need";
  EXPECT_FALSE(search("châtiments corporels").suggestion.has_value());
}

TEST_F(CorpusSearch, RelaxesWhenNothingMatchesEveryWord) {
  auto response = search("castigo zzzzqqq");
  EXPECT_TRUE(response.partial_match);
  EXPECT_GT(response.total_hits, 0u);
}

TEST_F(CorpusSearch, CompletesAccentInsensitively) {
  for (const char* typed : {"chât", "chat", "CHAT"}) {
    auto completions = searcher_->complete(typed, 10);
    ASSERT_TRUE(completions.ok());
    EXPECT_NE(std::find(completions->begin(), completions->end(), "châtiments"), completions->end()) << typed;
  }
  auto two_words = searcher_->complete("châtiments corp", 10);
  ASSERT_TRUE(two_words.ok());
  EXPECT_NE(std::find(two_words->begin(), two_words->end(), "châtiments corporels"), two_words->end());
}

TEST_F(CorpusSearch, DocumentLookup) {
  auto document = searcher_->document("fr/perou-petite-enfance.md");
  ASSERT_TRUE(document.ok());
  EXPECT_NE(document->body.find("Loreto"), std::string::npos);
  auto missing = searcher_->document("../../etc/passwd");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace sonda::search

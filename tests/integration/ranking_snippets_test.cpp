// Ranking and snippets over small indexes made for each test: exact accents first, BM25's k1, questions by
// IneB2 and the form they ask first, deep matches
// found and marked, and nothing but the marks left as markup.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "search/searcher.h"
#include "support/small_index.h"
#include "translate/lexicon.h"

namespace sonda::search {
namespace {

using testing::document_of;
using testing::hit_ids;
using testing::numbered;
using testing::searcher_over;

TEST(ExactAccents, AWordTypedWithAccentsRanksTheDocumentsHoldingThatFormFirst) {
  testing::TempDir dir;
  auto searcher = searcher_over(
      dir, numbered("es", {"El informe del ano pasado y del ano siguiente.", "El informe del año pasado.",
                           "Se publico el informe, se publico dos veces.", "Se publicó el informe."}));
  auto ranked = [&](const std::string& q) {
    SearchRequest request;
    request.q = q + " ";
    request.lang = "es";
    return hit_ids(*searcher, request);
  };
  EXPECT_EQ(ranked("año"), (std::vector<std::string>{"d1", "d0"}));
  EXPECT_EQ(ranked("publicó"), (std::vector<std::string>{"d3", "d2"}));
  EXPECT_EQ(ranked("ano"), (std::vector<std::string>{"d0", "d1"}))
      << "unaccented: accent-insensitive, by BM25";
  EXPECT_EQ(ranked("publico"), (std::vector<std::string>{"d2", "d3"}));
}

// Each hit's score for `q` (finished), by document id.
std::map<std::string, double> scores_of(Searcher& searcher, const std::string& q, bool match_any = false) {
  SearchRequest request;
  request.q = q + " ";
  request.match_any = match_any;
  auto response = searcher.search(request);
  EXPECT_TRUE(response.ok());
  std::map<std::string, double> out;
  if (response.ok())
    for (const auto& hit : response->hits) out[hit.document.id] = hit.score;
  return out;
}

TEST(Ranking, K1DecidesHowMuchRepeatingAWordCounts) {
  testing::TempDir dir;
  auto searcher = searcher_over(
      dir, numbered("es", {"castigo castigo castigo familia", "castigo escuela familia niños"}));
  auto scores = [&]() { return scores_of(*searcher, "castigo"); };
  auto by_default = scores();
  EXPECT_GT(by_default["d0"], by_default["d1"]) << "three times weighs more than once";
  searcher->set_ranking(Ranking{0.0, 0.5});
  auto binary = scores();
  EXPECT_DOUBLE_EQ(binary["d0"], binary["d1"]) << "k1 = 0: a word weighs the same however often it stands";
}

TEST(Ranking, QuestionsRankByDivergenceFromRandomnessAndWordsThatMustAllMatchByBM25) {
  testing::TempDir dir;
  auto searcher = searcher_over(dir, numbered("es", {"castigo castigo familia escuela",
                                                     "castigo escuela familia niños y niñas del barrio",
                                                     "la escuela del barrio", "familia"}));
  auto scores = [&](bool match_any) { return scores_of(*searcher, "castigo escuela", match_any); };
  auto any = scores(true), all = scores(false);
  ASSERT_EQ(any.size(), 3u);
  ASSERT_EQ(all.size(), 2u);
  Ranking bm25_only;
  bm25_only.any_by_divergence = false;
  searcher->set_ranking(bm25_only);
  EXPECT_EQ(scores(false), all) << "all of the words: BM25 either way";
  auto any_by_bm25 = scores(true);
  ASSERT_EQ(any_by_bm25.size(), 3u);
  for (const auto& [id, score] : any)
    EXPECT_GT(std::abs(score - any_by_bm25[id]), 1e-3)
        << id << ": any of the words, by IneB2 rather than BM25";
  EXPECT_EQ(bm25_only.weighting(true)->name(), "Xapian::BM25Weight");
  EXPECT_EQ(Ranking{}.weighting(true)->name(), "Xapian::IneB2Weight");
  EXPECT_EQ(Ranking{}.weighting(false)->name(), "Xapian::BM25Weight");
}

TEST(Ranking, AQuestionRanksTheFormItAsksAboveItsOtherForms) {
  testing::TempDir dir;
  auto searcher = searcher_over(
      dir, numbered("es", {"el castigo y otro castigo en la escuela", "los castigos en la escuela",
                           "la escuela del barrio", "la familia", "el barrio"}));
  auto first = [&](bool match_any, bool as_question = true) {
    SearchRequest request;
    request.q = "castigos ";
    request.lang = "es";
    request.match_any = match_any;
    request.any_as_question = as_question;
    auto ids = hit_ids(*searcher, request);
    return ids.empty() ? std::string() : ids.front();
  };
  EXPECT_EQ(first(true), "d1") << "a question: the form asked first";
  EXPECT_EQ(first(false), "d0") << "every word required: through the stem alone, twice weighs more";
  EXPECT_EQ(first(true, false), "d0") << "a document's words (similar documents): through the stem alone";
  Ranking stems_only;
  stems_only.any_exact_word = 0;
  searcher->set_ranking(stems_only);
  EXPECT_EQ(first(true), "d0") << "without the form's weight, twice weighs more";
}

// A word no document holds matches other words' documents through its stem only when one of them goes on
// from the stem as it does or ends as close to it (Snowball strips `châtiments` to `chât`, which folds to the
// stem of `chats`).
TEST(Ranking, AWordNoDocumentHoldsFindsNothingThroughAStemReachedByChance) {
  testing::TempDir punishment_dir;
  auto punishment = searcher_over(
      punishment_dir, numbered("fr", {"Les châtiments corporels reculent.", "La maison de quartier."}));
  testing::TempDir cats_dir;
  auto cats = searcher_over(cats_dir, numbered("fr", {"Les chats sont des animaux domestiques."}));
  auto total = [](Searcher& searcher, const std::string& q) {
    SearchRequest request;
    request.q = q;
    request.lang = "fr";
    auto response = searcher.search(request);
    return response.ok() ? static_cast<long>(response->total_hits) : -1L;
  };
  EXPECT_EQ(total(*punishment, "chats "), 0);
  EXPECT_EQ(total(*punishment, "chat "), 0);
  EXPECT_EQ(total(*cats, "châtiments "), 0);
  EXPECT_EQ(total(*cats, "chatiment "), 0);
  EXPECT_EQ(total(*punishment, "châtiment "), 1) << "another form of a word the documents hold";
  EXPECT_EQ(total(*punishment, "corporelles "), 1) << "an inflection ending as close to the stem";
  EXPECT_EQ(total(*cats, "chat "), 1);
}

// French and Spanish documents share the stems of unrelated words (`relation` and `relato` both stem to
// `relat`; `éducation` and `educación` to `educ`): a word finds the documents of the languages it is read in,
// and the others' only through a translation (crossLanguage), below its own.
TEST(Ranking, AStemReadInOneLanguageFindsNoUnrelatedWordOfAnother) {
  testing::TempDir dir;
  auto searcher = searcher_over(
      dir, {document_of("fr1", "fr", "La relation entre les parents et l'école."),
            document_of("es1", "es", "El relato de los hechos. El relato completo y otro relato."),
            document_of("fr2", "fr", "L'éducation des enfants."),
            document_of("es2", "es", "La educación pública y la educación privada."),
            document_of("es3", "es", "La escuela rural.")});  // fewer French: their list filters
  translate::MemoryLexicon lexicon({{"fr", {"éducation", "educación"}}});
  searcher->use_lexicon(&lexicon);
  auto ranked = [&](const std::string& q, bool cross_language = false, const std::string& lang = "") {
    SearchRequest request;
    request.q = q + " ";
    request.cross_language = cross_language;
    request.lang = lang;
    return hit_ids(*searcher, request);
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ranked("relation"), Ids{"fr1"});
  EXPECT_EQ(ranked("relato"), Ids{"es1"});
  EXPECT_EQ(ranked("education"), Ids{"fr2"});
  EXPECT_EQ(ranked("educación"), Ids{"es2"});
  EXPECT_EQ(ranked("éducation", true), (Ids{"fr2", "es2"}));
  EXPECT_EQ(ranked("éducation", true, "es"), Ids{"es2"});
  EXPECT_EQ(ranked("éducation", false, "es"), Ids{});
}

TEST(Snippets, DeepMatchesAreFoundThroughPositionsAndMarked) {
  testing::TempDir dir;
  index::Document document;
  document.id = "long";
  document.lang = "fr";
  document.title = "Rapport";
  for (int i = 0; i < 3000; ++i) document.body += "Les familles participent aux ateliers du programme. ";
  document.body += "À Kaolack, les châtiments corporels reculent nettement. ";
  for (int i = 0; i < 500; ++i) document.body += "Les familles participent aux ateliers du programme. ";
  auto searcher = searcher_over(dir, {document});
  for (const char* q : {"chatiment corporel kaolack", "\"châtiments corporels\""}) {
    SearchRequest request;
    request.q = q;
    auto response = searcher->search(request);
    ASSERT_TRUE(response.ok());
    ASSERT_EQ(response->hits.size(), 1u) << q;
    const std::string& snippet = response->hits[0].snippet;
    EXPECT_NE(snippet.find("<mark>châtiments corporels</mark>"), std::string::npos) << q << ": " << snippet;
    EXPECT_TRUE(snippet.starts_with("…")) << snippet;
    EXPECT_TRUE(snippet.ends_with("…")) << snippet;
    EXPECT_LE(snippet.size(), 400u) << snippet;
  }
}

TEST(Snippets, OnlyMarksAreMarkupEverythingElseIsEscaped) {
  testing::TempDir dir;
  auto searcher = searcher_over(
      dir, {document_of("html", "es",
                        "Antes <b onclick=\"x()\">castigo</b> & 'después' <script>alert(1)</script>")});
  SearchRequest request;
  request.q = "castigo";
  auto response = searcher->search(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->hits.size(), 1u);
  EXPECT_EQ(response->hits[0].snippet,
            "Antes &lt;b onclick=&quot;x()&quot;&gt;<mark>castigo</mark>&lt;/b&gt; &amp; &#39;después&#39; "
            "&lt;script&gt;alert(1)&lt;/script&gt;");
}

}  // namespace
}  // namespace sonda::search

// Pages of PDF hits: a generated multi-page PDF indexed with the indexer library; a hit says on which page
// its snippet stands, and a document without pages says none.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "index/stored_fields.h"
#include "search/searcher.h"
#include "support/corpus_index.h"
#include "support/document_fixtures.h"

namespace sonda::search {
namespace {

// `spec` written as corpus/rapport.pdf beside the `others` (file name → text), indexed; its searcher.
auto pdf_searcher(const testing::TempDir& dir, const testing::DocumentSpec& spec,
                  const std::map<std::string, std::string>& others = {}) {
  std::filesystem::path corpus = dir.path() / "corpus";
  std::filesystem::create_directories(corpus);
  std::ofstream(corpus / "rapport.pdf", std::ios::binary) << testing::make_pdf(spec);
  for (const auto& [name, text] : others) std::ofstream(corpus / name) << text;
  std::string db = (dir.path() / "db").string();
  testing::build_index(corpus.string(), db);
  return Searcher::open(db, testing::builtin_gazetteer());
}

// The one hit of `q` with `passages` best passages; a failure, and none, when there is not exactly one.
std::optional<Hit> only_hit(Searcher& searcher, const std::string& q, int passages) {
  SearchRequest request;
  request.q = q;
  request.passages = passages;
  auto response = searcher.search(request);
  if (!response.ok() || response->hits.size() != 1) {
    ADD_FAILURE() << q << ": not exactly one hit";
    return std::nullopt;
  }
  return response->hits[0];
}

TEST(PdfPages, AHitSaysOnWhichPageItsSnippetStands) {
  testing::TempDir dir;
  testing::DocumentSpec spec;
  spec.title = "Rapport long";
  spec.lang = "fr";
  spec.paragraphs = {"Première page : introduction générale du rapport sur la petite enfance.",
                     "Deuxième page : les visites à domicile dans la région de Loreto.",
                     "Troisième page : le budget municipal consacré aux crèches communautaires.",
                     "Quatrième page : recommandations pour le plaidoyer auprès des ministères."};
  spec.page_breaks = {1, 2, 3};
  const std::string filler =
      " Les équipes locales ont rencontré les familles, les écoles et les centres de santé"
      " du district pendant plusieurs mois de travail commun.";
  for (std::string& paragraph : spec.paragraphs) paragraph += filler + filler;  // pages longer than a snippet
  auto searcher = pdf_searcher(
      dir, spec, {{"note.md", "---\ntitle: Note\nlang: fr\n---\nUne note sur le budget municipal.\n"}});
  ASSERT_TRUE(searcher.ok());

  struct Row {
    const char* q;
    int page;
  };
  for (const Row& row :
       {Row{"introduction", 1}, Row{"Loreto", 2}, Row{"crèches communautaires", 3}, Row{"ministères", 4}}) {
    SearchRequest request;
    request.q = row.q;
    auto response = (*searcher)->search(request);
    ASSERT_TRUE(response.ok());
    ASSERT_EQ(response->hits.size(), 1u) << row.q;
    EXPECT_EQ(response->hits[0].page, row.page) << row.q << ": " << response->hits[0].snippet;
  }
  SearchRequest budget;
  budget.q = "budget municipal";
  auto both = (*searcher)->search(budget);
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->hits.size(), 2u);
  for (const Hit& hit : both->hits) {
    if (hit.document.format == "md") {
      EXPECT_FALSE(hit.page.has_value());
    } else {
      EXPECT_EQ(hit.page, 3);
    }
  }
  auto several = only_hit(**searcher, "page", 3);
  ASSERT_TRUE(several.has_value());
  const auto& best = several->passages;
  ASSERT_GE(best.size(), 2u) << "a passage for each part of the document the word comes up in";
  std::set<int> pages;
  for (const HitPassage& passage : best) {
    EXPECT_NE(passage.snippet.find("<mark>page</mark>"), std::string::npos) << passage.snippet;
    ASSERT_TRUE(passage.page.has_value());
    pages.insert(*passage.page);
  }
  EXPECT_GE(pages.size(), 2u) << "the passages stand on different pages";
  SearchRequest out_of_range;
  out_of_range.q = "page";
  out_of_range.passages = 6;
  EXPECT_FALSE(validate(out_of_range, RequestLimits{}).ok());
  out_of_range.passages = 0;
  EXPECT_FALSE(validate(out_of_range, RequestLimits{}).ok());

  auto stored = (*searcher)->document("rapport.pdf");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->page_starts.size(), 4u);
  EXPECT_EQ(stored->page_starts[0], 0u);
  EXPECT_NE(stored->body.substr(stored->page_starts[2]).find("Troisième"), std::string::npos)
      << "the starts point into the stored, cleaned body";
}

TEST(PdfPages, ATableOfContentsIsNeverTheBestPassage) {
  testing::TempDir dir;
  testing::DocumentSpec spec;
  spec.title = "Rapport annuel";
  spec.lang = "fr";
  spec.paragraphs = {"Table des matières", "1 Visites à domicile à Loreto . . . . . . . . 2",
                     "2 Budget des crèches communautaires . . . . . . . 3",
                     "Les équipes ont organisé des visites à domicile dans toute la région de Loreto"
                     " pendant l'année, avec les familles et les centres de santé.",
                     "Le budget municipal finance les crèches communautaires du district."};
  spec.page_breaks = {3, 4};
  auto searcher = pdf_searcher(dir, spec);
  ASSERT_TRUE(searcher.ok());
  struct Row {
    const char* q;
    int page;
  };
  for (const Row& row : {Row{"visites à domicile Loreto", 2}, Row{"crèches communautaires", 3}}) {
    auto found = only_hit(**searcher, row.q, 2);
    ASSERT_TRUE(found.has_value());
    const Hit& hit = *found;
    EXPECT_EQ(hit.page, row.page) << row.q << ": " << hit.snippet;
    EXPECT_EQ(hit.snippet.find(". . ."), std::string::npos) << row.q << ": " << hit.snippet;
    ASSERT_FALSE(hit.passages.empty());
    EXPECT_EQ(hit.passages[0].page, row.page) << hit.passages[0].snippet;
  }
}

TEST(PdfPages, ALongReportsPassagesAreItsSeparateMentionsBestFirst) {
  testing::TempDir dir;
  testing::DocumentSpec spec;
  spec.title = "Rapport de neuf pages";
  spec.lang = "fr";
  const std::string filler =
      " Les équipes locales ont rencontré les familles, les écoles et les centres de santé"
      " du district pendant plusieurs mois de travail commun.";
  spec.paragraphs.push_back("Sommaire\n1 Les inondations . . . . . . . . . . 2\n2 Les crues . . . . . . . 5");
  for (int page = 2; page <= 9; ++page) {
    std::string paragraph = "Page " + std::to_string(page) + ".";
    for (int i = 0; i < 6; ++i) paragraph += filler;
    if (page == 2)
      paragraph += " Les inondations de février ont fermé les écoles et les inondations de mars aussi.";
    if (page == 5 || page == 8) paragraph += " Après les inondations, les familles sont revenues.";
    spec.paragraphs.push_back(paragraph);
    spec.page_breaks.push_back(page - 1);
  }
  auto searcher = pdf_searcher(dir, spec);
  ASSERT_TRUE(searcher.ok());
  auto found = only_hit(**searcher, "inondations", 5);
  ASSERT_TRUE(found.has_value());
  const Hit& hit = *found;
  ASSERT_EQ(hit.passages.size(), 3u) << "one passage per mention, the table of contents none";
  EXPECT_EQ(hit.passages[0].page, 2) << "the densest mention first";
  EXPECT_EQ(hit.passages[0].snippet, hit.snippet);
  std::set<int> pages;
  for (const HitPassage& passage : hit.passages) {
    EXPECT_NE(passage.snippet.find("<mark>inondations</mark>"), std::string::npos) << passage.snippet;
    EXPECT_EQ(passage.snippet.find(". . ."), std::string::npos) << passage.snippet;
    pages.insert(passage.page.value_or(0));
  }
  EXPECT_EQ(pages, (std::set<int>{2, 5, 8}));
}

TEST(PdfPages, PageStartsSurviveStoredFieldsAndOldRecordsHaveNone) {
  index::Document document;
  document.id = "a";
  document.body = "one two three";
  document.page_starts = {0, 4, 300, 70000};
  auto decoded = index::decode_stored_fields(index::encode_stored_fields(document));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->page_starts, document.page_starts);
  document.page_starts.clear();
  decoded = index::decode_stored_fields(index::encode_stored_fields(document));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->page_starts.empty());
}

}  // namespace
}  // namespace sonda::search

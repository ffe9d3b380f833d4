// Words being typed or mistyped over small indexes made for each test: the best hit of each likely reading on
// the first page, completions beside other words, the word-list answers kept until a commit, bounded
// prefixes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "search/searcher.h"
#include "support/small_index.h"

namespace sonda::search {
namespace {

using testing::document_of;
using testing::hit_ids;
using testing::numbered;
using testing::searcher_over;

// 14 short documents on "protection", two long ones on "programme" (with `produits`, a third, and two longer
// ones on "produits") and 30 on neither: "pro" most likely reads "protection", and the documents on it weigh
// more than those on the other readings.
std::vector<index::Document> protection_and_programme(bool produits = false) {
  std::vector<index::Document> documents;
  auto add = [&](std::string id, std::string body, std::string date) {
    documents.push_back(document_of(std::move(id), "fr", std::move(body), std::move(date)));
  };
  std::string filler;
  for (int i = 0; i < 14; ++i, filler += " annuel")
    add("protection-" + std::to_string(10 + i), "La protection de l'enfance, rapport" + filler, "2010-01-01");
  add("programme-best", "Le programme parmi les sujets" + filler, "2000-01-01");
  add("programme-other", "Un programme parmi les sujets traités" + filler + filler, "2000-01-01");
  if (produits) {
    add("programme-third", "Le programme" + filler + filler + filler, "2000-01-01");
    add("produits-best", "Les produits parmi les sujets" + filler + filler, "2000-01-01");
    add("produits-other", "Des produits parmi les sujets traités" + filler + filler + filler, "2000-01-01");
  }
  for (int i = 0; i < 30; ++i)
    add("other-" + std::to_string(10 + i), "Rapport annuel " + std::to_string(i), "");
  return documents;
}

TEST(CompletionPromotion, TheFirstPageHoldsTheBestHitOfEachLikelyCompletion) {
  testing::TempDir dir;
  auto searcher = searcher_over(dir, protection_and_programme());
  auto page = [&](std::string q, int offset, SortOrder sort = SortOrder::relevance, int hits = 10) {
    SearchRequest request;
    request.q = std::move(q);
    request.offset = offset;
    request.sort = sort;
    request.hits_per_page = hits;
    auto response = searcher->search(request);
    EXPECT_TRUE(response.ok());
    std::vector<std::string> ids;
    if (response.ok())
      for (const auto& hit : response->hits) ids.push_back(hit.document.id);
    return std::pair{ids, response.ok() ? response->total_hits : 0};
  };
  auto [first, total] = page("pro", 0);
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(total, 16u) << "the promotion adds no match";
  EXPECT_EQ(first.back(), "programme-best") << "just below the likelier completion's nine best";
  EXPECT_EQ(std::count_if(first.begin(), first.end(),
                          [](const std::string& id) { return id.starts_with("protection"); }),
            9);
  auto [second, unused] = page("pro", 10);
  EXPECT_EQ(std::find(second.begin(), second.end(), "programme-best"), second.end())
      << "no longer on the second page";
  EXPECT_NE(std::find(second.begin(), second.end(), "programme-other"), second.end());
  // the first page is ranked again among its own documents and the raised ones, later pages over all
  auto [twenty, unused4] = page("pro", 0, SortOrder::relevance, 20);
  std::vector<std::string> both = first;
  both.insert(both.end(), second.begin(), second.end());
  EXPECT_EQ(twenty, both) << "one page of twenty is the first two of ten";
  auto [finished, unused2] = page("pro ", 0);
  EXPECT_TRUE(finished.empty()) << "a finished word is no prefix";
  auto [by_date, unused3] = page("pro", 0, SortOrder::date_desc);
  EXPECT_EQ(std::find(by_date.begin(), by_date.end(), "programme-best"), by_date.end())
      << "sorted by date, the order is the dates'";
}

// 1,500 documents of many lengths holding `gobierno` or words it begins, with ids in another order than their
// numbers: pages of a word being typed (its readings raised) and a walk of every match (in batches of growing
// size) follow one order, each match once, whatever the page size.
TEST(CompletionPromotion, PagesAndWalksHoldEachMatchOnceInOneOrder) {
  std::vector<std::string> words = {"gobierno", "gobiernos", "ley", "sur", "pueblo", "con", "para", "casa"};
  for (char c = 'a'; c <= 't'; ++c) words.push_back(std::string("gobierno") + c + "x");
  std::vector<index::Document> documents;
  uint32_t state = 12345;
  auto next = [&](uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % bound;
  };
  for (int i = 0; i < 1500; ++i) {
    std::string body = "gobierno";
    for (uint32_t n = 5 + next(60); n > 0; --n) body += " " + words[next(words.size())];
    documents.push_back(
        document_of("d" + std::to_string(10000 + (i * 7919) % 1500), i % 5 ? "es" : "fr", body));
  }
  testing::TempDir dir;
  auto searcher = searcher_over(dir, documents);
  for (std::string q : {"gobierno", "gobi", "ley gobi"}) {
    SearchRequest request;
    request.q = q;
    request.lang = "es";
    request.hits_per_page = 1000;
    std::vector<std::string> whole = hit_ids(*searcher, request);
    ASSERT_GE(whole.size(), 500u) << q;
    for (int size : {100, 7}) {
      std::vector<std::string> paged;
      request.hits_per_page = size;
      for (int offset = 0; offset < static_cast<int>(whole.size()); offset += size) {
        request.offset = offset;
        for (std::string& id : hit_ids(*searcher, request)) paged.push_back(std::move(id));
      }
      paged.resize(std::min(paged.size(), whole.size()));
      EXPECT_EQ(paged, whole) << q << ", pages of " << size;
    }
    std::vector<std::string> walked;
    request.offset.reset();
    ASSERT_TRUE(searcher->each_match(request, 1000, [&](const Hit& hit, size_t) {
      walked.push_back(hit.document.id);
      return true;
    }));
    EXPECT_EQ(walked, whole) << q;
  }
}

TEST(CompletionPromotion, EveryPromotedHitIsOnTheFirstPageHoweverLittleItWeighs) {
  testing::TempDir dir;
  auto searcher = searcher_over(dir, protection_and_programme(true));
  SearchRequest request;
  request.q = "pro";
  std::vector<std::string> first = hit_ids(*searcher, request);
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(std::vector<std::string>(first.end() - 2, first.end()),
            (std::vector<std::string>{"programme-best", "produits-best"}))
      << "both raised below the likeliest completion's eight best, the likelier higher";
  request.hits_per_page = 5;
  request.offset = 5;
  EXPECT_EQ(hit_ids(*searcher, request), std::vector<std::string>(first.begin() + 5, first.end()))
      << "paged by five, the same ranking";
}

// A word no document holds reads as each word a typo away: the first page holds the best hit of each,
// however much more frequent the likeliest is.
TEST(CorrectionPromotion, TheFirstPageHoldsTheBestHitOfEachWordATypoAway) {
  testing::TempDir dir;
  std::vector<index::Document> documents;
  for (int i = 0; i < 20; ++i)
    documents.push_back(document_of("porte-" + std::to_string(10 + i), "fr", "La porte de la mairie."));
  documents.push_back(document_of("poste-best", "fr", "Le poste."));
  documents.push_back(
      document_of("poste-other", "fr", "Le poste de la mairie est ouvert le matin et le soir."));
  for (int i = 0; i < 100; ++i)  // so that both words are rare enough to weigh
    documents.push_back(document_of("other-" + std::to_string(i), "fr", "Le rapport annuel."));
  auto searcher = searcher_over(dir, documents);
  SearchRequest request;
  request.q = "poote ";  // one typo from "porte" (20 documents) and from "poste" (2)
  auto response = searcher->search(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->total_hits, 22u) << "the promotion adds no match";
  std::vector<std::string> ids;
  for (const auto& hit : response->hits) ids.push_back(hit.document.id);
  ASSERT_EQ(ids.size(), 10u);
  EXPECT_EQ(ids.front(), "poste-best") << "raised above the likelier reading's nine best (all tied)";
  EXPECT_EQ(
      std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.starts_with("porte-"); }),
      9);
  request.typo_tolerance = false;
  EXPECT_TRUE(hit_ids(*searcher, request).empty()) << "without typo tolerance nothing matches";
}

// The readings' best documents are remembered from one keystroke to the next, and forgotten when the index
// changes: a better document added since is the reading's best at once.
TEST(CompletionPromotion, ABestRememberedIsForgottenWhenTheIndexChanges) {
  testing::TempDir dir;
  auto searcher = searcher_over(dir, protection_and_programme());
  SearchRequest request;
  request.q = "pro";
  std::vector<std::string> first = hit_ids(*searcher, request);
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(first.back(), "programme-best");
  EXPECT_EQ(hit_ids(*searcher, request), first) << "the same answer from the remembered bests";
  {
    auto writer = index::IndexWriter::open((dir / "db").string());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(document_of("programme-new", "fr", "Le programme.")).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  ASSERT_TRUE(searcher->refresh().ok());
  std::vector<std::string> after = hit_ids(*searcher, request);
  ASSERT_EQ(after.size(), 10u);
  EXPECT_EQ(after.back(), "programme-new") << "shorter, the programme reading's best now";
}

// Another form of the word being typed (`problèmes` beside `problème`, one stem) is a reading too, written as
// the documents write it: the first page holds the best hit of the finished word with its accents.
TEST(CompletionPromotion, TheFirstPageHoldsTheBestHitOfAnotherFormAsDocumentsWriteIt) {
  testing::TempDir dir;
  std::vector<index::Document> documents;
  for (int i = 0; i < 20; ++i)  // shorter: the stem ranks them first
    documents.push_back(document_of("probleme-" + std::to_string(10 + i), "fr", "Problème."));
  documents.push_back(document_of("problemes-accented", "fr", "Les problèmes."));
  documents.push_back(document_of("a-problemes-plain", "fr", "Les problemes."));  // wins ties by id
  for (int i = 0; i < 100; ++i)
    documents.push_back(document_of("other-" + std::to_string(i), "fr", "Le rapport annuel."));
  auto searcher = searcher_over(dir, documents);
  SearchRequest request;
  request.q = "problèmes ";
  ASSERT_FALSE(hit_ids(*searcher, request).empty());
  EXPECT_EQ(hit_ids(*searcher, request).front(), "problemes-accented") << "the finished word's best";
  request.q = "problèm";
  std::vector<std::string> ids = hit_ids(*searcher, request);
  ASSERT_EQ(ids.size(), 10u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "problemes-accented"), ids.end())
      << "the other form's best, its accents written as the documents write them";
  EXPECT_EQ(std::count_if(ids.begin(), ids.end(),
                          [](const std::string& id) { return id.starts_with("probleme-"); }),
            9);
}

// Beside other words, the completion of the word being typed that shares the most documents with them is
// the likeliest, however frequent another is in the whole index.
TEST(CompletionsInContext, TheCompletionSharingMostDocumentsWithTheOtherWordsRanksFirst) {
  testing::TempDir dir;
  std::vector<index::Document> documents;
  for (int i = 0; i < 2; ++i)
    documents.push_back(document_of("kaolack-progres-" + std::to_string(i), "fr",
                                    "À Kaolack, les progrès des familles sont nets."));
  documents.push_back(document_of("kaolack-programme", "fr", "À Kaolack, un programme pour les familles."));
  for (int i = 0; i < 10; ++i)
    documents.push_back(document_of("programme-" + std::to_string(i), "fr", "Le programme des écoles."));
  for (int i = 0; i < 100; ++i)
    documents.push_back(document_of("other-" + std::to_string(i), "fr", "Les écoles du Sénégal."));
  auto searcher = searcher_over(dir, documents);
  SearchRequest request;
  request.q = "kaolack prog";
  auto ids = hit_ids(*searcher, request);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_TRUE(ids.front().starts_with("kaolack-progres")) << "progrès stands beside kaolack twice";
  EXPECT_EQ(ids.back(), "kaolack-programme");
}

TEST(TermCacheInUse, ANewCommitBringsNewCompletionsVariantsAndSharedDocuments) {
  testing::TempDir dir;
  auto searcher = searcher_over(dir, {document_of("d0", "fr", "Les zèbres de la savane.")});
  auto ids = [&](const std::string& q) {
    SearchRequest request;
    request.q = q;
    return hit_ids(*searcher, request);
  };
  EXPECT_EQ(ids("zanzi"), std::vector<std::string>{});
  EXPECT_EQ(ids("zanzibarr "), std::vector<std::string>{});
  {
    auto writer = index::IndexWriter::open((dir / "db").string());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(document_of("d1", "fr", "Le port de Zanzibar.")).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  ASSERT_TRUE(searcher->refresh().ok());
  EXPECT_EQ(ids("zanzi"), std::vector<std::string>{"d1"}) << "a completion the old word list did not have";
  EXPECT_EQ(ids("zanzibarr "), std::vector<std::string>{"d1"})
      << "a typo variant the old word list did not have";
  auto relaxed = [&](const std::string& q) {  // no document held every word
    SearchRequest request;
    request.q = q;
    auto response = searcher->search(request);
    return response.ok() && response->partial_match;
  };
  EXPECT_TRUE(relaxed("savane zanzi")) << "zanzibar shares no document with savane";
  {
    auto writer = index::IndexWriter::open((dir / "db").string());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(document_of("d2", "fr", "De la savane à Zanzibar.")).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  ASSERT_TRUE(searcher->refresh().ok());
  EXPECT_FALSE(relaxed("savane zanzi")) << "the count of shared documents is new";
  EXPECT_EQ(ids("savane zanzi"), std::vector<std::string>{"d2"});
}

TEST(Wildcards, APrefixOverAHundredThousandWordsStaysBounded) {
  testing::TempDir dir;
  std::vector<index::Document> documents(10);
  for (int part = 0; part < 10; ++part) {
    documents[part].id = "words-" + std::to_string(part);
    documents[part].lang = "fr";
    for (int i = 0; i < 10000; ++i) documents[part].body += "a" + std::to_string(part * 10000 + i) + "x ";
  }
  auto searcher = searcher_over(dir, documents);
  SearchRequest request;
  request.q = "a*";
  request.facets = {"lang"};
  auto response = searcher->search(request);
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_GT(response->total_hits, 0u) << "matches through the 100 most frequent expansions";
  EXPECT_LE(response->total_hits, 10u);
}

}  // namespace
}  // namespace sonda::search

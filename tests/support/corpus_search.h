// CorpusSearch: the search core over the sample corpus indexed once per test suite, for core-level tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "support/corpus_index.h"

namespace sonda::search {

// A test fixture holding a Searcher over the sample corpus (SONDA_CORPUS_DIR), indexed once per suite.
class CorpusSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::build_index(SONDA_CORPUS_DIR, (dir_->path() / "db").string());
  }
  static void TearDownTestSuite() { delete dir_; }

  void SetUp() override {
    auto opened = Searcher::open((dir_->path() / "db").string(), testing::builtin_gazetteer());
    ASSERT_TRUE(opened.ok());
    searcher_ = std::move(*opened);
  }

  SearchResponse search(SearchRequest request) {
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.ok()) << (response.ok() ? "" : response.error().message);
    return response.ok() ? *response : SearchResponse{};
  }
  SearchResponse search(const std::string& q, const std::string& lang = "", int hits_per_page = 100) {
    SearchRequest request;
    request.q = q;
    request.lang = lang;
    request.hits_per_page = hits_per_page;
    return search(request);
  }
  static std::vector<std::string> ids(const SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) out.push_back(hit.document.id);
    return out;
  }

  static inline testing::TempDir* dir_ = nullptr;
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace sonda::search

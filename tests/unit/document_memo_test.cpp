// Documents fetched once per search: only the numbers not fetched before are asked for, in one call.
#include "search/document_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::search {
namespace {

TEST(DocumentMemo, AsksOnlyForDocumentsNotFetchedBeforeAndAnswersInOrder) {
  std::vector<std::vector<Xapian::docid>> asked;
  DocumentMemo memo([&](const std::vector<Xapian::docid>& docids) {
    asked.push_back(docids);
    std::vector<Xapian::Document> out;
    for (Xapian::docid docid : docids) {
      Xapian::Document document;
      document.set_data("doc " + std::to_string(docid));
      out.push_back(document);
    }
    return out;
  });
  auto data = [](const std::vector<Xapian::Document>& documents) {
    std::vector<std::string> out;
    for (const auto& document : documents) out.push_back(document.get_data());
    return out;
  };
  EXPECT_EQ(data(memo.documents({7, 3, 7})), (std::vector<std::string>{"doc 7", "doc 3", "doc 7"}));
  EXPECT_EQ(data(memo.documents({3, 9, 1})), (std::vector<std::string>{"doc 3", "doc 9", "doc 1"}));
  EXPECT_EQ(data(memo.documents({1, 7})), (std::vector<std::string>{"doc 1", "doc 7"}));
  const std::vector<std::vector<Xapian::docid>> expected = {{7, 3}, {9, 1}};  // nothing the third time
  EXPECT_EQ(asked, expected);
  EXPECT_TRUE(memo.documents({}).empty());
  EXPECT_EQ(asked.size(), 2u);
}

}  // namespace
}  // namespace sonda::search

// Which original files the server serves: source paths inside the served folders only, by format.
#include "server/source_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.h"

namespace sonda::server {
namespace {

index::Document document_from(const std::string& source, const std::string& format) {
  index::Document document;
  document.id = source;
  document.source = source;
  document.format = format;
  return document;
}

class SourceFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(corpus_ / "fr");
    std::filesystem::create_directories(outside_.path());
    std::ofstream(corpus_ / "fr" / "rapport.pdf") << "%PDF-1.4";
    std::ofstream(corpus_ / "fr" / "page.html") << "<script>alert(1)</script>";
    std::ofstream(corpus_ / "records.jsonl") << "{}";
    std::ofstream(outside_ / "secret.txt") << "secret";
    std::filesystem::create_symlink(outside_ / "secret.txt", corpus_ / "fr" / "link.txt");
    std::filesystem::create_directory_symlink(outside_.path(), corpus_ / "out");
  }
  testing::TempDir dir_;
  testing::TempDir outside_;
  std::filesystem::path corpus_ = dir_.path() / "corpus";
};

TEST_F(SourceFilesTest, ServesFilesBelowTheFolderAndNothingElse) {
  SourceFiles files({corpus_});
  struct Case {
    std::string source, format;
    bool served;
  };
  for (const Case& c : std::vector<Case>{
           {"fr/rapport.pdf", "pdf", true},
           {"fr/page.html", "html", true},
           {"fr/./rapport.pdf", "pdf", true},
           {"fr/missing.pdf", "pdf", false},
           {"records.jsonl", "jsonl", false},  // a record has no file of its own
           {"fr", "txt", false},               // a folder
           {"../corpus/fr/rapport.pdf", "pdf", false},
           {"fr/../../corpus/fr/rapport.pdf", "pdf", false},
           {(corpus_ / "fr/rapport.pdf").string(), "pdf", false},  // absolute
           {"fr/link.txt", "txt", false},                          // a link out of the folder
           {"out/secret.txt", "txt", false},
           {"", "pdf", false},
       }) {
    auto found = files.find(document_from(c.source, c.format));
    EXPECT_EQ(static_cast<bool>(found), c.served) << c.source;
    if (!found) {
      EXPECT_EQ(found.error().code, ErrorCode::not_found) << c.source;
    }
  }
}

TEST_F(SourceFilesTest, TypesNamesAndSandboxFollowTheFormat) {
  SourceFiles files({dir_.path() / "elsewhere", corpus_});  // the first folder holding the file serves it
  auto pdf = files.find(document_from("fr/rapport.pdf", "pdf"));
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->content_type, "application/pdf");
  EXPECT_EQ(pdf->filename, "rapport.pdf");
  EXPECT_FALSE(pdf->sandboxed);
  auto page = files.find(document_from("fr/page.html", "html"));
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->sandboxed) << "a served page never runs scripts on the server's origin";
  HttpResponse response = file_response(*page);
  EXPECT_EQ(response.content_type, "text/html");
  EXPECT_NE(std::find(response.headers.begin(), response.headers.end(),
                      std::pair<std::string, std::string>{"Content-Security-Policy", "sandbox"}),
            response.headers.end());
  std::string body;
  ASSERT_TRUE(response.stream);
  response.stream([&](std::string_view piece) {
    body += piece;
    return true;
  });
  EXPECT_EQ(body, "<script>alert(1)</script>");
}

TEST(SourceFiles, WithoutFoldersNothingIsServedAndTheErrorSaysHowToServe) {
  SourceFiles none({});
  EXPECT_FALSE(none.enabled());
  auto found = none.find(document_from("fr/rapport.pdf", "pdf"));
  ASSERT_FALSE(found);
  EXPECT_NE(found.error().message.find("--files"), std::string::npos);
  EXPECT_EQ(source_file_route("fr/rapport annuel.pdf"), "/documents/fr%2Frapport%20annuel.pdf/file");
}

}  // namespace
}  // namespace sonda::server

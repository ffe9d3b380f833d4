// The scanner: which files are sources, their relative paths, sidecars, stamps, and what it refuses.
#include <gtest/gtest.h>

#include <fstream>

#include "indexer/source_scanner.h"
#include "support/temp_dir.h"

namespace sonda::indexer {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST(SourceScanner, FindsSourcesSidecarsAndSkipsTheRest) {
  testing::TempDir dir;
  write(dir / "docs" / "b.md", "b");
  write(dir / "docs" / "a" / "report.pdf", "%PDF");
  write(dir / "docs" / "a" / "report.pdf.meta.json", "{}");
  write(dir / "docs" / "a" / "note.docx", "PK");
  write(dir / "docs" / "a" / "note.meta.json", "{}");
  write(dir / "docs" / "image.png", "png");
  write(dir / "elsewhere" / "c.md", "c");
  fs::create_directory_symlink(dir / "elsewhere", dir / "docs" / "linked-folder");
  fs::create_symlink(dir / "elsewhere" / "c.md", dir / "docs" / "linked.md");
  fs::create_symlink(dir / "docs" / "missing.md", dir / "docs" / "dangling.md");
  auto scan = scan_sources({dir / "docs"});
  ASSERT_TRUE(scan.ok());
  std::vector<std::string> relative;
  for (const SourceFile& file : scan->files) relative.push_back(file.relative);
  EXPECT_EQ(relative, (std::vector<std::string>{"a/note.docx", "a/report.pdf", "b.md", "linked.md"}))
      << "sorted, sidecars and linked folders left out";
  EXPECT_EQ(scan->files[0].sidecar->filename(), "note.meta.json");
  EXPECT_EQ(scan->files[1].sidecar->filename(), "report.pdf.meta.json");
  EXPECT_FALSE(scan->files[2].sidecar.has_value());
  EXPECT_NE(scan->files[1].stamp.find('|'), std::string::npos) << "the sidecar's stamp is part of the file's";
  EXPECT_EQ(scan->unsupported, 1u);
  ASSERT_EQ(scan->problems.size(), 1u);
  EXPECT_EQ(scan->problems[0].first, "dangling.md");
  EXPECT_EQ(scan->folder_roots, (std::vector<std::string>{(dir / "docs").string()}));
}

TEST(SourceScanner, SingleFilesAndMissingPaths) {
  testing::TempDir dir;
  write(dir / "one.txt", "one");
  auto scan = scan_sources({dir / "one.txt"});
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->files.size(), 1u);
  EXPECT_EQ(scan->files[0].relative, "one.txt");
  EXPECT_TRUE(scan->folder_roots.empty()) << "a file given alone never makes others look gone";
  auto missing = scan_sources({dir / "nothing"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST(SourceScanner, StampChangesWithContentOrTime) {
  testing::TempDir dir;
  write(dir / "a.md", "one");
  std::string before = file_stamp(dir / "a.md");
  fs::last_write_time(dir / "a.md", fs::last_write_time(dir / "a.md") + std::chrono::seconds(5));
  EXPECT_NE(file_stamp(dir / "a.md"), before);
  EXPECT_EQ(file_stamp(dir / "absent.md"), "");
}

}  // namespace
}  // namespace sonda::indexer

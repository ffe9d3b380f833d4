// The stub-file layout: first run creates it, rebuilds get new generations, a switch is one rename.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "index/database_layout.h"
#include "index/index_writer.h"
#include "index/source_state.h"
#include "support/temp_dir.h"

namespace sonda::index {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void add_one(const std::string& folder, const std::string& id) {
  auto writer = IndexWriter::open(folder);
  ASSERT_TRUE(writer.ok());
  Document document;
  document.id = id;
  document.body = "texte";
  ASSERT_TRUE((*writer)->add(document).ok());
  ASSERT_TRUE((*writer)->commit().ok());
}

TEST(DatabaseLayout, StubGenerationsAndAtomicSwitch) {
  testing::TempDir dir;
  std::string stub = (dir / "index").string();
  auto layout = DatabaseLayout::open_or_create(stub);
  ASSERT_TRUE(layout.ok());
  EXPECT_TRUE(layout->switchable());
  EXPECT_EQ(read(stub), "auto index.d/gen-000001\n");
  add_one(layout->live_directory(), "old");
  EXPECT_EQ(Xapian::Database(stub).get_doccount(), 1u) << "readers open the stub";

  for (int rebuild = 2; rebuild <= 4; ++rebuild) {
    auto next = layout->create_next_generation();
    ASSERT_TRUE(next.ok());
    add_one(*next, "new" + std::to_string(rebuild));
    ASSERT_TRUE(layout->switch_to(*next).ok());
    Xapian::Database reader(stub);
    EXPECT_EQ(reader.get_doccount(), 1u);
    EXPECT_NE(reader.postlist_begin("Qnew" + std::to_string(rebuild)),
              reader.postlist_end("Qnew" + std::to_string(rebuild)));
  }
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir / "index.d")) left.push_back(entry.path().filename());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"gen-000003", "gen-000004"}))
      << "the live one and the one before";
  EXPECT_EQ(DatabaseLayout::open_or_create(stub)->live_directory(),
            (dir / "index.d" / "gen-000004").string());
}

TEST(DatabaseLayout, PlainFolderIsWrittenInPlaceButNotRebuilt) {
  testing::TempDir dir;
  add_one((dir / "plain").string(), "x");
  auto layout = DatabaseLayout::open_or_create((dir / "plain").string());
  ASSERT_TRUE(layout.ok());
  EXPECT_FALSE(layout->switchable());
  EXPECT_EQ(layout->live_directory(), (dir / "plain").string());
  EXPECT_FALSE(layout->create_next_generation().ok());
}

TEST(SourceState, RoundTripsAndRejectsForeignValues) {
  SourceState state{"/data/corpus", "fr/a b.md", "12:1700000000123456789|3:1", 0x0123456789abcdefull};
  auto decoded = decode_source_state(encode_source_state(state));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->root, state.root);
  EXPECT_EQ(decoded->path, state.path);
  EXPECT_EQ(decoded->stamp, state.stamp);
  EXPECT_EQ(decoded->content_hash, state.content_hash);
  EXPECT_FALSE(decode_source_state("something else").has_value());
  EXPECT_LE(source_state_key(std::string(500, 'x')).size(), 200u) << "long paths are hashed into short keys";
}

TEST(IndexWriter, SourceStatesCommitWithDocumentsAndLeaveWithTheirSource) {
  testing::TempDir dir;
  auto writer = IndexWriter::open((dir / "db").string());
  ASSERT_TRUE(writer.ok());
  Document document;
  document.id = "doc";
  document.source = "folder/file.md";
  document.body = "texte";
  ASSERT_TRUE((*writer)->add(document).ok());
  ASSERT_TRUE((*writer)->put_source_state({"/root", "folder/file.md", "1:2", 42}).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  ASSERT_EQ((*writer)->source_states()->size(), 1u);
  ASSERT_TRUE((*writer)->remove_source("folder/file.md").ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 0u);
  EXPECT_TRUE((*writer)->source_states()->empty());
}

}  // namespace
}  // namespace sonda::index

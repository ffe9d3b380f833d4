// The stub-file layout: first run creates it, rebuilds get new generations, a switch is one rename.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "index/database_layout.h"
#include "index/index_writer.h"
#include "index/schema.h"
#include "index/shard_routing.h"
#include "index/source_state.h"
#include "index/stub_file.h"
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

TEST(DatabaseLayout, ARebuildFirstClearsWhatKilledRebuildsLeft) {
  testing::TempDir dir;
  std::string stub = (dir / "index").string();
  auto layout = DatabaseLayout::open_or_create(stub);
  ASSERT_TRUE(layout.ok());
  for (int killed = 0; killed < 3; ++killed) {  // each run died before its switch
    auto next = layout->create_next_generation();
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(*next, (dir / "index.d" / "gen-000002").string());
    add_one(*next, "half");
    fs::create_directories(*next + ".parts/part-0");
  }
  auto next = layout->create_next_generation();
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(fs::is_empty(*next)) << "a fresh folder";
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir / "index.d")) left.push_back(entry.path().filename());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"gen-000001", "gen-000002"})) << "the killed runs' parts gone";
  EXPECT_EQ(Xapian::Database(stub).get_doccount(), 0u) << "the live generation untouched";
}

TEST(DatabaseLayout, AFirstGenerationWhoseCreationWasKilledIsMadeAgain) {
  testing::TempDir dir;
  fs::path first = dir / "index.d" / "gen-000001";
  fs::create_directories(first);
  Xapian::WritableDatabase(first.string(), Xapian::DB_CREATE_OR_OPEN).close();
  std::ofstream(first / "iamglass")
      << "half";  // killed while the empty database was written, before the stub
  auto layout = DatabaseLayout::open_or_create((dir / "index").string());
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  EXPECT_EQ(Xapian::Database((dir / "index").string()).get_doccount(), 0u);
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

TEST(DatabaseLayout, ShardedGenerationsNameEveryShardInTheStub) {
  testing::TempDir dir;
  std::string stub = (dir / "index").string();
  auto layout = DatabaseLayout::open_or_create(stub, 3);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(read(stub),
            "auto index.d/gen-000001/shard-0\nauto index.d/gen-000001/shard-1\n"
            "auto index.d/gen-000001/shard-2\n");
  ASSERT_EQ(layout->shard_directories().size(), 3u);
  EXPECT_EQ(DatabaseLayout::open_or_create(stub, 1)->shard_directories(), layout->shard_directories())
      << "an existing index keeps its shards";

  auto next = layout->create_next_generation();
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(IndexWriter::open(shard_folders(*next, 2)).ok());
  ASSERT_TRUE(layout->switch_to(*next, 2).ok());
  EXPECT_EQ(read(stub), "auto index.d/gen-000002/shard-0\nauto index.d/gen-000002/shard-1\n");
  EXPECT_EQ(DatabaseLayout::open_or_create(stub)->shard_directories(), shard_folders(*next, 2));
  EXPECT_EQ(Xapian::Database(stub).get_doccount(), 0u) << "Xapian opens the sharded stub itself";

  std::ofstream(stub) << "remote search-2.example.org:33333\n";
  auto remote = DatabaseLayout::open_or_create(stub);
  ASSERT_FALSE(remote.ok());
  EXPECT_EQ(remote.error().code, ErrorCode::invalid_argument);
}

TEST(IndexWriter, ShardedWriterRoutesByIdAndKeepsStatesInShardZero) {
  testing::TempDir dir;
  std::vector<std::string> shards = shard_folders((dir / "gen").string(), 3);
  auto writer = IndexWriter::open(shards);
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 30; ++i) {
    Document document;
    document.id = "doc-" + std::to_string(i);
    document.source = "file.jsonl";
    document.body = "texte";
    ASSERT_TRUE((*writer)->add(document).ok());
  }
  ASSERT_TRUE((*writer)->put_source_state({"/root", "file.jsonl", "1:2", 42}).ok());
  ASSERT_TRUE((*writer)->remove("doc-7").ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 29u);
  for (size_t shard = 0; shard < 3; ++shard) {
    Xapian::Database database(shards[shard]);
    EXPECT_GT(database.get_doccount(), 0u);
    for (auto posting = database.postlist_begin(""); posting != database.postlist_end(""); ++posting)
      EXPECT_EQ(shard_of(database.get_document(*posting).get_value(kIdSlot), 3), shard);
    EXPECT_EQ(database.get_metadata(source_state_key("file.jsonl")).empty(), shard != 0);
  }
  ASSERT_TRUE((*writer)->remove_source("file.jsonl").ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 0u) << "a source's documents leave every shard";
}

TEST(ShardRouting, StableHashOfTheId) {
  EXPECT_EQ(shard_of("anything", 1), 0u);
  EXPECT_EQ(shard_of("fr/perou.md", 3), shard_of("fr/perou.md", 3));
  std::vector<int> per_shard(3);
  for (int i = 0; i < 3000; ++i) ++per_shard[shard_of("doc-" + std::to_string(i), 3)];
  for (int count : per_shard) EXPECT_NEAR(count, 1000, 100) << "documents spread evenly";
  EXPECT_EQ(shard_of("fr/perou.md", 7), fnv1a("fr/perou.md") % 7) << "the documented routing";
}

struct StubCase {
  std::string text;
  std::vector<std::string> expected;  // path, or HOST:PORT for remote shards; empty: an error
};

TEST(StubFile, ParsesLocalAndRemoteLines) {
  const std::vector<StubCase> cases = {
      {"auto gen/shard-0\nauto gen/shard-1\n", {"/base/gen/shard-0", "/base/gen/shard-1"}},
      {"# shards\n\nglass /abs/db\n", {"/abs/db"}},
      {"remote search-2.example.org:33333\n", {"search-2.example.org:33333"}},
      {"remote tcp 10.0.0.3:33333\nauto local\n", {"10.0.0.3:33333", "/base/local"}},
      {"remote 10.0.0.3\n", {}},
      {"remote :xapian-progsrv db\n", {}},
      {"remote host:0\n", {}},
      {"remote host:70000\n", {}},
      {"remote host:12x\n", {}},
      {"auto\n", {}},
      {"chert db\n", {}},
      {"\n# nothing\n", {}},
  };
  for (const StubCase& test : cases) {
    auto entries = parse_stub(test.text, "/base");
    if (test.expected.empty()) {
      EXPECT_FALSE(entries.ok()) << test.text;
      continue;
    }
    ASSERT_TRUE(entries.ok()) << test.text << entries.error().message;
    std::vector<std::string> got;
    for (const StubEntry& entry : *entries)
      got.push_back(entry.remote() ? entry.host + ":" + std::to_string(entry.port) : entry.path);
    EXPECT_EQ(got, test.expected) << test.text;
  }
}

}  // namespace
}  // namespace sonda::index

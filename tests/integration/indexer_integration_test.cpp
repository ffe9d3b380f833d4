// sonda-index end to end: the sample corpus, re-runs, and every bad-input case with its exit code.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "index/index_writer.h"
#include "index/packed_body.h"
#include "index/schema.h"
#include "index/stored_fields.h"
#include "support/corpus_index.h"
#include "support/document_fixtures.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace sonda {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run_command;
using testing::shell_quote;
using testing::TempDir;

testing::CommandResult index(const fs::path& db, const std::string& paths) {
  return run_command(std::string(SONDA_INDEX_EXE) + " --db " + shell_quote(db.string()) + " " + paths);
}

size_t files_in(const fs::path& folder, const std::string& suffix) {
  size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.path().string().ends_with(suffix)) ++count;
  return count;
}

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::set<std::string> ids_with_term(const Xapian::Database& db, const std::string& term) {
  std::set<std::string> ids;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
    ids.insert(db.get_document(*p).get_value(index::kIdSlot));
  return ids;
}

class CorpusIndex : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    first_run_ = new testing::CommandResult(index(dir_->path() / "db", SONDA_CORPUS_DIR));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete dir_;
  }
  static fs::path db_path() { return dir_->path() / "db"; }
  static size_t corpus_documents() {
    size_t count = 0;
    for (const char* suffix : {".md", ".txt", ".html", ".pdf", ".docx", ".odt"})
      count += files_in(SONDA_CORPUS_DIR, suffix);
    return count;
  }
  static TempDir* dir_;
  static testing::CommandResult* first_run_;
};
TempDir* CorpusIndex::dir_ = nullptr;
testing::CommandResult* CorpusIndex::first_run_ = nullptr;

TEST_F(CorpusIndex, IndexesEveryDocument) {
  ASSERT_EQ(first_run_->exit_code, 0) << first_run_->output;
  EXPECT_NE(first_run_->output.find("failed 0"), std::string::npos) << first_run_->output;
  Xapian::Database db(db_path().string());
  EXPECT_GE(corpus_documents(), 40u);
  EXPECT_EQ(db.get_doccount(), corpus_documents());
}

TEST_F(CorpusIndex, ReRunReplacesInsteadOfDuplicating) {
  auto again = index(db_path(), SONDA_CORPUS_DIR);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  Xapian::Database db(db_path().string());
  EXPECT_EQ(db.get_doccount(), corpus_documents());
}

TEST_F(CorpusIndex, BothLanguagesMeetOnTheirStems) {
  Xapian::Database db(db_path().string());
  auto chat = ids_with_term(db, "Zchat");
  auto castig = ids_with_term(db, "Zcastig");
  EXPECT_TRUE(chat.contains("fr/perou-petite-enfance.md"));
  EXPECT_TRUE(chat.contains("fr/campagne-sans-violence.md")) << "CHÂTIMENTS CORPORELS in capitals";
  EXPECT_TRUE(chat.contains("fr/senegal-daara.md")) << "châtiment corporel, singular";
  EXPECT_TRUE(castig.contains("es/peru-primera-infancia.md"));
  EXPECT_TRUE(castig.contains("es/guatemala-violencia-escuelas.md"));
  for (const auto& id : chat) EXPECT_TRUE(id.starts_with("fr/")) << id;
  EXPECT_GE(db.get_termfreq("Lfr"), 15u);
  EXPECT_GE(db.get_termfreq("Les"), 15u);
}

TEST_F(CorpusIndex, ReadsFrontMatterIntoFields) {
  Xapian::Database db(db_path().string());
  auto posting = db.postlist_begin(index::id_term("es/peru-primera-infancia.md"));
  ASSERT_NE(posting, db.postlist_end(index::id_term("es/peru-primera-infancia.md")));
  auto stored = index::decode_stored_fields(db.get_document(*posting).get_data());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->lang, "es");
  EXPECT_EQ(stored->year, 2019);
  EXPECT_EQ(stored->countries, (std::vector<std::string>{"PE"})) << "Perú, stored as its gazetteer key";
  EXPECT_FALSE(stored->title.empty());
}

TEST_F(CorpusIndex, HoldsEveryFormatWithItsMetadata) {
  Xapian::Database db(db_path().string());
  for (const char* format : {"md", "txt", "html", "pdf", "docx", "odt"})
    EXPECT_GE(db.get_termfreq(std::string("T") + format), format == std::string("md") ? 30u : 1u) << format;
  auto posting = db.postlist_begin(index::id_term("es/guatemala-nota-castigo-fisico.pdf"));
  ASSERT_NE(posting, db.postlist_end(index::id_term("es/guatemala-nota-castigo-fisico.pdf")));
  auto stored = index::decode_stored_fields(db.get_document(*posting).get_data());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->author, "Save the Children") << "from the PDF information";
  EXPECT_EQ(stored->type, "policy-brief") << "from the sidecar, mapped through the gazetteer";
  EXPECT_EQ(stored->countries, (std::vector<std::string>{"GT"}));
  EXPECT_EQ(stored->year, 2022);
}

TEST(IndexerErrors, MissingPathExitsTwo) {
  TempDir dir;
  auto result = index(dir / "db", shell_quote((dir / "nowhere").string()));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("no such file or folder"), std::string::npos) << result.output;
}

TEST(IndexerErrors, UnwritableDatabaseExitsThree) {
  TempDir dir;
  write(dir / "blocker", "a file where a folder should be");
  write(dir / "docs" / "a.md", "hello");
  auto result = index(dir / "blocker" / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(result.exit_code, 3) << result.output;
  EXPECT_NE(result.output.find("cannot"), std::string::npos) << result.output;
}

TEST(IndexerErrors, LockedDatabaseExitsFour) {
  TempDir dir;
  write(dir / "docs" / "a.md", "hello");
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  auto result = index(dir / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(result.exit_code, 4) << result.output;
  EXPECT_NE(result.output.find("locked"), std::string::npos) << result.output;
}

TEST(IndexerErrors, MalformedFrontMatterIsReportedAndSkipped) {
  TempDir dir;
  write(dir / "docs" / "good.md", "---\ntitle: Bon\nlang: fr\n---\nLes enfants.");
  write(dir / "docs" / "bad.md", "---\ntitle: Mauvais\nlang fr\n---\nTexte.");
  write(dir / "docs" / "open.md", "---\ntitle: Jamais fermé\n");
  auto result = index(dir / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("bad.md: malformed front matter: line 3"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("open.md: malformed front matter"), std::string::npos) << result.output;
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 1u);
}

TEST(IndexerErrors, MalformedJsonLineIsReportedWithItsLine) {
  TempDir dir;
  write(dir / "docs" / "batch.jsonl",
        "{\"id\":\"a\",\"lang\":\"es\",\"text\":\"uno\"}\n"
        "{\"id\":\"b\",\"text\":\n"
        "{\"id\":\"c\",\"lang\":\"fr\",\"text\":\"trois\"}\n");
  auto result = index(dir / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("batch.jsonl:2: not valid JSON"), std::string::npos) << result.output;
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 2u);
}

TEST(IndexerInputs, TheSummaryCountsTheTextIndexedNotTheFileBytes) {
  TempDir dir;
  std::string text(40000, 'a');
  for (size_t i = 0; i < text.size(); i += 8) text[i] = ' ';
  std::ofstream(dir / "records.jsonl")
      << R"({"id":"r1","lang":"fr","title":"Titre","text":")" << text << "\"}\n";
  ASSERT_EQ(run_command("gzip " + shell_quote((dir / "records.jsonl").string())).exit_code, 0);
  ASSERT_LT(fs::file_size(dir / "records.jsonl.gz"), 2000u) << "the file is far smaller than its text";
  auto result = index(dir / "db", shell_quote((dir / "records.jsonl.gz").string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::smatch text_mb;
  ASSERT_TRUE(std::regex_search(result.output, text_mb, std::regex(R"(([0-9.]+) MB of text)")))
      << result.output;
  EXPECT_EQ(text_mb[1], "0.04") << "title and body: 40,005 bytes";
}

TEST(IndexerErrors, BadCommandLineExitsTwo) {
  EXPECT_EQ(run_command(std::string(SONDA_INDEX_EXE)).exit_code, 2);
  EXPECT_EQ(run_command(std::string(SONDA_INDEX_EXE) + " --no-such-flag x").exit_code, 2);
  auto help = run_command(std::string(SONDA_INDEX_EXE) + " --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--batch-size"), std::string::npos);
}

TEST(IndexerInputs, GzipJsonLinesAndInvalidUtf8) {
  TempDir dir;
  std::string line = "{\"id\":\"g1\",\"lang\":\"es\",\"text\":\"castigos ni\xF1os\"}\n";
  write(dir / "docs" / "plain.jsonl", line);
  ASSERT_EQ(run_command("gzip -c " + shell_quote((dir / "docs" / "plain.jsonl").string()) + " > " +
                        shell_quote((dir / "docs" / "packed.jsonl.gz").string()))
                .exit_code,
            0);
  fs::remove(dir / "docs" / "plain.jsonl");
  write(dir / "docs" / "latin.txt", std::string("caf\xE9 et ch\xE2timents"));
  auto result = index(dir / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_termfreq("Zcastig"), 1u);
}

// Makes `folder` and everything in it writable by anyone, so that a run as another user can use it.
void open_to_everyone(const fs::path& folder) {
  fs::permissions(folder, fs::perms::all);
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (!entry.is_symlink()) fs::permissions(entry.path(), fs::perms::all);
}

TEST(IndexerErrors, EveryBrokenInputIsReportedSkippedAndTheRunGoesOn) {
  TempDir dir;
  fs::path docs = dir / "docs";
  write(docs / "good.md", "---\ntitle: Bon\nlang: fr\n---\nLes châtiments corporels reculent.");
  testing::DocumentSpec spec;
  spec.title = "Secret";
  spec.paragraphs = {"Texte protégé par un mot de passe."};
  write(docs / "corrupt.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref");
  write(docs / "encrypted.pdf", testing::make_pdf(spec, true));
  write(docs / "fake.docx", "Ceci n'est pas un document Word, seulement du texte.");
  testing::write_zip(docs / "bomb.docx", {{"word/document.xml", std::string(8u << 20, '\0')}});
  write(docs / "empty.md", "");
  write(docs / "binary.txt", std::string("\x7F"
                                         "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                         20));
  write(docs / "unreadable.md", "Personne ne peut me lire.");
  fs::create_symlink("loop.md", docs / "loop.md");
  write(docs / "notes.xyz", "an extension Sonda does not read");
  {
    std::ofstream huge(docs / "huge.txt", std::ios::binary);
    std::string block = std::string(1023, 'a') + "\n";
    for (int i = 0; i < 200 * 1024; ++i) huge << block;  // 200 MiB of text
  }
  open_to_everyone(dir.path());
  fs::permissions(docs / "unreadable.md", fs::perms::none);
  // As root every file is readable: run as "nobody" so that the permission check is real.
  std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  auto result = run_command(as_user + SONDA_INDEX_EXE + " -q --max-text-mb 1 --max-unzipped-mb 1 --db " +
                            shell_quote((dir / "db").string()) + " " + shell_quote(docs.string()));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"corrupt.pdf", "corrupt or not a PDF"},
      {"encrypted.pdf", "encrypted PDF"},
      {"fake.docx", "not a valid zip archive"},
      {"bomb.docx", "word/document.xml decompresses to more than 1 MiB (zip bomb?)"},
      {"empty.md", "empty file"},
      {"binary.txt", "binary content"},
      {"unreadable.md", "cannot be read: Permission denied"},
      {"loop.md", "cannot be resolved"},
      {"huge.txt", "warning: larger than 1 MiB; indexed the first 1 MiB"},
  };
  for (const auto& [file, reason] : expected)
    EXPECT_NE(result.output.find(file + ": " + reason), std::string::npos) << file << " in\n"
                                                                           << result.output;
  EXPECT_NE(result.output.find("failed 8, warnings 1, unsupported 1"), std::string::npos) << result.output;
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_doccount(), 2u) << "good.md and the first MiB of huge.txt";
}

TEST(IndexerInputs, OtherLanguagesKeepTheirCodeAndAreNotStemmed) {
  TempDir dir;
  write(dir / "docs" / "english.txt",
        "Children have the right to grow up free from violence, including physical punishment at home.");
  auto result = index(dir / "db", shell_quote((dir / "docs").string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_termfreq("Len"), 1u) << "CLD2 named the language";
  EXPECT_EQ(db.get_termfreq("Zchildren"), 1u) << "the stem term is the word itself";
  EXPECT_EQ(db.get_termfreq("Zchild"), 0u);
}

TEST(IndexerErrors, ReadOnlyDatabaseIsAClearErrorAndStaysIntact) {
  TempDir dir;
  write(dir / "docs" / "a.md", "---\ntitle: Un\nlang: fr\n---\nPremier texte.");
  ASSERT_EQ(index(dir / "db", shell_quote((dir / "docs").string())).exit_code, 0);
  write(dir / "docs" / "b.md", "---\ntitle: Deux\nlang: fr\n---\nSecond texte.");
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
    fs::permissions(
        entry.path(),
        fs::perms::others_read | (entry.is_directory() ? fs::perms::others_exec : fs::perms::none),
        fs::perm_options::add);
  // Root writes anywhere: run as "nobody", for whom the database is read-only.
  std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  if (geteuid() != 0) fs::permissions(dir / "db.d", fs::perms::owner_read | fs::perms::owner_exec);
  auto result = run_command(as_user + SONDA_INDEX_EXE + " -q --db " + shell_quote((dir / "db").string()) +
                            " " + shell_quote((dir / "docs").string()));
  EXPECT_TRUE(result.exit_code == 3 || result.exit_code == 4) << result.output;
  EXPECT_NE(result.output.find("sonda-index: "), std::string::npos) << result.output;
  fs::permissions(dir / "db.d", fs::perms::owner_all, fs::perm_options::add);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 1u) << "the old index is intact";
}

TEST(IndexerErrors, FullDiskIsAClearErrorAndTheOldIndexStaysIntact) {
  TempDir dir;
  write(dir / "docs" / "a.md", "---\ntitle: Un\nlang: fr\n---\nPremier texte.");
  ASSERT_EQ(index(dir / "db", shell_quote((dir / "docs").string())).exit_code, 0);
  std::string words;
  for (int i = 0; i < 200000; ++i) words += "mot" + std::to_string(i * 7919 % 1000003) + " ";
  write(dir / "docs" / "big.md", "---\ntitle: Gros\nlang: fr\n---\n" + words);
  uintmax_t largest = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "db.d"))
    if (entry.is_regular_file()) largest = std::max(largest, entry.file_size());
  // A file size limit at the largest table's size: growing any table fails as on a full disk.
  auto full = run_command("prlimit --fsize=" + std::to_string(largest) + " " + SONDA_INDEX_EXE + " -q --db " +
                          shell_quote((dir / "db").string()) + " " + shell_quote((dir / "docs").string()));
  EXPECT_EQ(full.exit_code, 3) << full.output;
  EXPECT_NE(full.output.find("sonda-index: "), std::string::npos) << full.output;
  EXPECT_NE(full.output.find("File too large"), std::string::npos) << full.output;
  Xapian::Database old((dir / "db").string());
  EXPECT_EQ(old.get_doccount(), 1u) << "the old index is intact";
  EXPECT_EQ(old.get_termfreq("premier"), 1u);
  auto again = index(dir / "db", shell_quote((dir / "docs").string()));
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 2u)
      << "with room again, the run completes";
}

TEST(IndexerErrors, FileDeletedDuringTheRunIsReported) {
  TempDir dir;
  write(dir / "docs" / "stays.md", "Reste là.");
  write(dir / "docs" / "goes.md", "Disparaît entre la liste et la lecture.");
  auto scan = indexer::scan_sources({dir / "docs"});
  ASSERT_TRUE(scan.ok());
  fs::remove(dir / "docs" / "goes.md");
  auto writer = index::IndexWriter::open((dir / "db").string());
  ASSERT_TRUE(writer.ok());
  std::ostringstream problems;
  indexer::Progress progress(problems, indexer::ProgressStyle::none);
  analysis::LanguageDetector detector;
  indexer::DatabaseSink sink(**writer, 1000);
  indexer::IncrementalIndexer run(sink, testing::builtin_gazetteer(), detector, {}, problems, progress);
  ASSERT_TRUE(run.run(*scan).ok());
  EXPECT_NE(problems.str().find("goes.md: vanished during the run"), std::string::npos) << problems.str();
  EXPECT_EQ(run.summary().added, 1u);
  EXPECT_EQ(run.summary().failed, 1u);
}

// The keys of the long bodies' chunks `db` holds.
std::vector<std::string> chunk_keys(const Xapian::Database& db) {
  std::string prefix(index::kBodyChunkKeys);
  std::vector<std::string> keys(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
  return keys;
}

// A body of about `kb` kilobytes, word `marker` halfway through.
std::string long_text(size_t kb, const std::string& marker) {
  std::string body;
  for (size_t i = 0; body.size() < kb * 1000; ++i) {
    body += "Le rapport " + std::to_string(i) + " décrit les familles rencontrées dans le district. ";
    if (body.size() >= kb * 500 && body.find(marker) == std::string::npos) body += marker + " ";
  }
  return body;
}

TEST(LongBodies, TheirChunksFollowTheDocumentThroughReplacementAndRemoval) {
  TempDir dir;
  auto writer = index::IndexWriter::open((dir / "db").string());
  ASSERT_TRUE(writer.ok());
  auto document = [](const std::string& id, size_t kb, const std::string& source) {
    index::Document d;
    d.id = id;
    d.lang = "fr";
    d.source = source;
    d.body = long_text(kb, "marqueur");
    return d;
  };
  auto keys = [&] {
    EXPECT_TRUE((*writer)->commit().ok());
    return chunk_keys(Xapian::Database((dir / "db").string()));
  };
  ASSERT_TRUE((*writer)->add(document("a", 100, "a.md")).ok());
  ASSERT_TRUE((*writer)->add(document("ab", 40, "ab.md")).ok());
  ASSERT_TRUE((*writer)->add(document("c", 2, "c.md")).ok());
  auto chunks = [](size_t kb) {  // of a body of `kb` KB (its last space trimmed)
    constexpr size_t kChunk = index::PackedBody::kOutsideChunkBytes;
    return (long_text(kb, "marqueur").size() - 1 + kChunk - 1) / kChunk;
  };
  std::vector<std::string> all = keys();
  EXPECT_EQ(all.size(), chunks(100) + chunks(40)) << "2 KB stay in the record";
  EXPECT_EQ(all.front(), index::body_chunk_key("a", 0));

  ASSERT_TRUE((*writer)->add(document("a", 50, "a.md")).ok());
  EXPECT_EQ(keys().size(), chunks(50) + chunks(40))
      << "a shorter body's replacement leaves none of the longer one's chunks";
  Xapian::Database db((dir / "db").string());
  auto posting = db.postlist_begin(index::id_term("a"));
  auto stored = index::decode_stored_fields(db.get_document(*posting).get_data(), index::BodyReading::whole,
                                            [&](const std::string& key) { return db.get_metadata(key); });
  ASSERT_TRUE(stored.has_value());
  std::string expected = long_text(50, "marqueur");
  expected.pop_back();  // the indexer trims the last space
  EXPECT_TRUE(stored->body == expected)
      << "read back from its chunks: " << stored->body.size() << " bytes, " << expected.size() << " written";

  ASSERT_TRUE((*writer)->add(document("a", 100, "a.md")).ok());
  ASSERT_TRUE((*writer)->add(document("a", 50, "a.md")).ok());
  EXPECT_EQ(keys().size(), chunks(50) + chunks(40)) << "also when both were written in one commit";

  ASSERT_TRUE((*writer)->add(document("a", 3, "a.md")).ok());
  EXPECT_EQ(keys().size(), chunks(40)) << "a short body's replacement leaves no chunk";
  ASSERT_TRUE((*writer)->add(document("a", 60, "a.md")).ok());
  ASSERT_TRUE((*writer)->remove("a").ok());
  all = keys();
  EXPECT_EQ(all.size(), chunks(40)) << "a removed document's chunks go with it";
  EXPECT_EQ(all.front(), index::body_chunk_key("ab", 0)) << "another id's stay";
  ASSERT_TRUE((*writer)->remove_source("ab.md").ok());
  EXPECT_TRUE(keys().empty()) << "and those of a removed source's documents";
  EXPECT_EQ((*writer)->document_count(), 1u);
}

}  // namespace
}  // namespace sonda

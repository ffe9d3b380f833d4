// sonda-index runs one after another over a changing folder: counts and search results after each step,
// a killed run and its re-run, and a full rebuild switching under a server that keeps answering.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "search/searcher.h"
#include "support/child_process.h"
#include "support/document_fixtures.h"
#include "support/gazetteer.h"
#include "support/run_command.h"
#include "support/run_summary.h"
#include "support/running_server.h"
#include "support/temp_dir.h"

namespace sonda {
namespace {

namespace fs = std::filesystem;
using testing::Counts;
using testing::counts_in;
using testing::run_command;
using testing::shell_quote;
using testing::TempDir;

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string markdown(const std::string& title, const std::string& body) {
  return "---\ntitle: " + title + "\nlang: fr\n---\n" + body + "\n";
}

testing::DocumentSpec report(const std::string& title, const std::string& text) {
  testing::DocumentSpec spec;
  spec.title = title;
  spec.lang = "es";
  spec.date = "2022-06-01";
  spec.paragraphs = {text,
                     "Las familias y las escuelas trabajan juntas para que los niños crezcan sin violencia."};
  return spec;
}

class Incremental : public ::testing::Test {
 protected:
  testing::CommandResult index(const std::string& flags = "") {
    return run_command(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(db().string()) + " " + flags +
                       " " + shell_quote(docs().string()));
  }
  Counts step(const std::string& flags = "") {
    auto result = index(flags);
    EXPECT_LE(result.exit_code, 1) << result.output;
    return counts_in(result.output);
  }
  // Ids of the documents a query finds (none while the index cannot be opened).
  std::set<std::string> ids_for(const std::string& q) {
    std::set<std::string> ids;
    auto searcher = search::Searcher::open(db().string(), testing::builtin_gazetteer());
    if (!searcher) return ids;
    search::SearchRequest request;
    request.q = q;
    request.hits_per_page = 100;
    auto response = (*searcher)->search(request);
    if (!response) return ids;
    for (const auto& hit : response->hits) ids.insert(hit.document.id);
    return ids;
  }
  index::Document stored(const std::string& id) {
    auto searcher = search::Searcher::open(db().string(), testing::builtin_gazetteer());
    auto document = (*searcher)->document(id);
    EXPECT_TRUE(document.ok()) << id;
    return document.ok() ? *document : index::Document{};
  }
  fs::path db() const { return dir_ / "index"; }
  fs::path docs() const { return dir_ / "docs"; }
  TempDir dir_;
};

TEST_F(Incremental, AddModifyTouchRenameDeleteStepByStep) {
  write(docs() / "a.md", markdown("Alpha", "Les châtiments corporels à Loreto."));
  write(docs() / "b.md", markdown("Beta", "La petite enfance au Sénégal."));
  write(docs() / "sub" / "c.md", markdown("Gamma", "Visites à domicile en Bolivie."));
  EXPECT_EQ(step(), (Counts{3, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ids_for("chatiment"), (std::set<std::string>{"a.md"}));

  write(docs() / "report.pdf",
        testing::make_pdf(report("Informe Perú", "El castigo físico en Apurímac disminuye.")));
  testing::write_zip(docs() / "note.docx",
                     testing::docx_parts(report("Nota", "El castigo físico en Guatemala.")));
  EXPECT_EQ(step(), (Counts{2, 0, 3, 0, 0, 0})) << "a new PDF and DOCX: added 2, the rest unchanged";
  EXPECT_EQ(ids_for("castigo"), (std::set<std::string>{"report.pdf", "note.docx"}));
  EXPECT_EQ(stored("report.pdf").countries, (std::vector<std::string>{"Perú"}));
  EXPECT_EQ(stored("report.pdf").regions, (std::vector<std::string>{"Apurímac"}));

  write(docs() / "b.md", markdown("Beta", "La nutrition des jeunes enfants au Sénégal."));
  EXPECT_EQ(step(), (Counts{0, 1, 4, 0, 0, 0}));
  EXPECT_EQ(ids_for("nutrition"), (std::set<std::string>{"b.md"}));
  EXPECT_TRUE(ids_for("\"petite enfance\"").empty()) << "the old text is gone";

  fs::last_write_time(docs() / "a.md", fs::last_write_time(docs() / "a.md") + std::chrono::hours(1));
  EXPECT_EQ(step(), (Counts{0, 0, 5, 0, 0, 0})) << "a new time but the same bytes is unchanged";

  fs::rename(docs() / "sub" / "c.md", docs() / "c-moved.md");
  EXPECT_EQ(step(), (Counts{0, 0, 4, 0, 1, 0}));
  EXPECT_EQ(ids_for("bolivie"), (std::set<std::string>{"c-moved.md"}));

  fs::remove(docs() / "note.docx");
  EXPECT_EQ(step(), (Counts{0, 0, 4, 1, 0, 0}));
  EXPECT_EQ(ids_for("castigo"), (std::set<std::string>{"report.pdf"}));
  EXPECT_EQ(Xapian::Database(db().string()).get_doccount(), 4u);
}

TEST_F(Incremental, SidecarWinsAndItsChangeReindexesTheFile) {
  write(docs() / "report.pdf", testing::make_pdf(report("Informe Perú", "El castigo físico en Perú.")));
  EXPECT_EQ(step().added, 1);
  EXPECT_EQ(stored("report.pdf").title, "Informe Perú");
  write(docs() / "report.pdf.meta.json",
        R"({"title": "Informe corregido", "countries": ["Bolivia"], "type": "informe anual"})");
  EXPECT_EQ(step(), (Counts{0, 1, 0, 0, 0, 0}));
  index::Document document = stored("report.pdf");
  EXPECT_EQ(document.title, "Informe corregido");
  EXPECT_EQ(document.countries, (std::vector<std::string>{"Bolivia"})) << "the sidecar beats detection";
  EXPECT_EQ(document.type, "informe anual");
}

TEST_F(Incremental, JsonLinesRecordsFollowTheirFile) {
  write(docs() / "batch.jsonl", R"({"id":"r1","lang":"es","text":"uno castigo"}
{"id":"r2","lang":"es","text":"dos castigo"}
{"id":"r3","lang":"es","text":"tres castigo"}
)");
  EXPECT_EQ(step(), (Counts{1, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ids_for("castigo").size(), 3u);
  write(docs() / "batch.jsonl", R"({"id":"r1","lang":"es","text":"uno castigo"}
{"id":"r3","lang":"es","text":"tres cambiado"}
)");
  EXPECT_EQ(step(), (Counts{0, 1, 0, 0, 0, 0}));
  EXPECT_EQ(ids_for("castigo"), (std::set<std::string>{"r1"}));
  EXPECT_EQ(Xapian::Database(db().string()).get_doccount(), 2u) << "r2 left with its line";
  fs::remove(docs() / "batch.jsonl");
  EXPECT_EQ(step(), (Counts{0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(Xapian::Database(db().string()).get_doccount(), 0u);
}

// Many small files and a large JSON Lines file, so a run takes long enough to be killed half-way.
void write_crash_corpus(const fs::path& docs) {
  for (int i = 0; i < 300; ++i)
    write(
        docs / ("f" + std::to_string(i) + ".md"),
        markdown("Fichier " + std::to_string(i), "Le programme numéro " + std::to_string(i) + " à Loreto."));
  std::ofstream lines(docs / "big.jsonl");
  for (int i = 0; i < 6000; ++i)
    lines << R"({"id":"j)" << i << R"(","lang":"es","text":"Registro )" << i
          << R"( sobre el castigo físico y la primera infancia en el Perú, con visitas domiciliarias."})"
          << '\n';
}

std::set<std::string> all_ids(const fs::path& db) {
  Xapian::Database database(db.string());
  std::set<std::string> ids;
  for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term)
    ids.insert((*term).substr(1));
  return ids;
}

TEST_F(Incremental, KilledRunsLeaveAnOpenableIndexAndTheRerunConverges) {
  write(dir_ / "seed" / "s.md", markdown("Graine",
                                         "Un premier document, pour que les runs suivants soient "
                                         "incrémentaux (un premier run est construit en parallèle)."));
  ASSERT_EQ(run_command(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(db().string()) + " " +
                        shell_quote((dir_ / "seed").string()))
                .exit_code,
            0);
  write_crash_corpus(docs());
  std::set<std::string> expected{"s.md"};
  for (int i = 0; i < 300; ++i) expected.insert("f" + std::to_string(i) + ".md");
  for (int i = 0; i < 6000; ++i) expected.insert("j" + std::to_string(i));
  std::mt19937 random(2026);  // fixed: the same 20 moments on every run
  std::uniform_int_distribution<int> moment_ms(20, 900);
  for (int kill = 1; kill <= 20; ++kill) {
    testing::ChildProcess run(std::string(SONDA_INDEX_EXE) + " -q --batch-size 200 --db " +
                              shell_quote(db().string()) + " " + shell_quote(docs().string()));
    std::this_thread::sleep_for(std::chrono::milliseconds(moment_ms(random)));
    run.kill(SIGKILL);
    run.wait();
    if (fs::exists(db())) {                      // the stub names a database from the moment it exists
      Xapian::Database database(db().string());  // opens: the last commit is intact
      EXPECT_LE(database.get_doccount(), expected.size());
      EXPECT_NO_THROW(ids_for("castigo")) << "search works after kill " << kill;
    }
    if (kill == 7) write(docs() / "f7.md", markdown("Fichier sept", "Texte changé entre deux morts."));
    if (kill == 13) {
      fs::remove(docs() / "f13.md");
      expected.erase("f13.md");
    }
  }
  auto rerun = index();
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(all_ids(db()), expected);
  EXPECT_EQ(ids_for("change"), (std::set<std::string>{"f7.md"}));
  EXPECT_EQ(counts_in(index().output), (Counts{0, 0, 300, 0, 0, 0})) << "and then nothing is left to do";
}

TEST_F(Incremental, AFirstRunIsBuiltInParallelAndAKilledOneSwitchesNothingIn) {
  write_crash_corpus(docs());
  for (int moment_ms : {20, 60, 150}) {  // before, during or after the run: the index is empty or whole
    testing::ChildProcess run(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(db().string()) + " " +
                              shell_quote(docs().string()));
    std::this_thread::sleep_for(std::chrono::milliseconds(moment_ms));
    run.kill(SIGKILL);
    run.wait();
    if (fs::exists(db())) {
      Xapian::doccount count = Xapian::Database(db().string()).get_doccount();
      EXPECT_TRUE(count == 0 || count == 6300)
          << count << " documents after a kill at " << moment_ms << " ms";
    }
  }
  fs::path fresh = dir_ / "fresh";
  auto first = run_command(std::string(SONDA_INDEX_EXE) + " -q --db " + shell_quote(fresh.string()) + " " +
                           shell_quote(docs().string()));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("built in parallel"), std::string::npos) << first.output;
  EXPECT_EQ(all_ids(fresh).size(), 6300u);
  size_t folders = 0;
  for (const auto& entry : fs::directory_iterator(fresh.string() + ".d")) {
    EXPECT_EQ(entry.path().filename().string().find(".parts"), std::string::npos) << "no parts left";
    ++folders;
  }
  EXPECT_EQ(folders, 2u) << "the live generation and the empty one before it";
  auto rerun = index();
  EXPECT_EQ(rerun.exit_code, 0) << "the killed runs' index converges: " << rerun.output;
  EXPECT_EQ(all_ids(db()).size(), 6300u);
  write(docs() / "f1.md", markdown("Fichier un", "Changé."));
  auto next = index();
  EXPECT_EQ(counts_in(next.output), (Counts{0, 1, 300, 0, 0, 0}));
  EXPECT_EQ(next.output.find("built in parallel"), std::string::npos) << "then runs are incremental";
}

TEST_F(Incremental, WatchIndexesFilesAsTheyAppearAndStopsOnSigterm) {
  write(docs() / "first.md", markdown("Premier", "Un premier texte."));
  testing::ChildProcess watcher(std::string(SONDA_INDEX_EXE) + " -q --watch 1 --db " +
                                shell_quote(db().string()) + " " + shell_quote(docs().string()));
  auto wait_for = [&](const std::string& q, const std::string& id) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (fs::exists(db()) && ids_for(q) == std::set<std::string>{id}) return true;
    }
    return false;
  };
  ASSERT_TRUE(wait_for("premier", "first.md")) << "the first run";
  write(docs() / "later.md", markdown("Plus tard", "Arrivé pendant que le veilleur tourne : nutrition."));
  EXPECT_TRUE(wait_for("nutrition", "later.md")) << "a file written after the first run, indexed within 10 s";
  watcher.kill(SIGTERM);
  EXPECT_EQ(watcher.wait(), 0) << "SIGTERM ends the watch cleanly";
}

TEST_F(Incremental, RebuildsAndReindexingUnderAServerThatNeverFails) {
  write_crash_corpus(docs());
  ASSERT_EQ(index().exit_code, 0);
  server::RunningServer server(db().string());
  std::atomic<bool> stop = false;
  std::atomic<int> answered = 0, failed = 0;
  std::string first_failure;  // written by the client thread before `failed` first counts, read after join
  std::thread client([&] {
    auto http = server.client();
    while (!stop) {
      auto response = http.Get("/search?q=castigo&facets=country&hitsPerPage=5");
      bool good = response && response->status == 200 &&
                  response->body.find("\"totalHits\":6000") != std::string::npos;
      if (!good && failed == 0)  // the first bad answer, to say what it was
        first_failure = response ? std::to_string(response->status) + " " + response->body.substr(0, 300)
                                 : "no answer: " + httplib::to_string(response.error());
      (good ? answered : failed)++;
    }
  });
  for (int rebuild = 0; rebuild < 3; ++rebuild) {
    auto result = index("--full");
    EXPECT_EQ(result.exit_code, 0) << result.output;
  }
  for (int i = 0; i < 300; ++i)  // then every Markdown file changes and is re-indexed in place, in batches
    write(docs() / ("f" + std::to_string(i) + ".md"),
          markdown("Fichier " + std::to_string(i),
                   "Le programme numéro " + std::to_string(i) + " a été révisé."));
  auto reindexed = index("--batch-size 50");
  EXPECT_EQ(counts_in(reindexed.output), (Counts{0, 300, 1, 0, 0, 0})) << reindexed.output;
  stop = true;
  client.join();
  EXPECT_GT(answered.load(), 0);
  EXPECT_EQ(failed.load(), 0)
      << "every answer during the rebuilds and the re-indexing was complete; the first "
         "bad one: "
      << first_failure;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server re-opens within 200 ms
  auto after = server.client().Get("/search?q=revise&hitsPerPage=0");
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("\"totalHits\":300"), std::string::npos)
      << "exact counts after the final commit";
  size_t generations = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(db().string() + ".d")) ++generations;
  EXPECT_EQ(generations, 2u) << "the live generation and the one before it";
}

}  // namespace
}  // namespace sonda

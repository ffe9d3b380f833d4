// sonda-index: brings a Sonda (Xapian) index in line with folders of documents, incrementally.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "analysis/language_detector.h"
#include "enrich/gazetteer.h"
#include "index/compaction.h"
#include "index/database_layout.h"
#include "indexer/exit_codes.h"
#include "indexer/incremental_indexer.h"
#include "indexer/run_lock.h"
#include "util/allocator.h"

namespace {

using sonda::indexer::ExitCode;

// Everything the command line sets.
struct Command {
  std::string db = "data/index";
  std::vector<std::string> paths;
  sonda::indexer::IndexerOptions options;
  size_t max_text_mb = 64, max_file_mb = 512, max_unzipped_mb = 256;
  std::string gazetteer;
  size_t shards = 0;  // 0: as the index has (1 for a new one)
  bool full = false;
  bool quiet = false;
  int watch_seconds = 0;
};

int exit_code_for(const sonda::Error& error) {
  switch (error.code) {
    case sonda::ErrorCode::not_found: return static_cast<int>(ExitCode::bad_path);
    case sonda::ErrorCode::locked: return static_cast<int>(ExitCode::locked);
    default: return static_cast<int>(ExitCode::database_error);
  }
}

int fail(const sonda::Error& error) {
  std::cerr << "sonda-index: " << error.message << '\n';
  return exit_code_for(error);
}

void add_options(CLI::App& app, Command& command) {
  app.add_option("--db", command.db, "Index: a stub file naming the live database (created when absent)")
      ->capture_default_str();
  app.add_option("--batch-size", command.options.batch_size,
                 "Changes per commit into the live database; a crash loses at most one batch")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--threads", command.options.threads, "Extraction and analysis threads")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--full", command.full, "Rebuild into a new database and switch to it atomically when done");
  app.add_option(
         "--shards", command.shards,
         "Split the index over N databases by a hash of the document id (a new index, or with --full)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-text-mb", command.max_text_mb,
                 "Text kept per document; longer files are cut, with a warning")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-file-mb", command.max_file_mb, "PDF, DOCX and ODT files larger than this are refused")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-unzipped-mb", command.max_unzipped_mb,
                 "Decompressed bytes read from one DOCX/ODT part")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--gazetteer", command.gazetteer, "Gazetteer file (default: the built-in one)");
  app.add_option("--watch", command.watch_seconds, "After the run, re-scan every N seconds until interrupted")
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", command.quiet, "No progress display (problems and the summary still print)");
  app.add_option("paths", command.paths, "Folders or files to index")->required();
}

void print_summary(const sonda::indexer::RunSummary& summary, unsigned documents, const std::string& db,
                   double seconds, bool in_parallel) {
  std::printf(
      "added %zu, updated %zu, unchanged %zu, removed %zu, moved %zu, failed %zu, warnings %zu, unsupported "
      "%zu; "
      "%u documents in %s; %.2f s (%.0f docs/s; %.2f MB of text, %.1f MB/s%s)\n",
      summary.added, summary.updated, summary.unchanged, summary.removed, summary.moved, summary.failed,
      summary.warnings, summary.unsupported, documents, db.c_str(), seconds,
      seconds > 0 ? summary.documents_written / seconds : 0.0, summary.text_bytes / 1e6,
      seconds > 0 ? summary.text_bytes / seconds / 1e6 : 0.0, in_parallel ? "; built in parallel" : "");
  std::fflush(stdout);
}

// The progress display: a bar on a terminal, lines in a log, nothing with --quiet.
sonda::indexer::ProgressStyle progress_style(const Command& command) {
  if (command.quiet) return sonda::indexer::ProgressStyle::none;
  return isatty(STDERR_FILENO) ? sonda::indexer::ProgressStyle::bar : sonda::indexer::ProgressStyle::lines;
}

// An incremental run into the live database. Returns the run's summary and the documents now indexed.
sonda::Result<std::pair<sonda::indexer::RunSummary, unsigned>> run_incremental(
    const Command& command, const sonda::indexer::Scan& scan, const std::vector<std::string>& shards,
    const sonda::enrich::Gazetteer& gazetteer, const sonda::analysis::LanguageDetector& detector) {
  auto writer = sonda::index::IndexWriter::open(shards);
  if (!writer) return writer.error();
  sonda::indexer::DatabaseSink sink(**writer, command.options.batch_size);
  sonda::indexer::Progress progress(std::cerr, progress_style(command));
  sonda::indexer::IncrementalIndexer indexer(sink, gazetteer, detector, command.options, std::cerr, progress);
  if (sonda::Status status = indexer.run(scan); !status) return status.error();
  return std::make_pair(indexer.summary(), (*writer)->document_count());
}

// Merges shard `shard` of every part into that shard of `generation`.
sonda::Status merge_parts(const std::vector<std::string>& part_paths, const std::string& generation,
                          size_t shards) {
  std::vector<std::string> destinations = sonda::index::shard_folders(generation, shards);
  for (size_t shard = 0; shard < shards; ++shard) {
    std::vector<std::string> sources;
    for (const std::string& part : part_paths)
      sources.push_back(sonda::index::shard_folders(part, shards)[shard]);
    if (sonda::Status merged = sonda::index::compact_databases(sources, destinations[shard]); !merged)
      return merged;
  }
  return sonda::Status::success();
}

// Documents per commit of a full rebuild's part database: its commits are not synced (a stopped run throws
// the parts away), and small ones keep Xapian's in-memory inverter small (BENCHMARKS.md, Indexing: 100 was
// fastest of 25–1000).
constexpr size_t kPartCommitEvery = 100;

// A full rebuild: one part database (of `shards` shards) per thread, written in parallel, merged into
// `generation`.
sonda::Result<std::pair<sonda::indexer::RunSummary, unsigned>> run_full(
    const Command& command, const sonda::indexer::Scan& scan, const std::string& generation, size_t shards,
    const sonda::enrich::Gazetteer& gazetteer, const sonda::analysis::LanguageDetector& detector) {
  namespace fs = std::filesystem;
  fs::path parts_folder = generation + ".parts";
  std::vector<std::string> part_paths;
  sonda::indexer::RunSummary summary;
  {
    std::vector<std::unique_ptr<sonda::index::IndexWriter>> parts;
    for (size_t i = 0; i < command.options.threads; ++i) {
      part_paths.push_back((parts_folder / ("part-" + std::to_string(i))).string());
      auto part = sonda::index::IndexWriter::open(sonda::index::shard_folders(part_paths.back(), shards),
                                                  sonda::index::IndexWriter::Durability::scratch);
      if (!part) return part.error();
      parts.push_back(std::move(*part));
    }
    sonda::indexer::PartsSink sink(std::move(parts), kPartCommitEvery);
    sonda::indexer::Progress progress(std::cerr, progress_style(command));
    sonda::indexer::IncrementalIndexer indexer(sink, gazetteer, detector, command.options, std::cerr,
                                               progress);
    if (sonda::Status status = indexer.run(scan); !status) return status.error();
    summary = indexer.summary();
  }  // the parts are closed here
  std::error_code ec;
  fs::remove_all(generation, ec);
  if (shards > 1) fs::create_directories(generation, ec);
  if (sonda::Status merged = merge_parts(part_paths, generation, shards); !merged) return merged.error();
  fs::remove_all(parts_folder, ec);
  unsigned documents = 0;
  for (const std::string& shard : sonda::index::shard_folders(generation, shards)) {
    auto count = sonda::index::count_documents(shard);
    if (!count) return count.error();
    documents += *count;
  }
  return std::make_pair(summary, documents);
}

// The number of shards this run writes: --shards, else what the index has; a change needs --full.
sonda::Result<size_t> shards_for_run(const Command& command, const sonda::index::DatabaseLayout& layout) {
  size_t existing = layout.shard_directories().size();
  if (command.shards == 0 || command.shards == existing) return existing;
  if (command.full) return command.shards;
  return sonda::Error{sonda::ErrorCode::invalid_argument,
                      command.db + " has " + std::to_string(existing) +
                          " shard(s); change the number with --full --shards " +
                          std::to_string(command.shards)};
}

// True when the live index holds no document (a first run): it is then built like a full rebuild, in
// parallel, and switched in when done.
sonda::Result<bool> index_is_empty(const sonda::index::DatabaseLayout& layout) {
  for (const std::string& shard : layout.shard_directories()) {
    auto count = sonda::index::count_documents(shard);
    if (!count) return count.error();
    if (*count > 0) return false;
  }
  return true;
}

// One run: scan, index into the live database (or rebuild a new generation with --full, or when the index
// is empty), summary.
int run_once(const Command& command, const sonda::enrich::Gazetteer& gazetteer,
             const sonda::analysis::LanguageDetector& detector) {
  auto started = std::chrono::steady_clock::now();
  std::vector<std::filesystem::path> paths(command.paths.begin(), command.paths.end());
  auto scan = sonda::indexer::scan_sources(paths);
  if (!scan) return fail(scan.error());
  auto layout = sonda::index::DatabaseLayout::open_or_create(command.db, std::max<size_t>(command.shards, 1));
  if (!layout) return fail(layout.error());
  auto shards = shards_for_run(command, *layout);
  if (!shards) {
    std::cerr << "sonda-index: " << shards.error().message << '\n';
    return static_cast<int>(ExitCode::usage);
  }
  bool rebuild = command.full;
  if (!rebuild && layout->switchable() && !scan->files.empty()) {
    auto empty = index_is_empty(*layout);
    if (!empty) return fail(empty.error());
    rebuild = *empty;
  }
  sonda::Result<std::pair<sonda::indexer::RunSummary, unsigned>> outcome =
      sonda::Error{sonda::ErrorCode::internal, ""};
  if (rebuild) {
    auto generation = layout->create_next_generation();
    if (!generation) return fail(generation.error());
    outcome = run_full(command, *scan, *generation, *shards, gazetteer, detector);
    if (outcome)
      if (sonda::Status status = layout->switch_to(*generation, *shards); !status)
        return fail(status.error());
  } else {
    outcome = run_incremental(command, *scan, layout->shard_directories(), gazetteer, detector);
  }
  if (!outcome) return fail(outcome.error());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto& [summary, documents] = *outcome;
  print_summary(summary, documents, command.db, seconds, rebuild);
  return summary.failed || summary.warnings ? static_cast<int>(ExitCode::some_failed)
                                            : static_cast<int>(ExitCode::ok);
}

// Runs again every `seconds` until SIGINT or SIGTERM, which never interrupt a run half-way.
int watch(Command command, const sonda::enrich::Gazetteer& gazetteer,
          const sonda::analysis::LanguageDetector& detector) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  command.full = false;
  int code = static_cast<int>(ExitCode::ok);
  timespec interval{command.watch_seconds, 0};
  while (sigtimedwait(&signals, nullptr, &interval) < 0) {
    code = run_once(command, gazetteer, detector);
    if (code >= static_cast<int>(ExitCode::usage)) return code;
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "sonda-index: index French and Spanish documents into a Sonda database, incrementally.\n"
      "Reads .txt, .md, .html/.htm, .pdf, .docx, .odt and .jsonl/.jsonl.gz files (NAME.meta.json sidecars\n"
      "override their metadata). Re-runs index only what changed and remove what is gone.\n"
      "Exit codes: 0 all indexed; 1 some files or records were reported (skipped or cut);\n"
      "2 bad command line or missing path; 3 database cannot be opened or written;\n"
      "4 index locked by another sonda-index."};
  app.set_version_flag("--version", std::string("sonda-index ") + SONDA_VERSION +
                                        " (allocator: " + sonda::allocator_in_use() + ")");
  Command command;
  add_options(app, command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  command.options.limits.extract.max_text_bytes = command.max_text_mb << 20;
  command.options.limits.extract.max_unzipped_bytes = command.max_unzipped_mb << 20;
  command.options.limits.max_binary_bytes = command.max_file_mb << 20;

  std::signal(SIGXFSZ, SIG_IGN);  // past a file size limit, writes fail and are reported like a full disk
  auto lock = sonda::indexer::RunLock::acquire(command.db);
  if (!lock) return fail(lock.error());
  auto gazetteer = sonda::enrich::Gazetteer::load(command.gazetteer);
  if (!gazetteer) {
    std::cerr << "sonda-index: " << gazetteer.error().message << '\n';
    return static_cast<int>(ExitCode::usage);
  }
  sonda::analysis::LanguageDetector detector;
  int code = run_once(command, *gazetteer, detector);
  if (command.watch_seconds > 0 && code < static_cast<int>(ExitCode::usage))
    return watch(command, *gazetteer, detector);
  return code;
}

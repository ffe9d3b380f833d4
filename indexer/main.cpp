// sonda-index: indexes folders of documents into a Sonda (Xapian) database.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "indexer/exit_codes.h"
#include "indexer/folder_indexer.h"

namespace {

int exit_code_for(const sonda::Error& error) {
  using sonda::ErrorCode;
  using sonda::indexer::ExitCode;
  switch (error.code) {
    case ErrorCode::not_found: return static_cast<int>(ExitCode::bad_path);
    case ErrorCode::locked: return static_cast<int>(ExitCode::locked);
    default: return static_cast<int>(ExitCode::database_error);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using sonda::indexer::ExitCode;
  CLI::App app{
      "sonda-index: index French and Spanish documents into a Sonda database.\n"
      "Reads .txt and .md (with optional front matter) and .jsonl / .jsonl.gz files.\n"
      "Exit codes: 0 all indexed; 1 some documents were reported and skipped;\n"
      "2 bad command line or missing path; 3 database cannot be opened or written;\n"
      "4 database locked by another writer."};
  std::string db = "data/index";
  std::vector<std::string> paths;
  size_t batch_size = 1000;
  bool quiet = false;
  app.add_option("--db", db, "Database folder (created when absent)")->capture_default_str();
  app.add_option("--batch-size", batch_size, "Documents per commit; a crash loses at most one batch")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", quiet, "Print only problems, not the summary");
  app.add_option("paths", paths, "Folders or files to index")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  auto started = std::chrono::steady_clock::now();
  auto writer = sonda::index::IndexWriter::open(db);
  if (!writer) {
    std::cerr << "sonda-index: " << writer.error().message << '\n';
    return exit_code_for(writer.error());
  }
  sonda::indexer::FolderIndexer indexer(**writer, std::cerr, batch_size);
  for (const std::string& path : paths) {
    sonda::Status status = indexer.index_path(path);
    if (!status) {
      std::cerr << "sonda-index: " << status.error().message << '\n';
      indexer.finish();
      return exit_code_for(status.error());
    }
  }
  if (sonda::Status status = indexer.finish(); !status) {
    std::cerr << "sonda-index: " << status.error().message << '\n';
    return exit_code_for(status.error());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto& summary = indexer.summary();
  if (!quiet) {
    std::printf("indexed %zu, failed %zu, skipped %zu files; %u documents in %s; %.2f s\n", summary.indexed,
                summary.failed, summary.skipped_files, (*writer)->document_count(), db.c_str(), seconds);
  }
  return summary.failed ? static_cast<int>(ExitCode::some_failed) : static_cast<int>(ExitCode::ok);
}

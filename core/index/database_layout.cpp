// Where a Sonda index lives: a Xapian stub file naming the live generation, so rebuilds switch atomically.
#include "index/database_layout.h"

#include <xapian.h>

#include <cstdio>
#include <filesystem>

#include "index/stub_file.h"
#include "index/xapian_error.h"

namespace sonda::index {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kGenerationPrefix = "gen-";

fs::path generations_folder(const fs::path& stub) {
  return stub.string() + ".d";
}

std::string generation_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "gen-%06d", number);
  return name;
}

int generation_number(const fs::path& folder) {
  std::string name = folder.filename().string();
  if (!name.starts_with(kGenerationPrefix)) return -1;
  try {
    return std::stoi(name.substr(kGenerationPrefix.size()));
  } catch (const std::exception&) {
    return -1;
  }
}

// The live generation and its shard folders, from the stub's "auto" lines (all in one generation).
Result<std::pair<std::string, std::vector<std::string>>> read_layout(const std::string& stub) {
  auto entries = read_stub_file(stub);
  if (!entries) return entries.error();
  std::vector<std::string> shards;
  for (const StubEntry& entry : *entries) {
    if (entry.remote())
      return Error{ErrorCode::invalid_argument,
                   stub + " names a remote shard (" + entry.name() +
                       "); sonda-index writes local shards: index on the shard's host"};
    shards.push_back(entry.path);
  }
  std::string live = shards.size() == 1 ? shards.front() : fs::path(shards.front()).parent_path().string();
  if (shards != shard_folders(live, shards.size()))
    return Error{ErrorCode::corrupt, stub + ": its shards are not the folders of one Sonda generation"};
  return std::make_pair(live, std::move(shards));
}

}  // namespace

std::vector<std::string> shard_folders(const std::string& generation, size_t shards) {
  if (shards <= 1) return {generation};
  std::vector<std::string> folders;
  for (size_t i = 0; i < shards; ++i)
    folders.push_back((fs::path(generation) / ("shard-" + std::to_string(i))).string());
  return folders;
}

Result<DatabaseLayout> DatabaseLayout::open_or_create(const std::string& path, size_t new_shards) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return DatabaseLayout(path, path, {path}, false);
  if (fs::exists(status)) {
    auto live = read_layout(path);
    if (!live) return live.error();
    return DatabaseLayout(path, std::move(live->first), std::move(live->second), true);
  }
  std::string first = (generations_folder(path) / generation_name(1)).string();
  fs::remove_all(first, ec);  // no stub names it yet: what is there is a creation that was killed
  std::vector<std::string> shards = shard_folders(first, new_shards);
  for (const std::string& folder : shards) {
    fs::create_directories(folder, ec);
    if (ec)
      return Error{ErrorCode::io_error, "cannot create database folder " + folder + ": " + ec.message()};
    try {  // an empty database, so readers see an empty index while a first run builds it
      Xapian::WritableDatabase(folder, Xapian::DB_CREATE_OR_OPEN).close();
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot create database " + folder);
    }
  }
  if (Status written = write_stub_file(path, shards); !written) return written.error();
  return DatabaseLayout(path, first, std::move(shards), true);
}

Result<std::string> DatabaseLayout::create_next_generation() const {
  if (!switchable_)
    return Error{
        ErrorCode::invalid_argument,
        stub_ + " is a plain database folder; a full rebuild needs a new --db path (a stub is made there)"};
  // Folders past the live generation are what killed rebuilds left (their parts too): never read, dropped.
  int live = generation_number(live_);
  std::error_code ec;
  std::vector<fs::path> unfinished;
  for (const auto& entry : fs::directory_iterator(generations_folder(stub_), ec))
    if (generation_number(entry.path()) > live) unfinished.push_back(entry.path());
  for (const fs::path& folder : unfinished) fs::remove_all(folder, ec);
  fs::path next = generations_folder(stub_) / generation_name(live + 1);
  fs::remove_all(next, ec);
  fs::create_directories(next, ec);
  if (ec) return Error{ErrorCode::io_error, "cannot create " + next.string() + ": " + ec.message()};
  return next.string();
}

Status DatabaseLayout::switch_to(const std::string& generation, size_t shards) {
  std::vector<std::string> folders = shard_folders(generation, shards);
  if (Status written = write_stub_file(stub_, folders); !written) return written;
  int replaced = generation_number(live_);
  int current = generation_number(generation);
  live_ = generation;
  shards_ = std::move(folders);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(generations_folder(stub_), ec)) {
    int number = generation_number(entry.path());
    if (number >= 0 && number != replaced && number != current) fs::remove_all(entry.path(), ec);
  }
  return Status::success();
}

}  // namespace sonda::index

// Where a Sonda index lives: a Xapian stub file naming the live generation, so rebuilds switch atomically.
#include "index/database_layout.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/strings.h"

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

// The folder a stub names, from its "auto RELATIVE" line.
Result<fs::path> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view text = trim(line);
    if (!text.starts_with("auto ")) continue;
    fs::path target(std::string(trim(text.substr(5))));
    return target.is_absolute() ? target : stub.parent_path() / target;
  }
  return Error{ErrorCode::corrupt, stub.string() + " is neither a Sonda database folder nor a stub file"};
}

// Writes the stub next to its final place, flushes it and renames it over the old one.
Status write_stub(const fs::path& stub, const fs::path& generation) {
  fs::path temporary = stub.string() + ".tmp";
  fs::path relative = generation.lexically_relative(stub.parent_path().empty() ? "." : stub.parent_path());
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "auto " << relative.generic_string() << '\n';
    out.flush();
    if (!out) return Error{ErrorCode::io_error, "cannot write " + temporary.string()};
  }
  if (std::FILE* file = std::fopen(temporary.c_str(), "r")) {
    ::fsync(fileno(file));
    std::fclose(file);
  }
  std::error_code ec;
  fs::rename(temporary, stub, ec);
  if (ec) return Error{ErrorCode::io_error, "cannot switch " + stub.string() + ": " + ec.message()};
  return Status::success();
}

}  // namespace

Result<DatabaseLayout> DatabaseLayout::open_or_create(const std::string& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return DatabaseLayout(path, path, false);
  if (fs::exists(status)) {
    auto live = read_stub(path);
    if (!live) return live.error();
    return DatabaseLayout(path, live->string(), true);
  }
  fs::path first = generations_folder(path) / generation_name(1);
  fs::create_directories(first, ec);
  if (ec)
    return Error{ErrorCode::io_error,
                 "cannot create database folder " + first.string() + ": " + ec.message()};
  if (Status written = write_stub(path, first); !written) return written.error();
  return DatabaseLayout(path, first.string(), true);
}

Result<std::string> DatabaseLayout::create_next_generation() const {
  if (!switchable_)
    return Error{
        ErrorCode::invalid_argument,
        stub_ + " is a plain database folder; a full rebuild needs a new --db path (a stub is made there)"};
  int highest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(generations_folder(stub_), ec))
    highest = std::max(highest, generation_number(entry.path()));
  fs::path next = generations_folder(stub_) / generation_name(highest + 1);
  fs::remove_all(next, ec);
  fs::create_directories(next, ec);
  if (ec) return Error{ErrorCode::io_error, "cannot create " + next.string() + ": " + ec.message()};
  return next.string();
}

Status DatabaseLayout::switch_to(const std::string& generation) {
  if (Status written = write_stub(stub_, generation); !written) return written;
  int replaced = generation_number(live_);
  int current = generation_number(generation);
  live_ = generation;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(generations_folder(stub_), ec)) {
    int number = generation_number(entry.path());
    if (number >= 0 && number != replaced && number != current) fs::remove_all(entry.path(), ec);
  }
  return Status::success();
}

}  // namespace sonda::index

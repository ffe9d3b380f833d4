// Xapian stub files as Sonda reads and writes them: the shards of an index, local or served remotely.
#include "index/stub_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/strings.h"

namespace sonda::index {
namespace fs = std::filesystem;
namespace {

Result<StubEntry> remote_entry(std::string_view address, size_t line_number) {
  if (address.starts_with("tcp ")) address = trim(address.substr(4));
  size_t colon = address.rfind(':');
  Error bad{ErrorCode::corrupt, "stub line " + std::to_string(line_number) +
                                    ": a remote shard is \"remote HOST:PORT\" (xapian-tcpsrv over TCP)"};
  if (colon == std::string_view::npos || colon == 0 || address.find(' ') != std::string_view::npos)
    return bad;
  StubEntry entry;
  entry.host = std::string(address.substr(0, colon));
  try {
    size_t used = 0;
    std::string port(address.substr(colon + 1));
    unsigned long number = std::stoul(port, &used);
    if (used != port.size() || number == 0 || number > 65535) return bad;
    entry.port = static_cast<unsigned>(number);
  } catch (const std::exception&) {
    return bad;
  }
  return entry;
}

}  // namespace

std::string StubEntry::name() const {
  if (remote()) return host + ":" + std::to_string(port);
  return fs::path(path).filename().string();
}

Result<std::vector<StubEntry>> parse_stub(const std::string& text, const std::string& folder) {
  std::vector<StubEntry> entries;
  std::istringstream in(text);
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    std::string_view content = trim(line);
    if (content.empty() || content.starts_with('#')) continue;
    size_t space = content.find_first_of(" \t");
    std::string_view kind = content.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : trim(content.substr(space));
    if (rest.empty())
      return Error{ErrorCode::corrupt, "stub line " + std::to_string(number) + " names no database"};
    if (kind == "remote") {
      auto entry = remote_entry(rest, number);
      if (!entry) return entry.error();
      entries.push_back(std::move(*entry));
    } else if (kind == "auto" || kind == "glass") {
      fs::path target{std::string(rest)};
      entries.push_back({(target.is_absolute() ? target : fs::path(folder) / target).string(), "", 0});
    } else {
      return Error{ErrorCode::corrupt, "stub line " + std::to_string(number) +
                                           ": expected \"auto PATH\" or \"remote HOST:PORT\""};
    }
  }
  if (entries.empty()) return Error{ErrorCode::corrupt, "the stub file names no database"};
  return entries;
}

Result<std::vector<StubEntry>> read_stub_file(const std::string& stub) {
  std::ifstream in(stub);
  if (!in) return Error{ErrorCode::not_found, "cannot read the stub file " + stub};
  std::ostringstream text;
  text << in.rdbuf();
  auto entries = parse_stub(text.str(), fs::path(stub).parent_path().string());
  if (!entries) return Error{entries.error().code, stub + ": " + entries.error().message};
  return entries;
}

Status write_stub_file(const std::string& stub, const std::vector<std::string>& local_folders) {
  fs::path stub_path(stub);
  fs::path base = stub_path.parent_path().empty() ? fs::path(".") : stub_path.parent_path();
  std::string temporary = stub + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const std::string& folder : local_folders)
      out << "auto " << fs::path(folder).lexically_relative(base).generic_string() << '\n';
    out.flush();
    if (!out) return Error{ErrorCode::io_error, "cannot write " + temporary};
  }
  if (std::FILE* file = std::fopen(temporary.c_str(), "r")) {
    ::fsync(fileno(file));
    std::fclose(file);
  }
  std::error_code ec;
  fs::rename(temporary, stub_path, ec);
  if (ec) return Error{ErrorCode::io_error, "cannot switch " + stub + ": " + ec.message()};
  return Status::success();
}

}  // namespace sonda::index

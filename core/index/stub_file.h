// Xapian stub files as Sonda reads and writes them: the shards of an index, local or served remotely.
//
//   auto index.d/gen-000003/shard-0     a local database (path relative to the stub's folder)
//   remote search-2.example.org:33333   a database served by xapian-tcpsrv (Xapian's own syntax)
//   remote tcp search-3.example.org:33333   the same, spelled with the transport
//
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <string>
#include <vector>

#include "util/result.h"

namespace sonda::index {

// One database named by a stub: a local folder or a host and port of xapian-tcpsrv.
struct StubEntry {
  std::string path;  // absolute or relative to the working folder; empty for a remote shard
  std::string host;
  unsigned port = 0;

  bool remote() const { return path.empty(); }
  // "shard-1" style names for messages: the folder's name, or "HOST:PORT".
  std::string name() const;
};

// The entries of the stub file at `stub`, relative paths resolved against the stub's folder.
Result<std::vector<StubEntry>> read_stub_file(const std::string& stub);

// The entries of a stub's text (`folder` resolves relative paths); errors name the bad line.
Result<std::vector<StubEntry>> parse_stub(const std::string& text, const std::string& folder);

// Writes `local_folders` as "auto" lines (relative to the stub's folder) to a temporary file, flushes it
// and renames it over `stub`, so readers see the old or the new stub, never a part.
Status write_stub_file(const std::string& stub, const std::vector<std::string>& local_folders);

}  // namespace sonda::index

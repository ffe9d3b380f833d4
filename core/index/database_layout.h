// Where a Sonda index lives: a Xapian stub file naming the live generation, so rebuilds switch atomically.
//
//   data/index                stub file: "auto index.d/gen-000002"
//   data/index.d/gen-000001   the previous generation (kept: a server may still be reading it)
//   data/index.d/gen-000002   the live database
//
// A sharded index (sonda-index --shards N) has one database per shard inside the generation, and a stub
// line for each: "auto index.d/gen-000002/shard-0" … "shard-(N-1)".
//
// Readers open the stub; incremental runs write to the live generation; a full rebuild writes a new
// generation and then replaces the stub by rename(2), which readers see whole or not at all.
#pragma once

#include <string>
#include <vector>

#include "util/result.h"

namespace sonda::index {

// The database folders of one generation with `shards` shards: the generation itself for one shard,
// else GENERATION/shard-0 … GENERATION/shard-(shards-1).
std::vector<std::string> shard_folders(const std::string& generation, size_t shards);

// The on-disk layout of the index at one path.
class DatabaseLayout {
 public:
  // The layout at `path`: an existing stub file, an existing plain database folder (written in place;
  // no atomic rebuilds, one shard), or nothing yet (a stub and a first generation of `new_shards` empty
  // databases are created, which readers open as an empty index).
  static Result<DatabaseLayout> open_or_create(const std::string& path, size_t new_shards = 1);

  // The folder of the live generation (the database itself when there is one shard).
  const std::string& live_directory() const { return live_; }

  // The live databases, shard 0 first.
  const std::vector<std::string>& shard_directories() const { return shards_; }

  // True for the stub layout, which full rebuilds need.
  bool switchable() const { return switchable_; }

  // Creates the folder of the next generation, empty, for a full rebuild, after removing what rebuilds that
  // were killed left past the live generation.
  Result<std::string> create_next_generation() const;

  // Makes `generation` (from create_next_generation, holding `shards` shards) live by rewriting the stub
  // atomically, then removes every other generation but the one it replaces (left for readers still on
  // it; also unfinished rebuilds of runs that were killed).
  Status switch_to(const std::string& generation, size_t shards = 1);

 private:
  DatabaseLayout(std::string stub, std::string live, std::vector<std::string> shards, bool switchable)
      : stub_(std::move(stub)), live_(std::move(live)), shards_(std::move(shards)), switchable_(switchable) {}

  std::string stub_;
  std::string live_;
  std::vector<std::string> shards_;
  bool switchable_;
};

}  // namespace sonda::index

// Where a Sonda index lives: a Xapian stub file naming the live generation, so rebuilds switch atomically.
//
//   data/index            stub file: "auto index.d/gen-000002"
//   data/index.d/gen-000001   the previous generation (kept: a server may still be reading it)
//   data/index.d/gen-000002   the live database
//
// Readers open the stub; incremental runs write to the live generation; a full rebuild writes a new
// generation and then replaces the stub by rename(2), which readers see whole or not at all.
#pragma once

#include <string>

#include "util/result.h"

namespace sonda::index {

// The on-disk layout of the index at one path.
class DatabaseLayout {
 public:
  // The layout at `path`: an existing stub file, an existing plain database folder (written in place;
  // no atomic rebuilds), or nothing yet (a stub and its first generation are created).
  static Result<DatabaseLayout> open_or_create(const std::string& path);

  // The folder of the database that incremental runs write to.
  const std::string& live_directory() const { return live_; }

  // True for the stub layout, which full rebuilds need.
  bool switchable() const { return switchable_; }

  // Creates the folder of the next generation, empty, for a full rebuild.
  Result<std::string> create_next_generation() const;

  // Makes `generation` (from create_next_generation) live by rewriting the stub atomically, then removes
  // every other generation but the one it replaces (left for readers still on it; also unfinished
  // rebuilds of runs that were killed).
  Status switch_to(const std::string& generation);

 private:
  DatabaseLayout(std::string stub, std::string live, bool switchable)
      : stub_(std::move(stub)), live_(std::move(live)), switchable_(switchable) {}

  std::string stub_;
  std::string live_;
  bool switchable_;
};

}  // namespace sonda::index

// A synonym file kept current while serving: re-read when it changes; a bad change keeps the groups before.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "analysis/analyzer.h"
#include "query/synonyms.h"
#include "util/result.h"

namespace sonda::search {

// Thread-safe: every serving thread asks it for the groups in force.
class SynonymFile {
 public:
  using Log = std::function<void(const std::string&)>;

  // Reads the file at `path`; a file that cannot be read or parsed is an error naming it (and the line).
  // Later changes are looked for at most once per `check_interval`; `log` hears of a change that was
  // refused (the previous groups stay in force) or taken.
  static Result<std::unique_ptr<SynonymFile>> open(
      std::string path, Log log, std::chrono::milliseconds check_interval = std::chrono::seconds(1));

  // The groups in force, after re-reading the file if its size or modification time changed.
  std::shared_ptr<const query::Synonyms> current();

  // How many times the groups in force have changed since the file was opened, after the same check.
  unsigned long generation();

 private:
  SynonymFile(std::string path, Log log, std::chrono::milliseconds check_interval)
      : path_(std::move(path)), log_(std::move(log)), check_interval_(check_interval) {}
  // Size and modification time of the file ("" when it cannot be read).
  std::string stamp() const;
  Result<std::shared_ptr<const query::Synonyms>> read();
  // Re-reads the file when its stamp changed and the check interval has passed; mutex_ held.
  void check();

  std::string path_;
  Log log_;
  std::chrono::milliseconds check_interval_;
  std::mutex mutex_;
  analysis::Analyzer analyzer_;  // guarded by mutex_
  std::shared_ptr<const query::Synonyms> groups_;
  std::string stamp_;
  unsigned long generation_ = 0;
  std::chrono::steady_clock::time_point checked_;
};

}  // namespace sonda::search

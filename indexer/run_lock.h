// One sonda-index at a time per index: an advisory lock on "<db>.lock", held for the whole run.
#pragma once

#include <string>

#include "util/result.h"

namespace sonda::indexer {

// Holds flock(2) on a lock file until destroyed; the kernel releases it if the process dies.
class RunLock {
 public:
  // Takes the lock on `db` + ".lock" without waiting: ErrorCode::locked when another run holds it.
  static Result<RunLock> acquire(const std::string& db);
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace sonda::indexer

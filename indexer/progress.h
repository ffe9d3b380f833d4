// Progress of an indexing run on stderr: a bar on a terminal, a plain line every few seconds otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace sonda::indexer {

// How progress is shown.
enum class ProgressStyle { bar, lines, none };

// Draws a bar ("[#####.....] 412/1024 files  1,203 docs  38.2 docs/s  4.1 MB/s  ETA 0:16") redrawn in
// place at most 10 times a second, or prints the same figures as a line every `line_interval`.
class Progress {
 public:
  Progress(std::ostream& out, ProgressStyle style,
           std::chrono::seconds line_interval = std::chrono::seconds(5))
      : out_(out), style_(style), line_interval_(line_interval) {}

  // Sets the work ahead: files to read and their bytes.
  void start(uint64_t files, uint64_t bytes);

  // Records finished work and redraws when it is time.
  void advance(uint64_t files, uint64_t bytes, uint64_t documents);

  // Clears the bar (the summary follows on a clean line).
  void finish();

 private:
  void draw(bool final_line);

  std::ostream& out_;
  ProgressStyle style_;
  std::chrono::seconds line_interval_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point drawn_ = started_;
  uint64_t total_files_ = 0, total_bytes_ = 0;
  uint64_t files_ = 0, bytes_ = 0, documents_ = 0;
  bool bar_shown_ = false;
};

}  // namespace sonda::indexer

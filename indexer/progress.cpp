// Progress of an indexing run on stderr: a bar on a terminal, a plain line every few seconds otherwise.
#include "indexer/progress.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace sonda::indexer {
namespace {

constexpr int kBarWidth = 24;

std::string clock_text(double seconds) {
  auto whole = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", whole / 60, whole % 60);
  return text;
}

}  // namespace

void Progress::start(uint64_t files, uint64_t bytes) {
  total_files_ = files;
  total_bytes_ = bytes;
  started_ = drawn_ = std::chrono::steady_clock::now();
}

void Progress::advance(uint64_t files, uint64_t bytes, uint64_t documents) {
  files_ += files;
  bytes_ += bytes;
  documents_ += documents;
  if (style_ == ProgressStyle::none) return;
  auto now = std::chrono::steady_clock::now();
  auto interval = style_ == ProgressStyle::bar
                      ? std::chrono::milliseconds(100)
                      : std::chrono::duration_cast<std::chrono::milliseconds>(line_interval_);
  if (now - drawn_ < interval) return;
  drawn_ = now;
  draw(false);
}

void Progress::draw(bool final_line) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  double fraction = total_bytes_ ? std::min(1.0, double(bytes_) / double(total_bytes_)) : 1.0;
  double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
  char figures[160];
  std::snprintf(figures, sizeof figures, "%llu/%llu files  %llu docs  %.1f docs/s  %.1f MB/s  ETA %s",
                static_cast<unsigned long long>(files_), static_cast<unsigned long long>(total_files_),
                static_cast<unsigned long long>(documents_), seconds > 0 ? documents_ / seconds : 0.0,
                seconds > 0 ? bytes_ / seconds / 1e6 : 0.0, clock_text(eta).c_str());
  if (style_ == ProgressStyle::lines) {
    out_ << "progress: " << figures << '\n';
  } else {
    int filled = static_cast<int>(fraction * kBarWidth);
    out_ << "\r[" << std::string(filled, '#') << std::string(kBarWidth - filled, '.') << "] " << figures
         << "\x1b[K";
    bar_shown_ = !final_line;
  }
  out_.flush();
}

void Progress::finish() {
  if (bar_shown_) {
    out_ << "\r\x1b[K";
    out_.flush();
    bar_shown_ = false;
  }
}

}  // namespace sonda::indexer

// Progress display: a bar redrawn in place on a terminal, plain lines otherwise, nothing when quiet.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "indexer/progress.h"

namespace sonda::indexer {
namespace {

std::string shown(ProgressStyle style) {
  std::ostringstream out;
  Progress progress(out, style, std::chrono::seconds(0));
  progress.start(4, 4000);
  progress.advance(1, 1000, 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  progress.advance(1, 1000, 10);
  progress.finish();
  return out.str();
}

TEST(Progress, StylesTable) {
  std::string lines = shown(ProgressStyle::lines);
  EXPECT_NE(lines.find("progress: 2/4 files  20 docs"), std::string::npos) << lines;
  EXPECT_NE(lines.find("ETA"), std::string::npos) << lines;
  EXPECT_EQ(lines.find('\r'), std::string::npos) << "no terminal codes in logs";
  std::string bar = shown(ProgressStyle::bar);
  EXPECT_NE(bar.find("\r[############............] 2/4 files"), std::string::npos) << bar;
  EXPECT_TRUE(bar.ends_with("\r\x1b[K")) << "the bar is cleared before the summary";
  EXPECT_EQ(shown(ProgressStyle::none), "");
}

}  // namespace
}  // namespace sonda::indexer

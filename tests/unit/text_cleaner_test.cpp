// Table-driven tests of ingestion clean-up: UTF-8 repair, NFC, ligatures, hyphens, controls.
#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "analysis/text_cleaner.h"

namespace sonda::analysis {
namespace {

struct CleanCase {
  std::string input;
  std::string expected;
};

const CleanCase kCleanCases[] = {
    {"plain ascii", "plain ascii"},
    {"caf\xC3", "caf\xEF\xBF\xBD"},
    {"\xFF\xFE"
     "abc",
     "\xEF\xBF\xBD\xEF\xBF\xBD"
     "abc"},
    {"e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},  // decomposed é → composed (NFC)
    {"\xEF\xAC\x81n", "fin"},                     // ﬁ ligature
    {"a\x01"
     "b",
     "a b"},
    {"a\r\nb", "a \nb"},
    {"dévelop-\npement", "développement"},
    {"Nord-\nSud", "Nord-\nSud"},  // capital after the line end: a real hyphen
    {"x\u00ADy", "xy"},
    {"", ""},
};

TEST(TextCleanerTable, RepairsAndNormalises) {
  for (const CleanCase& c : kCleanCases) EXPECT_EQ(clean_text(c.input), c.expected) << c.input;
}

TEST(TextCleaner, OutputIsAlwaysValidUtf8) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
  std::string cleaned = clean_text(junk);
  EXPECT_TRUE(is_valid_utf8(cleaned));
  Analyzer analyzer;
  analyzer.tokens(cleaned);
}

TEST(TextCleaner, InvalidBytesKeepTheRestOfTheWords) {
  Analyzer analyzer;
  auto tokens = analyzer.tokens(clean_text("ni\xF1o castigo"));
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.back().folded, "castigo");
}

TEST(TextCleanerTable, LayoutWhitespaceCollapses) {
  const std::pair<const char*, const char*> rows[] = {
      {"", ""},
      {"   ", ""},
      {"a  b\t\tc", "a b c"},
      {"  indented\n    lines  ", "indented\nlines"},
      {"à 1Gb/s.\n\n        \n\n      \n\n 5.6. Infrastructure", "à 1Gb/s.\n\n5.6. Infrastructure"},
      {"one\n \ntwo", "one\n\ntwo"},
      {"one\ntwo", "one\ntwo"},
      {"\n\n\nstart", "start"},
      {"end\n\n\n", "end"},
      {"é  ñ", "é ñ"},
  };
  for (const auto& [raw, expected] : rows) EXPECT_EQ(collapse_layout(raw), expected) << raw;
}

}  // namespace
}  // namespace sonda::analysis

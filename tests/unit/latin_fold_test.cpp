// The Latin folding table against ICU's: every code point it covers alone, random words mixing them with
// ASCII, and the words it must leave to ICU.
#include "analysis/latin_fold.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analysis/unicode_fold.h"
#include "util/strings.h"

namespace sonda::analysis {
namespace {

// The code points the table covers.
std::vector<char32_t> covered() {
  std::vector<char32_t> out;
  for (char32_t c = 0x80; c < 0x250; ++c) out.push_back(c);
  for (char32_t c : {0x02BC, 0x2018, 0x2019}) out.push_back(c);
  return out;
}

void expect_as_icu(LatinFolder& folder, const std::string& text) {
  std::string word, folded;
  ASSERT_TRUE(folder.fold(text, word, folded)) << text;
  EXPECT_EQ(word, fold_case(text)) << text;
  EXPECT_EQ(folded, fold_diacritics(fold_case(text))) << text;
}

TEST(LatinFolder, EveryCodePointItCoversFoldsAsIcuFoldsIt) {
  LatinFolder folder;
  for (char32_t c : covered()) expect_as_icu(folder, utf8_of(c));
  for (char c = 'A'; c <= 'Z'; ++c) expect_as_icu(folder, std::string(1, c) + "x");
}

TEST(LatinFolder, WordsMixingThemFoldAsIcuFoldsThem) {
  LatinFolder folder;
  for (const char* word : {"CHÂTIMENTS", "Œuvre", "Straße", "İstanbul", "NIÑOS", "aujourd’hui", "ǅemal",
                           "ÆSIR", "Łódź", "ŉ", "ǰ", "Ǆ", "ﬁ"}) {
    std::string text = word;
    std::string w, f;
    if (text == "ﬁ") {
      EXPECT_FALSE(folder.fold(text, w, f)) << "a ligature outside the table is left to ICU";
      continue;
    }
    expect_as_icu(folder, text);
  }
  std::vector<char32_t> letters = covered();
  for (char32_t c = 'a'; c <= 'z'; ++c) letters.push_back(c);
  for (char32_t c = 'A'; c <= 'Z'; ++c) letters.push_back(c);
  std::mt19937 random(20261206);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (size_t n = 1 + random() % 12; n > 0; --n) text += utf8_of(letters[random() % letters.size()]);
    expect_as_icu(folder, text);
  }
}

TEST(LatinFolder, LeavesOtherScriptsAndCombiningMarksToIcu) {
  LatinFolder folder;
  for (const char* text : {"αβγ", "e\u0301te", "дети", "日本", "cafe\u0300", "x\U0001F600"}) {
    std::string word = "unchanged", folded = "unchanged";
    EXPECT_FALSE(folder.fold(text, word, folded)) << text;
    EXPECT_EQ(word, "unchanged");
    EXPECT_EQ(folded, "unchanged");
  }
}

}  // namespace
}  // namespace sonda::analysis

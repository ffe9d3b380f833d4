// The Latin-script segmentation against ICU's: the same words at the same offsets, on tricky cases, on
// random text from the characters it handles, and on the sample corpus; anything else goes to ICU.
#include "analysis/latin_words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "analysis/text_cleaner.h"
#include "analysis/tokenizer.h"

namespace sonda::analysis {
namespace {

std::string described(const std::vector<RawToken>& tokens) {
  std::string out;
  for (const RawToken& token : tokens)
    out +=
        std::string(token.text) + "@" + std::to_string(token.begin) + "-" + std::to_string(token.end) + " ";
  return out;
}

// The fast path handled `text` and found exactly ICU's words.
void expect_like_icu(Tokenizer& tokenizer, const std::string& text) {
  ASSERT_TRUE(latin_word_ranges(text).has_value()) << "not handled: " << text;
  EXPECT_EQ(described(tokenizer.split(text)), described(tokenizer.split_with_icu(text))) << "text: " << text;
}

TEST(LatinWords, TrickyCasesSplitAsIcuSplitsThem) {
  const char* cases[] = {
      "l'enfant",
      "l’enfant",
      "aujourd'hui",
      "jusqu’à l’école",
      "rock'n'roll",
      "l'",
      "'abc'",
      "‘guillemets’",
      "3.5",
      "1,000,000",
      "3,5 %",
      "12h30",
      "U.S.A.",
      "M.Dupont",
      "a.b.c",
      "a..b",
      "a.1",
      "1.a",
      "a1.5",
      "1a.b",
      "e-mail",
      "a:b",
      "10:30",
      "a·b",
      "l·l",
      "a;b",
      "1;2",
      "«mot»",
      "— tiret —",
      "a\u00A0b",
      "…",
      "fin.",
      "nº 5",
      "µg",
      "ªb",
      "x×y",
      "a÷b",
      "Ærø œuvre",
      "ƒ ǅ ȸ",
      "lʼenfant",
      "€20",
      "20€",
      "‰",
      "a\tb\nc\r\nd",
      "don't.",
      "'1'2",
      "1'000",
      "a'1",
      "2019-2023",
      "art. 3, al. 2",
      "ÉDUCATION",
      "¿Qué?¡Sí!",
      "a,b",
      ",,a,,",
      "",
      " ",
      "a",
      "1",
      "a‘b",
      "a’’b",
      "@",
      "a@b.c",
      "22@",
      "@handle",
      "tod@s",
      "a @ b",
  };
  Tokenizer tokenizer;
  for (const char* text : cases) expect_like_icu(tokenizer, text);
}

TEST(LatinWords, RandomTextFromTheHandledCharactersSplitsAsIcuSplitsIt) {
  const std::vector<std::string> alphabet = {"a", "Z", "é", "ñ", "Ç", "œ",  "ÿ", "Ł",      "ǆ",  "ʼ",
                                             "ª", "0", "7", ".", "'", "’",  "‘", ",",      ";",  ":",
                                             "·", " ", "-", "«", "»", "…",  "—", "\u00A0", "\n", "\t",
                                             "(", ")", "/", "?", "!", "\"", "€", "×",      "@"};
  std::mt19937 random(20261206);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(1, 24);
  Tokenizer tokenizer;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += alphabet[pick(random)];
    expect_like_icu(tokenizer, text);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(LatinWords, TheSampleCorpusSplitsAsIcuSplitsIt) {
  Tokenizer tokenizer;
  size_t handled = 0, files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SONDA_CORPUS_DIR)) {
    std::string name = entry.path().string();
    if (!name.ends_with(".md") && !name.ends_with(".txt")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string text = clean_text(bytes.str());
    ++files;
    if (!latin_word_ranges(text)) continue;
    ++handled;
    EXPECT_EQ(described(tokenizer.split(text)), described(tokenizer.split_with_icu(text))) << name;
  }
  EXPECT_GT(files, 30u);
  EXPECT_GT(handled * 10, files * 9) << "nearly every document takes the Latin path";
}

TEST(LatinWords, AnythingElseIsLeftToIcu) {
  const char* cases[] = {"snake_case", "e\u0301te",        "Ελληνικά", "Русский", "日本語",  "a\u200Bb",
                         "a\u200Db",   "soft\u00ADhyphen", "a\u202Fb", "😀",       "a\u0007b"};
  Tokenizer tokenizer;
  for (const char* text : cases) {
    EXPECT_FALSE(latin_word_ranges(text).has_value()) << text;
    EXPECT_EQ(described(tokenizer.split(text)), described(tokenizer.split_with_icu(text))) << text;
  }
}

}  // namespace
}  // namespace sonda::analysis

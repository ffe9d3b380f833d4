// Apertium's French–Spanish dictionaries through lttoolbox (Debian's apertium-fr-es, installed by
// scripts/install-deps.sh): word → translations, contractions and unknown words, hostile input.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/temp_dir.h"
#include "translate/apertium_lexicon.h"
#include "translate/bilingual_entries.h"

namespace sonda::translate {
namespace {

class ApertiumLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto opened = ApertiumLexicon::open();
    ASSERT_TRUE(opened.ok()) << opened.error().message
                             << " — scripts/install-deps.sh installs apertium-fr-es";
    lexicon_ = opened->release();
  }
  static void TearDownTestSuite() { delete lexicon_; }
  static bool has(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  }
  static inline ApertiumLexicon* lexicon_ = nullptr;
};

struct Translation {
  std::string from;
  std::string word;
  std::vector<std::string> expected;  // among the translations
};

TEST_F(ApertiumLexiconTest, TranslatesWordsIntoTheOtherLanguagesLemmas) {
  const Translation cases[] = {
      {"fr", "enfance", {"niñez"}},
      {"fr", "Familles", {"familia"}},
      {"fr", "parents", {"padres", "pariente"}},  // every reading's translation, not one
      {"fr", "domicile", {"domicilio"}},
      {"fr", "visites", {"visita"}},
      {"es", "familias", {"famille"}},
      {"es", "infancia", {"enfance"}},
      {"es", "niños", {"enfant"}},
      {"es", "castigo", {"punition"}},
  };
  for (const Translation& c : cases) {
    auto translations = lexicon_->translate(c.word, c.from);
    for (const auto& expected : c.expected)
      EXPECT_TRUE(has(translations, expected)) << c.from << " " << c.word;
  }
}

// The look-up gives one longest match per reading (protection → amparo); the dictionaries' other entries
// for the same lemma and part of speech, in either direction, are kept too.
TEST_F(ApertiumLexiconTest, KeepsTheAlternativesTheLookUpHides) {
  const Translation cases[] = {
      {"fr", "protection", {"amparo", "protección"}},  // protección: another fr-es entry
      {"fr", "enfance", {"niñez", "infancia"}},        // infancia → enfance: an es-fr entry
      {"es", "amparo", {"protection"}},
      {"es", "protección", {"protection"}},
  };
  for (const Translation& c : cases) {
    auto translations = lexicon_->translate(c.word, c.from);
    for (const auto& expected : c.expected)
      EXPECT_TRUE(has(translations, expected)) << c.from << " " << c.word << " → " << expected;
    EXPECT_LE(translations.size(), 8u) << c.word;
  }
}

TEST(BilingualEntries, ReadsEveryEntryOfAMainSectionAndNothingFromWhatIsNotADictionary) {
  auto entries = read_bilingual_entries(std::string(kApertiumFolder) + "/fr-es.autobil.bin");
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  EXPECT_GT(entries->size(), 10'000u);
  EXPECT_NE(std::find(entries->begin(), entries->end(), BilingualEntry{"protection<n>", "protección<n>"}),
            entries->end());
  EXPECT_FALSE(read_bilingual_entries("/nonexistent/fr-es.autobil.bin").ok());
  testing::TempDir dir;
  std::ofstream(dir / "text.bin") << "not a dictionary, a line of text\n";
  auto garbage = read_bilingual_entries((dir / "text.bin").string());
  EXPECT_TRUE(!garbage.ok() || garbage->empty()) << "an error or nothing, never a crash";
  EXPECT_EQ(read_bilingual_entries(std::string(kApertiumFolder) + "/fr-es.autobil.bin", 5)->size(), 5u);
}

TEST_F(ApertiumLexiconTest, UnknownWordsContractionsAndHostileInputGiveNothing) {
  for (const char* word : {"châtiments", "zzqxw", "aux", "", "a^b$", "a/b", "<n>", "[x]", "\\", "mot\nmot"})
    EXPECT_TRUE(lexicon_->translate(word, "fr").empty()) << word;
  EXPECT_TRUE(lexicon_->translate("enfance", "de").empty()) << "only fr and es";
  EXPECT_TRUE(lexicon_->translate(std::string(200, 'a'), "es").empty());
}

TEST_F(ApertiumLexiconTest, AHundredWordsWithManyReadingsStayBounded) {
  const char* words[] = {"le", "la", "de", "que", "est", "pour", "sont", "avoir", "fait", "bien"};
  size_t translated = 0;
  for (int round = 0; round < 10; ++round)
    for (const char* word : words) translated += lexicon_->translate(word, "fr").size();
  EXPECT_GT(translated, 0u);
}

}  // namespace
}  // namespace sonda::translate

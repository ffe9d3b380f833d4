// Table-driven tests of segmentation, elision and folding over running text.
#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer.h"
#include "analysis/text_cleaner.h"

namespace sonda::analysis {
namespace {

std::string folded_words(Analyzer& analyzer, std::string_view raw) {
  std::string out;
  for (const Token& token : analyzer.tokens(clean_text(raw))) {
    if (!out.empty()) out += ' ';
    out += token.folded;
  }
  return out;
}

struct TokenCase {
  const char* input;
  const char* expected;
};

const TokenCase kTokenCases[] = {
    {"l’enfance", "enfance"},
    {"l'enfance", "enfance"},
    {"L’ENFANCE", "enfance"},
    {"d’Ucayali", "ucayali"},
    {"qu’elle", "elle"},
    {"jusqu’à", "a"},
    {"lorsqu’il", "il"},
    {"puisqu'on", "on"},
    {"aujourd’hui", "aujourd'hui"},
    {"c'est l'œuvre", "est oeuvre"},
    {"ﬁnancement", "financement"},
    {"dévelop-\npement", "developpement"},
    {"dévelop-  \n  pement durable", "developpement durable"},
    {"Grupo Impulsor, fundado en 2008.", "grupo impulsor fundado en 2008"},
    {"«Infancia sin Castigo»", "infancia sin castigo"},
    {"micro-crédit", "micro credit"},
    {"100 000 familles", "100 000 familles"},
    {"soft\u00ADhyphen", "softhyphen"},
    {"", ""},
    {"   \n\t ", ""},
    {"¿Qué?¡Sí!", "que si"},
    {"CHÂTIMENTS CORPORELS", "chatiments corporels"},
};

TEST(TokenizerTable, SegmentsElidesAndFolds) {
  Analyzer analyzer;
  for (const TokenCase& c : kTokenCases) EXPECT_EQ(folded_words(analyzer, c.input), c.expected) << c.input;
}

TEST(Tokenizer, OffsetsPointAtTheWordInTheText) {
  Analyzer analyzer;
  std::string text = clean_text("Les châtiments d’enfance");
  auto tokens = analyzer.tokens(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "châtiments");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "enfance");
  EXPECT_EQ(tokens[1].word, "châtiments");
}

TEST(Tokenizer, ElisionLength) {
  EXPECT_EQ(elision_length("l'x"), 2u);
  EXPECT_EQ(elision_length("qu’x"), 5u);
  EXPECT_EQ(elision_length("lʼx"), 3u) << "ʼ (U+02BC) is two bytes";
  EXPECT_EQ(elision_length("Lʼécole"), 3u);
  EXPECT_EQ(elision_length("lʼ"), 0u);
  EXPECT_EQ(elision_length("l'"), 0u);
  EXPECT_EQ(elision_length("la"), 0u);
}

TEST(Tokenizer, OverlongRunsAreNotWords) {
  Analyzer analyzer;
  EXPECT_EQ(folded_words(analyzer, std::string(100, 'a') + " court"), "court");
}

TEST(Tokenizer, OneMegabyteOfText) {
  Analyzer analyzer;
  std::string text;
  size_t sentences = 0;
  for (; text.size() < (1u << 20); ++sentences) text += "Les châtiments corporels sont interdits. ";
  auto tokens = analyzer.tokens(clean_text(text));
  EXPECT_EQ(tokens.size(), sentences * 5);
  EXPECT_EQ(tokens.back().folded, "interdits");
}

}  // namespace
}  // namespace sonda::analysis

// Table-driven tests of the analysis pipeline: folding, stemming, and forms that must meet.
#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "analysis/stopwords.h"
#include "analysis/unicode_fold.h"

namespace sonda::analysis {
namespace {

// One word as typed → the folded word and the folded stem the index stores for it.
struct StemCase {
  const char* lang;
  const char* input;
  const char* folded;
  const char* stem;
};

const StemCase kStemCases[] = {
    {"fr", "châtiments", "chatiments", "chat"},
    {"fr", "Châtiments", "chatiments", "chat"},
    {"fr", "CHÂTIMENTS", "chatiments", "chat"},
    {"fr", "châtiment", "chatiment", "chat"},
    {"fr", "corporels", "corporels", "corporel"},
    {"fr", "CORPORELS", "corporels", "corporel"},
    {"fr", "corporel", "corporel", "corporel"},
    {"fr", "parentalité", "parentalite", "parental"},
    {"fr", "protégées", "protegees", "proteg"},
    {"fr", "enfance", "enfance", "enfanc"},
    {"fr", "Enfants", "enfants", "enfant"},
    {"fr", "œuvre", "oeuvre", "oeuvr"},
    {"fr", "Œuvres", "oeuvres", "oeuvr"},
    {"fr", "développement", "developpement", "developp"},
    {"fr", "familles", "familles", "famill"},
    {"fr", "Pérou", "perou", "perou"},
    {"fr", "ÉCOLE", "ecole", "ecol"},
    {"fr", "æquo", "aequo", "aequo"},
    {"es", "castigos", "castigos", "castig"},
    {"es", "castigo", "castigo", "castig"},
    {"es", "Castigo", "castigo", "castig"},
    {"es", "físico", "fisico", "fisic"},
    {"es", "educación", "educacion", "educ"},
    {"es", "educaciones", "educaciones", "educ"},
    {"es", "EDUCACIÓN", "educacion", "educ"},
    {"es", "niñas", "ninas", "nin"},
    {"es", "niños", "ninos", "nin"},
    {"es", "Perú", "peru", "peru"},
    {"es", "violencia", "violencia", "violenci"},
    {"de", "Straße", "strasse", "strasse"},
    {"en", "Children", "children", "children"},
};

TEST(AnalyzerTable, FoldsAndStemsEachWord) {
  Analyzer analyzer;
  for (const StemCase& c : kStemCases) {
    Token token = analyzer.fold_word(c.input);
    EXPECT_EQ(token.folded, c.folded) << c.input;
    EXPECT_EQ(analyzer.stem(token.word, c.lang), c.stem) << c.lang << " " << c.input;
  }
}

// Forms that a document may contain and that must share one index stem.
struct MeetCase {
  const char* lang;
  std::vector<const char*> forms;
};

const MeetCase kMeetCases[] = {
    {"fr", {"châtiments", "Chatiments", "CHÂTIMENTS", "châtiment", "chatiment"}},
    {"fr", {"corporels", "corporel", "CORPOREL"}},
    {"fr", {"parentalité", "Parentalité", "PARENTALITÉ"}},
    {"fr", {"famille", "familles", "Familles"}},
    {"es", {"castigos", "castigo", "Castigo", "CASTIGOS"}},
    {"es", {"educación", "educaciones", "EDUCACIÓN", "Educación"}},
    {"es", {"físico", "fisico", "FÍSICO", "físicos"}},
    {"es", {"niño", "niños", "Niños"}},
};

TEST(AnalyzerTable, FormsMeetOnOneStem) {
  Analyzer analyzer;
  for (const MeetCase& c : kMeetCases) {
    std::string first = analyzer.stem(analyzer.fold_word(c.forms.front()).word, c.lang);
    for (const char* form : c.forms)
      EXPECT_EQ(analyzer.stem(analyzer.fold_word(form).word, c.lang), first) << form;
  }
}

// Unaccented forms stem differently: this is why the query side restores accents (see DESIGN.md).
TEST(AnalyzerTable, UnaccentedFormsNeedAccentRestoration) {
  Analyzer analyzer;
  EXPECT_NE(analyzer.stem("educacion", "es"), analyzer.stem("educación", "es"));
  EXPECT_NE(analyzer.stem("parentalite", "fr"), analyzer.stem("parentalité", "fr"));
}

struct StopCase {
  const char* lang;
  const char* folded;
  bool stop;
};

const StopCase kStopCases[] = {
    {"fr", "le", true},       {"fr", "des", true}, {"fr", "ete", true},
    {"fr", "enfance", false}, {"es", "los", true}, {"es", "para", true},
    {"es", "castigo", false}, {"es", "mas", true}, {"en", "the", false},
};

TEST(StopwordTable, KnowsEachLanguage) {
  for (const StopCase& c : kStopCases)
    EXPECT_EQ(is_stopword(c.folded, c.lang), c.stop) << c.lang << " " << c.folded;
}

TEST(UnicodeFold, CaseFoldingMapsApostrophes) {
  EXPECT_EQ(fold_case("AUJOURD’HUI"), "aujourd'hui");
  EXPECT_EQ(fold_case("Straße"), "strasse");
  EXPECT_EQ(fold_diacritics("ça"), "ca");
  EXPECT_EQ(fold_diacritics(fold_case("ÇÀ ÑÚ")), "ca nu");
}

}  // namespace
}  // namespace sonda::analysis

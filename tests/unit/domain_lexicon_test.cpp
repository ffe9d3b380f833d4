// The domain list: terms found whatever their inflection, both ways; bad lines named; layered over another.
#include "translate/domain_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::translate {
namespace {

using Words = std::vector<std::string>;

struct LookupCase {
  std::string words, from;
  Words expected;
};

TEST(DomainLexicon, FindsItsTermsWhateverTheirInflectionBothWays) {
  auto lexicon = DomainLexicon::parse(
      "# a comment\n"
      "\n"
      "châtiment corporel, punition corporelle\tcastigo corporal, castigo físico\n"
      "châtiment physique\tcastigo físico\n"
      "visite à domicile\tvisita domiciliaria\n"
      "parent\tpadre, madre\n"
      "parents\tpadres\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  const LookupCase cases[] = {
      {"châtiments corporels", "fr", {"castigo corporal", "castigo físico"}},
      {"CHATIMENT CORPOREL", "fr", {"castigo corporal", "castigo físico"}},
      {"punitions corporelles", "fr", {"castigo corporal", "castigo físico"}},
      {"castigos físicos", "es", {"châtiment corporel", "punition corporelle", "châtiment physique"}},
      {"castigo corporal", "es", {"châtiment corporel", "punition corporelle"}},
      {"visites à domicile", "fr", {"visita domiciliaria"}},
      {"visites domicile", "fr", {"visita domiciliaria"}},  // stop words are not part of the key
      {"parents", "fr", {"padre", "madre", "padres"}},      // parent and parents stem alike
      {"padres", "es", {"parent", "parents"}},              // so do padre and padres
      {"castigo corporal", "fr", {}},                       // read in the wrong language
      {"châtiment", "fr", {}},                              // a unit's word alone is not the unit
      {"à la", "fr", {}},
      {"", "fr", {}},
      {"châtiment corporel", "de", {}},
  };
  for (const LookupCase& c : cases) EXPECT_EQ((*lexicon)->translate(c.words, c.from), c.expected) << c.words;
}

TEST(DomainLexicon, RefusesMalformedLinesNamingThem) {
  const std::pair<std::string, std::string> cases[] = {
      {"enfance infancia\n", "line 1: expected French terms, one tab, Spanish terms"},
      {"ok\tbien\nenfance\tinfancia\tniñez\n", "line 2: expected French terms, one tab, Spanish terms"},
      {"enfance\t\n", "line 1: expected French terms, one tab, Spanish terms"},  // a trailing tab is space
      {"enfance, \tinfancia\n", "line 1: an empty term"},
      {"enfance\tinfancia,\n", "line 1: an empty term"},
      {"de la\tinfancia\n", "line 1: the term 'de la' has no word to match"},
      {"enfance\t" + std::string(5000, 'a') + "\n", "line 1: longer than 4096 bytes"},
      {"enfance\tinfancia\xff\n", "line 1: not valid UTF-8 text"},
      {"a b c d e f g h i\tinfancia\n", "line 1: a term of more than 8 words"},
      {"enfance\tbb,cc,dd,ff,gg,hh,jj,kk,ll,mm,nn,pp,qq,rr,ss,tt,vv\n",
       "line 1: more than 16 terms on a side"},
  };
  for (const auto& [text, message] : cases) {
    auto lexicon = DomainLexicon::parse(text);
    ASSERT_FALSE(lexicon.ok()) << text.substr(0, 40);
    EXPECT_EQ(lexicon.error().message, message) << text.substr(0, 40);
  }
}

TEST(DomainLexicon, TheBuiltInListLoadsWhole) {
  auto builtin = DomainLexicon::builtin();
  EXPECT_GE(builtin->entries(), 80u) << "a parse error would leave it empty";
  EXPECT_EQ(builtin->translate("petites enfances", "fr"), Words{"primera infancia"});
  EXPECT_EQ(builtin->translate("parents", "fr"), (Words{"padre", "madre", "padres"}))
      << "not Apertium's parientes";
}

TEST(LayeredLexicon, TheFirstAnswersForWhatItKnowsTheOtherForTheRest) {
  auto first = DomainLexicon::parse("parents\tpadres\n");
  ASSERT_TRUE(first.ok());
  auto fallback = std::make_unique<MemoryLexicon>(
      std::vector<std::pair<std::string, std::pair<std::string, std::string>>>{
          {"fr", {"parents", "parientes"}}, {"fr", {"famille", "familia"}}});
  LayeredLexicon layered(std::move(*first), std::move(fallback));
  EXPECT_EQ(layered.translate("parents", "fr"), Words{"padres"});
  EXPECT_EQ(layered.translate("famille", "fr"), Words{"familia"});
  EXPECT_EQ(layered.translate("maison", "fr"), Words{});
}

}  // namespace
}  // namespace sonda::translate

// Table tests of the synonym file parser (good and bad lines), look-ups, bounds, and the reloading file.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "query/synonyms.h"
#include "search/synonym_file.h"
#include "support/temp_dir.h"

namespace sonda::query {
namespace {

struct BadCase {
  std::string text;
  std::string error;  // the start of the message
};

const BadCase kBad[] = {
    {"ong", "line 1: a group needs two different terms or more"},
    {"ok, fine\nalone", "line 2: a group needs two different terms or more"},
    {"ONG, ong", "line 1: a group needs two different terms or more"},  // one term once folded
    {"a, , b", "line 1: an empty term"},
    {"a, b,", "line 1: an empty term"},
    {", a", "line 1: an empty term"},
    {"de: Kind, enfant", "line 1: unknown language"},
    {"\n\n# c\nfr: x, !!!", "line 4: the term '!!!' has no word"},
    {"a, \xC3(", "line 1: not valid UTF-8 text"},
    {"a, " + std::string(5000, 'b'), "line 1: longer than 4096 bytes"},
    {"a, b c d e f g h i j", "line 1: a term of more than 8 words"},
};

TEST(SynonymsTable, BadLinesAreErrorsNamingTheirLine) {
  analysis::Analyzer analyzer;
  for (const BadCase& c : kBad) {
    auto parsed = Synonyms::parse(c.text, analyzer);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.error().message.rfind(c.error, 0), 0u) << c.text << " → " << parsed.error().message;
  }
  std::string many_terms;
  for (int i = 0; i < 65; ++i) many_terms += "t" + std::to_string(i) + ",";
  many_terms += "z";
  auto parsed = Synonyms::parse(many_terms, analyzer);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "line 1: more than 64 terms");
}

struct LookupCase {
  std::string term;
  std::vector<std::string> langs;
  std::vector<std::string> expected;
};

TEST(SynonymsTable, LooksUpTheOtherTermsOfEachGroup) {
  analysis::Analyzer analyzer;
  auto parsed = Synonyms::parse(
      "# groups\nONG, Organisation non gouvernementale\n\nes: niñez, infancia\nfr: l’enfance, l'âge tendre\n"
      "protection, amparo\nprotection, protección\n   \n",
      analyzer);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->groups(), 5u);
  EXPECT_EQ(parsed->longest_term(), 3u);
  const LookupCase cases[] = {
      {"ong", {"fr"}, {"organisation non gouvernementale"}},
      {"organisation non gouvernementale", {"fr", "es"}, {"ong"}},
      {"ninez", {"es"}, {"infancia"}},
      {"ninez", {"fr"}, {}},  // a Spanish group: not for French queries
      {"ninez", {"fr", "es"}, {"infancia"}},
      {"enfance", {"fr"}, {"age tendre"}},  // elision and accents as in queries
      {"protection", {"fr"}, {"amparo", "proteccion"}},
      {"amparo", {"es"}, {"protection"}},
      {"unknown", {"fr"}, {}},
  };
  for (const LookupCase& c : cases) EXPECT_EQ(parsed->alternatives(c.term, c.langs), c.expected) << c.term;
}

TEST(Synonyms, AHundredThousandLinesLoad) {
  analysis::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "mot" + std::to_string(i) + ", terme" + std::to_string(i) + "\n";
  auto parsed = Synonyms::parse(text, analyzer);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->groups(), 100000u);
  EXPECT_EQ(parsed->alternatives("mot99999", {"fr"}), std::vector<std::string>{"terme99999"});
}

TEST(SynonymFile, ReloadsAChangeAndKeepsTheGroupsWhenAChangeIsBad) {
  testing::TempDir dir;
  std::string path = (dir / "synonyms.txt").string();
  std::ofstream(path) << "ong, organisation non gouvernementale\n";
  std::vector<std::string> logged;
  auto file = search::SynonymFile::open(
      path, [&](const std::string& m) { logged.push_back(m); }, std::chrono::milliseconds(0));
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ((*file)->current()->groups(), 1u);
  EXPECT_EQ((*file)->generation(), 0u);
  std::ofstream(path) << "ong, organisation non gouvernementale\nniñez, infancia\n";
  EXPECT_EQ((*file)->current()->groups(), 2u) << "a change is read at once (check interval 0)";
  EXPECT_EQ((*file)->generation(), 1u) << "a change taken counts";
  std::ofstream(path) << "ong, organisation non gouvernementale\nniñez, infancia\nbroken\n";
  EXPECT_EQ((*file)->current()->groups(), 2u) << "a bad change keeps the previous groups";
  EXPECT_EQ((*file)->generation(), 1u) << "a change refused does not";
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_NE(logged.back().find("line 3: a group needs two different terms or more"), std::string::npos)
      << logged.back();
  EXPECT_FALSE(search::SynonymFile::open((dir / "none.txt").string(), nullptr).ok());
  std::ofstream(dir / "bad.txt") << "a, b\nc\n";
  auto bad = search::SynonymFile::open((dir / "bad.txt").string(), nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.txt: line 2:"), std::string::npos) << bad.error().message;
}

TEST(SynonymFile, TheCorpusExampleLoads) {
  auto file = search::SynonymFile::open(SONDA_SYNONYMS_EXAMPLE, nullptr);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_GE((*file)->current()->groups(), 5u);
  EXPECT_EQ((*file)->current()->alternatives("ong", {"fr"}).size(), 2u);
}

}  // namespace
}  // namespace sonda::query

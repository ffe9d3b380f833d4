// Table-driven tests of front matter parsing.
#include <gtest/gtest.h>

#include "extract/front_matter.h"

namespace sonda::extract {
namespace {

struct FrontMatterCase {
  const char* input;
  bool ok;
  size_t fields;
  const char* body_or_error;  // the body when ok, a fragment of the message otherwise
};

const FrontMatterCase kCases[] = {
    {"no front matter", true, 0, "no front matter"},
    {"---\ntitle: A\nlang: fr\n---\nBody", true, 2, "Body"},
    {"---\r\ntitle: A\r\n---\r\nBody", true, 1, "Body"},
    {"---\ntopics: [a, b, \"c\"]\n---\n", true, 1, ""},
    {"---\n# comment\n\ntitle: A\n---\nB", true, 1, "B"},
    {"---\ntitle: A\n", false, 0, "never closed"},
    {"---\njust words\n---\nB", false, 0, "line 2"},
    {"---\ntopics: [a, b\n---\nB", false, 0, "list not closed"},
    {"\xEF\xBB\xBF---\ntitle: A\n---\nB", true, 1, "B"},
};

TEST(FrontMatterTable, ParsesOrNamesTheLine) {
  for (const FrontMatterCase& c : kCases) {
    auto parsed = parse_front_matter(c.input);
    ASSERT_EQ(parsed.ok(), c.ok) << c.input;
    if (c.ok) {
      EXPECT_EQ(parsed->fields.size(), c.fields) << c.input;
      EXPECT_EQ(parsed->body, c.body_or_error) << c.input;
    } else {
      EXPECT_NE(parsed.error().message.find(c.body_or_error), std::string::npos) << parsed.error().message;
    }
  }
}

TEST(FrontMatter, ListsAndQuotes) {
  auto parsed = parse_front_matter("---\norganisations: [Grupo Impulsor, 'INFANT']\ntitle: \"Pérou\"\n---\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->fields[0].second, (std::vector<std::string>{"Grupo Impulsor", "INFANT"}));
  EXPECT_EQ(parsed->fields[1].second, (std::vector<std::string>{"Pérou"}));
}

}  // namespace
}  // namespace sonda::extract

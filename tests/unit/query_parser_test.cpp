// Table-driven tests of the query parser: text → tree, including unbalanced and hostile input.
#include <gtest/gtest.h>

#include "query/query_parser.h"

namespace sonda::query {
namespace {

struct ParseCase {
  std::string input;
  std::string expected;
};

const ParseCase kCases[] = {
    {"châtiments corporels", "all(word:châtiments word:corporels)"},
    {"castigo", "word:castigo"},
    {"\"petite enfance\" Loreto", "all(phrase:\"petite enfance\" word:Loreto)"},
    {"castigo físico -adolescentes", "all(word:castigo word:físico exclude(word:adolescentes))"},
    {"-adolescentes", "all(exclude(word:adolescentes))"},
    {"castigo OR violencia", "any(word:castigo word:violencia)"},
    {"a b OR c", "any(all(word:a word:b) word:c)"},
    {"(castigo OR violencia) niños", "all(any(word:castigo word:violencia) word:niños)"},
    {"chât*", "prefix:chât"},
    {"title:Pérou enfance", "all(title(word:Pérou) word:enfance)"},
    {"country:\"Côte d'Ivoire\"", "country(phrase:\"Côte d'Ivoire\")"},
    {"org:INFANT", "org(word:INFANT)"},
    {"http://example.org", "word:http://example.org"},
    {"\"unclosed phrase", "phrase:\"unclosed phrase\""},
    {"(unclosed group", "all(word:unclosed word:group)"},
    {"stray) paren", "all(word:stray word:paren)"},
    {"", "all()"},
    {"   ", "all()"},
    {"*", "word:*"},
    {"- alone", "all(word:- word:alone)"},
    {"or lowercase", "all(word:or word:lowercase)"},
    {"OR", "all()"},
    {"\"\"", "phrase:\"\""},
    {"title:", "all()"},
    {"l’enfance", "word:l’enfance"},
    {"-\"petite enfance\"", "all(exclude(phrase:\"petite enfance\"))"},
};

TEST(QueryParserTable, BuildsTheExpectedTree) {
  for (const ParseCase& c : kCases) EXPECT_EQ(to_string(parse_query(c.input)), c.expected) << c.input;
}

TEST(QueryParser, DeepNestingIsBounded) {
  std::string deep(1000, '(');
  deep += "castigo";
  deep += std::string(1000, ')');
  EXPECT_EQ(to_string(parse_query(deep)), "word:castigo");
}

TEST(QueryParser, ManyTermsStayFlat) {
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "w ";
  QueryNode root = parse_query(many);
  EXPECT_EQ(root.children.size(), 10000u);
}

// Which word a query typed up to here is still being typed (marked …).
const ParseCase kUnfinished[] = {
    {"châtiments corpo", "all(word:châtiments word:corpo…)"},
    {"châtiments corpo ", "all(word:châtiments word:corpo)"},
    {"chati", "word:chati…"},
    {"\"petite enf", "phrase:\"petite enf\"…"},
    {"\"petite enfance\"", "phrase:\"petite enfance\""},
    {"castigo -adoles", "all(word:castigo exclude(word:adoles))"},
    {"country:Per", "country(word:Per)"},
    {"(castigo OR violen", "any(word:castigo word:violen…)"},
    {"castigo?", "word:castigo?"},
    {"chât*", "prefix:chât"},
    {"niño", "word:niño…"},
    {"", "all()"},
};

TEST(QueryParserTable, MarksTheWordStillBeingTyped) {
  for (const ParseCase& c : kUnfinished) {
    QueryNode root = parse_query(c.input);
    mark_unfinished_word(root, c.input);
    EXPECT_EQ(to_string(root), c.expected) << c.input;
  }
}

// The same queries with the word being typed read as "enfance": only a plain word is completed.
const ParseCase kCompleted[] = {
    {"châtiments corpo", "all(word:châtiments word:enfance)"},
    {"chati", "word:enfance"},
    {"(castigo OR violen", "any(word:castigo word:enfance)"},
    {"châtiments corpo ", "all(word:châtiments word:corpo)"},
    {"\"petite enf", "phrase:\"petite enf\"…"},
    {"castigo -adoles", "all(word:castigo exclude(word:adoles))"},
    {"country:Per", "country(word:Per)"},
    {"", "all()"},
};

TEST(QueryParserTable, CompletesTheWordStillBeingTyped) {
  for (const ParseCase& c : kCompleted) {
    QueryNode root = parse_query(c.input);
    mark_unfinished_word(root, c.input);
    EXPECT_EQ(to_string(with_word_completed(root, "enfance")), c.expected) << c.input;
  }
}

// Queries with the plain word typed "chatimens" corrected to "châtiments": the first one only, never in an
// exclusion or a field scope, and finished (… marks the word still being typed).
const ParseCase kCorrected[] = {
    {"chatimens corporels", "all(word:châtiments word:corporels…)"},
    {"chatimens", "word:châtiments"},
    {"chatimens chatimens", "all(word:châtiments word:chatimens…)"},
    {"(castigo OR chatimens)", "any(word:castigo word:châtiments)"},
    {"-chatimens chatimens", "all(exclude(word:chatimens) word:châtiments)"},
    {"title:chatimens", "title(word:chatimens)"},
    {"\"chatimens corporels\"", "phrase:\"chatimens corporels\""},
    {"castigo", "word:castigo…"},
};

TEST(QueryParserTable, CorrectsTheFirstPlainWordTypedSo) {
  for (const ParseCase& c : kCorrected) {
    QueryNode root = parse_query(c.input);
    mark_unfinished_word(root, c.input);
    EXPECT_EQ(to_string(with_word_replaced(root, "chatimens", "châtiments")), c.expected) << c.input;
  }
  QueryNode typing = parse_query("corporels chatimens");
  mark_unfinished_word(typing, "corporels chatimens");
  EXPECT_FALSE(with_word_replaced(typing, "chatimens", "châtiments").children.back().unfinished)
      << "the corrected word is finished";
}

}  // namespace
}  // namespace sonda::query

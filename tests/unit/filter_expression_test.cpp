// Meilisearch filter expressions → the core filter tree: a table of good and bad input, and the tree's
// checks.
#include "server/meilisearch/filter_expression.h"

#include <gtest/gtest.h>

#include <string>

#include "search/filter.h"

namespace sonda::server::meilisearch {
namespace {

struct Row {
  const char* expression;
  const char* expected;  // describe() of the tree, or "error: <part of the message>"
};

const Row kRows[] = {
    // Empty: no filter.
    {"", "all()"},
    {"   ", "all()"},
    // Comparisons.
    {"country = Pérou", "country = Pérou"},
    {"country=Pérou", "country = Pérou"},
    {"\"country\"=\"Pérou\"", "country = Pérou"},
    {"'country' = 'Costa Rica'", "country = Costa Rica"},
    {"country = \"El \\\"Salvador\\\"\"", "country = El \"Salvador\""},
    {"country = 'it\\'s'", "country = it's"},
    {"topic = \"\\-violence\"", "topic = -violence"},
    {"country != Pérou", "not(country = Pérou)"},
    {"year > 2018", "year in (2018, inf)"},
    {"year >= 2018", "year in [2018, inf)"},
    {"year < 2020", "year in (-inf, 2020)"},
    {"year <= 2020", "year in (-inf, 2020]"},
    {"\"year\">=2018", "year in [2018, inf)"},
    {"year = 2019", "year = 2019"},
    {"year 2018 TO 2020", "year in [2018, 2020]"},
    {"year -5 TO 2.5", "year in [-5, 2.500000]"},
    // Lists, existence, emptiness.
    {"country IN [Pérou, Colombie]", "any(country = Pérou, country = Colombie)"},
    {"country IN ['Costa Rica', \"Haïti\"]", "any(country = Costa Rica, country = Haïti)"},
    {"country IN []", "any()"},
    {"country IN [Pérou,]", "any(country = Pérou)"},
    {"country NOT IN [Pérou]", "not(any(country = Pérou))"},
    {"region EXISTS", "region exists"},
    {"region NOT EXISTS", "not(region exists)"},
    {"region IS NULL", "not(region exists)"},
    {"region IS NOT NULL", "region exists"},
    {"region IS EMPTY", "not(region exists)"},
    {"region IS NOT EMPTY", "region exists"},
    // Precedence: OR < AND < NOT; parentheses.
    {"a = 1 OR b = 2 AND c = 3", "any(a = 1, all(b = 2, c = 3))"},
    {"(a = 1 OR b = 2) AND c = 3", "all(any(a = 1, b = 2), c = 3)"},
    {"NOT a = 1 AND b = 2", "all(not(a = 1), b = 2)"},
    {"NOT (a = 1 AND b = 2)", "not(all(a = 1, b = 2))"},
    {"NOT NOT a = 1", "not(not(a = 1))"},
    {"a = 1 AND b = 2 AND c = 3", "all(a = 1, b = 2, c = 3)"},
    {"((a = 1))", "a = 1"},
    {"a = AND", "error: expected a value after `a =`"},
    // Keywords are capitals only: lower case is a value.
    {"country = and", "country = and"},
    {"a = 1 and b = 2", "error: expected `AND`, `OR` or the end"},
    // Bad input.
    {"country", "error: expected an operator"},
    {"country =", "error: expected a value after `country =` at position 9 of the filter, found the end"},
    {"= Pérou", "error: expected a field name"},
    {"country = 'Pérou", "error: is never closed"},
    {"country == Pérou", "error: expected a value after `country =`"},
    {"country ! Pérou", "error: must be `!=`"},
    {"year > recent", "error: `recent` is not a number"},
    {"year 2018 TO", "error: expected a number after `TO`"},
    {"year 2018 2020", "error: expected an operator"},
    {"country IN Pérou", "error: expected `[` after `IN`"},
    {"country IN [Pérou", "error: expected `,` or `]`"},
    {"country IN [Pérou Colombie]", "error: expected `,` or `]`"},
    {"(country = Pérou", "error: expected `)`"},
    {"country = Pérou)", "error: expected `AND`, `OR` or the end"},
    {"country = Pérou AND", "error: expected a field name"},
    {"OR country = Pérou", "error: expected a field name"},
    {"region IS", "error: expected `NULL` or `EMPTY`"},
    {"region IS NOT", "error: expected `NULL` or `EMPTY`"},
    {"country = Pérou; DROP", "error: unexpected character `;`"},
    {"_geoRadius(45.4, 9.1, 2000)", "error: geographic filters"},
    {"country = 1 OR", "error: expected a field name"},
};

TEST(FilterExpression, Table) {
  for (const Row& row : kRows) {
    auto parsed = parse_filter_expression(row.expression);
    std::string got = parsed ? search::describe(*parsed) : "error: " + parsed.error().message;
    std::string expected = row.expected;
    if (expected.starts_with("error: ")) {
      EXPECT_FALSE(parsed.ok()) << row.expression << " → " << got;
      EXPECT_NE(got.find(expected.substr(7)), std::string::npos) << row.expression << " → " << got;
    } else {
      EXPECT_EQ(got, expected) << row.expression;
    }
  }
}

TEST(FilterExpression, DepthIsBounded) {
  std::string deep(search::kMaxFilterDepth + 5, '(');
  deep += "a = 1" + std::string(search::kMaxFilterDepth + 5, ')');
  auto parsed = parse_filter_expression(deep);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("deeper than"), std::string::npos);
  std::string nots;
  for (size_t i = 0; i < search::kMaxFilterDepth + 5; ++i) nots += "NOT ";
  EXPECT_FALSE(parse_filter_expression(nots + "a = 1").ok());
  std::string fine(20, '(');
  EXPECT_TRUE(parse_filter_expression(fine + "a = 1" + std::string(20, ')')).ok());
}

TEST(FilterTree, ValidationNamesWhatIsWrong) {
  using search::FilterNode;
  struct Case {
    FilterNode filter;
    const char* error;  // "" when valid
  };
  const Case cases[] = {
      {FilterNode{}, ""},
      {FilterNode::equality("country", "Pérou"), ""},
      {FilterNode::equality("org", "BID"), ""},
      {FilterNode::equality("colour", "red"),
       "unknown filter field 'colour'; the filterable fields are country"},
      {FilterNode::between("country", 1, true, 2, true), "'country' is not numeric"},
      {FilterNode::between("year", 2018, true, std::nullopt, true), ""},
      {FilterNode::negation(FilterNode::presence("nope")), "unknown filter field 'nope'"},
      {FilterNode::equality("country", std::string("\xff\xfe")), "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    Status status = search::validate_filter(c.filter);
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(status.ok()) << search::describe(c.filter) << ": " << status.error().message;
    } else {
      ASSERT_FALSE(status.ok()) << search::describe(c.filter);
      EXPECT_NE(status.error().message.find(c.error), std::string::npos) << status.error().message;
    }
  }
  std::vector<FilterNode> many(search::kMaxFilterLeaves + 1, FilterNode::equality("country", "PE"));
  EXPECT_FALSE(search::validate_filter(FilterNode::any_of(many)).ok());
}

TEST(FilterTree, NativeValuesGroupByFieldAndKnowTheirField) {
  auto tree = search::facet_value_filter({{"country", "PE"}, {"topic", "x"}, {"countries", "CO"}});
  EXPECT_EQ(search::describe(tree), "all(any(country = PE, countries = CO), topic = x)");
  EXPECT_TRUE(tree.children[0].only_about("country"));
  EXPECT_FALSE(tree.only_about("country"));
  EXPECT_FALSE(search::FilterNode{}.only_about("country"));
}

}  // namespace
}  // namespace sonda::server::meilisearch

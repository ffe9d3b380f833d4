// Table-driven tests of JSON Lines records → Documents.
#include <gtest/gtest.h>

#include "indexer/jsonl_record.h"

namespace sonda::indexer {
namespace {

struct RecordCase {
  const char* line;
  bool ok;
  const char* error_fragment;
};

const RecordCase kCases[] = {
    {R"({"id":"a","text":"t"})", true, ""},
    {R"({"id":"a","text":"t","lang":"es","topic":["x","y"],"year":2020})", true, ""},
    {R"({"id":"a","text":"t","doc_type":"Fiche"})", true, ""},
    {R"({"id":"a"})", false, "no 'text'"},
    {R"({"text":"t"})", false, "no 'id'"},
    {R"({"id":"a","text":5})", false, "not a string"},
    {R"([1,2])", false, "not a JSON object"},
    {R"({"id":"a","text":"t")", false, "not valid JSON"},
    {R"({"id":"a","text":"t","year":"20x0"})", false, "year"},
    {"{\"id\":\"a\",\"text\":\"ni\xF1o\"}", true, ""},
};

TEST(JsonlRecordTable, ParsesOrExplains) {
  for (const RecordCase& c : kCases) {
    auto document = parse_jsonl_record(c.line);
    ASSERT_EQ(document.ok(), c.ok) << c.line;
    if (!c.ok) {
      EXPECT_NE(document.error().message.find(c.error_fragment), std::string::npos) << c.line;
    }
  }
}

TEST(JsonlRecord, MapsMetadata) {
  auto d = parse_jsonl_record(
      R"({"id":"x","lang":"es","title":"T","text":"B","date":"2021-05-01","country":"PE","organisation":"INFANT","topic":["a","b"],"doc_type":"ley","url":"u"})");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->lang, "es");
  EXPECT_EQ(d->countries, (std::vector<std::string>{"PE"}));
  EXPECT_EQ(d->organisations, (std::vector<std::string>{"INFANT"}));
  EXPECT_EQ(d->topics, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(d->type, "ley");
  EXPECT_EQ(d->format, "jsonl");
}

}  // namespace
}  // namespace sonda::indexer

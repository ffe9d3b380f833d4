// Round trips of the stored-field codec, and its refusal of foreign data.
#include <gtest/gtest.h>

#include "index/stored_fields.h"

namespace sonda::index {
namespace {

TEST(StoredFields, RoundTripsEveryField) {
  Document d;
  d.id = "x";
  d.title = "Título";
  d.body = std::string(300, 'b') + "\n\x1f";
  d.lang = "es";
  d.date = "2020-01-02";
  d.year = 2020;
  d.countries = {"Perú", "Colombia"};
  d.regions = {"Loreto"};
  d.organisations = {"INFANT"};
  d.topics = {"castigo físico", "primera infancia"};
  d.type = "informe";
  d.format = "md";
  d.source = "es/a.md";
  d.url = "https://example.org/a";
  auto back = decode_stored_fields(encode_stored_fields(d));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->title, d.title);
  EXPECT_EQ(back->body, d.body);
  EXPECT_EQ(back->year, d.year);
  EXPECT_EQ(back->countries, d.countries);
  EXPECT_EQ(back->topics, d.topics);
  EXPECT_EQ(back->url, d.url);
  EXPECT_EQ(back->source, d.source);
}

TEST(StoredFields, RoundTripsPagesAndSections) {
  Document d;
  d.id = "long.html";
  d.body = std::string(70000, 'x');
  d.page_starts = {0, 5, 300, 69999};
  d.sections = {
      {0, "", "Introduction"}, {130, "municipalites", "Avec les municipalités"}, {69000, "fin", ""}};
  auto back = decode_stored_fields(encode_stored_fields(d));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->page_starts, d.page_starts);
  EXPECT_EQ(back->sections, d.sections);
  std::string data = encode_stored_fields(d);
  size_t section = data.find("\x0dmunicipalites");
  ASSERT_NE(section, std::string::npos);
  data[section] = '';  // an anchor length past its record
  EXPECT_FALSE(decode_stored_fields(data).has_value());
}

TEST(StoredFields, RejectsForeignOrTruncatedData) {
  EXPECT_FALSE(decode_stored_fields("").has_value());
  EXPECT_FALSE(decode_stored_fields("{\"json\": 1}").has_value());
  Document d;
  d.id = "abc";
  d.body = "some body text";
  std::string data = encode_stored_fields(d);
  EXPECT_FALSE(decode_stored_fields(data.substr(0, data.size() - 3)).has_value());
}

}  // namespace
}  // namespace sonda::index

// Round trips of the stored-field codec, and its refusal of foreign data.
#include <gtest/gtest.h>

#include "index/packed_body.h"
#include "index/stored_fields.h"
#include "util/varint.h"

#include <zlib.h>

#include <map>

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
  Document bare = d;  // without a body its records are stored plain, so one can be broken here
  bare.body.clear();
  std::string data = encode_stored_fields(bare);
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

// A long body of varied text: `paragraphs` numbered paragraphs of about 100 bytes.
std::string long_body(int paragraphs) {
  std::string body;
  for (int i = 0; i < paragraphs; ++i)
    body += "Paragraphe " + std::to_string(i) + " : les équipes ont rencontré les familles du district.\n\n";
  return body;
}

TEST(StoredFields, ALongBodyIsStoredPackedAndReadByRanges) {
  Document d;
  d.id = "long.pdf";
  d.body = long_body(1000);  // about 80 KB: five chunks
  ASSERT_GE(d.body.size(), kPackBodyFrom);
  std::string data = encode_stored_fields(d);
  EXPECT_LT(data.size(), d.body.size() / 3) << "stored deflated";

  auto whole = decode_stored_fields(data);
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->body, d.body);
  EXPECT_FALSE(whole->packed_body);

  auto deferred = decode_stored_fields(data, BodyReading::deferred);
  ASSERT_TRUE(deferred.has_value());
  EXPECT_TRUE(deferred->body.empty());
  EXPECT_EQ(body_size(*deferred), d.body.size());
  struct Row {
    size_t begin, length;
  };
  constexpr size_t kChunk = PackedBody::kBodyChunkBytes;
  for (Row row : {Row{0, 100}, Row{kChunk - 10, 20}, Row{kChunk, 1}, Row{3 * kChunk - 5, 2 * kChunk + 10},
                  Row{d.body.size() - 7, 100}, Row{d.body.size(), 10}, Row{0, d.body.size()}}) {
    auto range = body_range(*deferred, row.begin, row.length);
    ASSERT_TRUE(range.has_value()) << row.begin;
    EXPECT_EQ(*range, row.begin >= d.body.size() ? "" : d.body.substr(row.begin, row.length)) << row.begin;
  }
  PackedBody::InflatedChunks cache;
  for (Row row : {Row{kChunk - 10, 20}, Row{kChunk - 10, 20}, Row{kChunk + 5, 30}}) {
    auto range = body_range(*deferred, row.begin, row.length, &cache);
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(*range, d.body.substr(row.begin, row.length)) << row.begin << " through the cache";
  }
  EXPECT_EQ(cache.size(), 5u);
  EXPECT_EQ(cache[0], d.body.substr(0, kChunk)) << "each chunk covered kept whole";
  EXPECT_EQ(cache[1], d.body.substr(kChunk, kChunk));
  EXPECT_TRUE(cache[2].empty()) << "and no other";
  EXPECT_EQ(encode_stored_fields(*deferred), data) << "a deferred body is written back as it was read";
  auto taken = decode_stored_record(data, BodyReading::deferred);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(body_range(*taken, kChunk - 10, 20), d.body.substr(kChunk - 10, 20))
      << "the record taken, not copied";
  EXPECT_EQ(encode_stored_fields(*taken), data);
  EXPECT_EQ(decode_stored_record(data)->body, d.body);
  EXPECT_FALSE(decode_stored_record(data.substr(0, data.size() - 3), BodyReading::deferred).has_value());
  ASSERT_TRUE(unpack_body(*deferred));
  EXPECT_EQ(deferred->body, d.body);

  Document short_one;
  short_one.id = "short.md";
  short_one.body = long_body(10);
  auto back = decode_stored_fields(encode_stored_fields(short_one), BodyReading::deferred);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->body, short_one.body) << "a short body is stored as it is";
}

TEST(StoredFields, ALongBodyKeptOutsideTheRecordIsReadChunkByChunk) {
  Document d;
  d.id = "rapport:2024";
  d.title = "Rapport";
  d.body = long_body(1000);  // about 80 KB
  constexpr size_t kChunk = PackedBody::kOutsideChunkBytes;
  OutsideChunks chunks;
  std::string data = encode_stored_fields(d, &chunks);
  EXPECT_LT(data.size(), 100u) << "the record holds the fields and the body's size";
  ASSERT_EQ(chunks.size(), (d.body.size() + kChunk - 1) / kChunk);
  ASSERT_GE(chunks.size(), 5u);
  std::map<std::string, std::string> stored(chunks.begin(), chunks.end());
  EXPECT_EQ(chunks[0].first, body_chunk_key(d.id, 0));
  EXPECT_EQ(chunks[4].first, body_chunk_key(d.id, 4));
  EXPECT_TRUE(chunks[4].first.starts_with(body_chunk_prefix(d.id)));
  EXPECT_FALSE(body_chunk_key("rapport:2024x", 0).starts_with(body_chunk_prefix(d.id)))
      << "no id's chunk keys begin with another id's prefix";
  EXPECT_LT(body_chunk_key(d.id, 9), body_chunk_key(d.id, 10)) << "keys sort in chunk order";

  std::vector<std::string> asked;
  ChunkStore store = [&](const std::string& key) {
    asked.push_back(key);
    auto found = stored.find(key);
    return found == stored.end() ? std::string() : found->second;
  };
  auto deferred = decode_stored_record(data, BodyReading::deferred, store);
  ASSERT_TRUE(deferred.has_value());
  EXPECT_EQ(deferred->title, "Rapport");
  EXPECT_TRUE(asked.empty()) << "nothing read before a range is asked for";
  EXPECT_EQ(body_size(*deferred), d.body.size());
  EXPECT_EQ(body_range(*deferred, 2 * kChunk + 5, 40), d.body.substr(2 * kChunk + 5, 40));
  EXPECT_EQ(asked, std::vector<std::string>{body_chunk_key(d.id, 2)}) << "only the chunk the range is in";
  EXPECT_EQ(decode_stored_fields(data, BodyReading::whole, store)->body, d.body);
  EXPECT_EQ(encode_stored_fields(*deferred), encode_stored_fields(d))
      << "written again in the record when no place outside is given";

  EXPECT_FALSE(decode_stored_fields(data).has_value()) << "the whole body asked for, with nowhere to read it";
  auto without_store = decode_stored_fields(data, BodyReading::deferred);
  ASSERT_TRUE(without_store.has_value()) << "the other fields read without the chunks";
  EXPECT_FALSE(body_range(*without_store, 0, 10).has_value());
  stored.erase(body_chunk_key(d.id, 3));
  EXPECT_FALSE(body_range(*decode_stored_fields(data, BodyReading::deferred, store), 3 * kChunk, 10))
      << "a missing chunk is an unreadable range";
  stored[body_chunk_key(d.id, 3)] = "broken";
  EXPECT_FALSE(decode_stored_fields(data, BodyReading::whole, store).has_value()) << "a corrupt chunk too";

  std::string too_long(1, '\x01');
  std::string size;
  append_varint(size, uint64_t{1} << 33);
  too_long += "O" + std::string(1, static_cast<char>(size.size())) + size;
  for (const std::string& bad : {std::string("\x01O\x00", 3), std::string("\x01O\x02\x05\x05", 5),
                                 std::string("\x01O\x01\x80", 4), too_long})
    EXPECT_FALSE(decode_stored_fields(bad, BodyReading::deferred, store).has_value()) << bad.size();

  Document short_one;
  short_one.id = "court";
  short_one.body = long_body(10);
  OutsideChunks none;
  EXPECT_EQ(encode_stored_fields(short_one, &none), encode_stored_fields(short_one));
  EXPECT_TRUE(none.empty()) << "a short body stays in the record";
}

TEST(PackedBody, RefusesWhatPackDidNotWrite) {
  std::string good = PackedBody::pack(long_body(400));  // about 32 KB: two chunks
  auto with_size = [](uint64_t size, std::string rest) {
    std::string out;
    append_varint(out, size);
    return out + rest;
  };
  std::string one_chunk = PackedBody::pack("court");
  struct Row {
    const char* name;
    std::string packed;
  };
  const std::vector<Row> rows = {
      {"empty", ""},
      {"a size and no chunk", with_size(100, "")},
      {"a chunk longer than the data", with_size(5, std::string("\x10"
                                                                "abc"))},
      {"one chunk too many", good + one_chunk.substr(1)},
      {"a chunk cut short", good.substr(0, good.size() - 10)},
      {"chunks missing", with_size(40000, one_chunk.substr(1))},
      {"a size over 4 GiB", with_size(uint64_t{1} << 40, "")},
      {"a truncated size", std::string("\xff")},
  };
  for (const Row& row : rows) EXPECT_FALSE(PackedBody::parse(row.packed).has_value()) << row.name;

  // A chunk whose bytes are not deflate, or inflate to another length: parsed, but no range comes out.
  std::string garbage = with_size(5, std::string("\x03xyz"));
  auto parsed = PackedBody::parse(garbage);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_FALSE(parsed->range(0, 5).has_value());
  std::string wrong_length = with_size(4, one_chunk.substr(1));  // "court" is 5 bytes
  auto wrong = PackedBody::parse(wrong_length);
  ASSERT_TRUE(wrong.has_value());
  EXPECT_FALSE(wrong->whole().has_value());
  auto fine = PackedBody::parse(one_chunk);
  ASSERT_TRUE(fine.has_value());
  EXPECT_EQ(fine->whole(), "court");

  Document d;
  d.id = "long.pdf";
  d.body = long_body(1000);
  std::string data = encode_stored_fields(d);
  data[data.size() - 40] ^= 0x55;  // inside the last chunk
  EXPECT_FALSE(decode_stored_fields(data).has_value())
      << "a corrupt chunk makes the whole document unreadable";
  auto deferred = decode_stored_fields(data, BodyReading::deferred);
  ASSERT_TRUE(deferred.has_value());
  EXPECT_TRUE(body_range(*deferred, 0, 100).has_value()) << "the first chunks still read";
  EXPECT_FALSE(body_range(*deferred, body_size(*deferred) - 10, 10).has_value());
}

// What zlib makes of `bytes` at its default level.
std::string deflated(std::string_view bytes) {
  uLongf size = compressBound(bytes.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
            bytes.size(), Z_DEFAULT_COMPRESSION);
  out.resize(size);
  return out;
}

// True when Xapian 1.4 stores `record` deflated (and so inflates it at every read): its tables try raw
// deflate at zlib's default level into a buffer of the record's size and keep the result when it fits.
bool xapian_deflates(std::string_view record) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string out(record.size(), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(record.data()));
  stream.avail_in = static_cast<uInt>(record.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  bool fits = deflate(&stream, Z_FINISH) == Z_STREAM_END;
  deflateEnd(&stream);
  return fits;
}

TEST(PackedBody, ItsChunksGiveZlibNothingToGainSoXapianStoresTheRecordAsItIs) {
  std::string body;
  for (int i = 0; i < 3000; ++i)
    body += std::to_string(i * 7919 % 1000) + " " + long_body(1).substr(0, 40 + i % 37);
  std::string packed = PackedBody::pack(body);
  EXPECT_GE(deflated(packed).size(), packed.size())
      << "Xapian deflates a record only when that makes it smaller";
  std::string plain;  // the same chunks without whitening, as indexes before wrote them
  append_varint(plain, body.size());
  for (size_t at = 0; at < body.size(); at += PackedBody::kBodyChunkBytes) {
    std::string chunk = deflated(body.substr(at, PackedBody::kBodyChunkBytes));
    append_varint(plain, chunk.size());
    plain += chunk;
  }
  EXPECT_LT(deflated(plain).size(), plain.size()) << "the case whitening is for";
  EXPECT_EQ(PackedBody::parse(packed)->whole(), body);
}

TEST(StoredFields, AShorterBodyGivesZlibNothingToGainSoReadingAHitInflatesNothing) {
  Document d;
  d.id = "short.md";
  d.title = "Visites à domicile";
  d.body = long_body(40);  // about 4 KB, under kPackBodyFrom
  ASSERT_LT(d.body.size(), kPackBodyFrom);
  std::string record = encode_stored_fields(d);
  EXPECT_EQ(record.find("Paragraphe"), std::string::npos) << "the body is not stored as plain text";
  EXPECT_GT(deflated(record).size(), record.size() * 9 / 10)
      << "zlib gains at most the title's and the id's few bytes, so Xapian keeps the record nearly whole";
  auto back = decode_stored_record(record, BodyReading::deferred);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->body, d.body);
  EXPECT_EQ(body_range(*back, 11, 3), "0 :");
}

TEST(StoredFields, WithABodyTheMetadataIsWhitenedTooSoXapianNeverInflatesTheRecord) {
  Document d;
  d.id = "fr_service_public/F1234";
  d.title = "Allocation de rentrée scolaire (ARS) : conditions et montants";
  d.description = "L'allocation de rentrée scolaire aide les familles à financer les dépenses de la rentrée.";
  d.url = "https://www.service-public.fr/particuliers/vosdroits/F1234";
  d.source = "fr_service_public_vdd.jsonl.gz";
  d.lang = "fr";
  d.date = "2024-07-01";
  d.countries = {"france"};
  d.topics = {"education", "protection sociale"};
  d.keywords = {"allocation", "rentrée", "famille", "scolarité", "prestations familiales"};
  for (int paragraphs : {1, 250}) {  // a body of 80 bytes, then of 20 KB
    d.body = long_body(paragraphs);
    std::string record = encode_stored_fields(d);
    EXPECT_FALSE(xapian_deflates(record)) << paragraphs << " paragraphs";
    EXPECT_EQ(record.find("service-public"), std::string::npos) << "the metadata is not stored plain";
    auto back = decode_stored_record(record, BodyReading::deferred);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->url, d.url);
    EXPECT_EQ(back->keywords, d.keywords);
    EXPECT_EQ(back->body, d.body);
  }
  d.body.clear();  // metadata alone: zlib may shrink it, and inflating so little costs little
  EXPECT_TRUE(xapian_deflates(encode_stored_fields(d)));
  EXPECT_EQ(decode_stored_fields(encode_stored_fields(d))->url, d.url);
}

TEST(PackedBody, TheWhiteningStreamIsFixedSoEveryIndexReadsAlike) {
  std::string bytes = "Paragraphe 0 : les";  // two whole words of the stream and a tail of two bytes
  whiten(bytes);
  EXPECT_EQ(bytes,
            std::string("\x73\x45\x05\x5f\x45\xda\xbe\x15\x66\xc5\x30\x77\x7d\x33\x60\x4c\xdf\x1c", 18));
  whiten(bytes);
  EXPECT_EQ(bytes, "Paragraphe 0 : les");
}

TEST(StoredFields, WhitenedFieldsAreNotNestedAndBrokenOnesAreRejected) {
  Document d;
  d.id = "a.md";
  d.body = "texte du corps";
  std::string record = encode_stored_fields(d);
  ASSERT_EQ(record[1], 'W');
  std::string nested(1, '\x01');  // W holding a W
  std::string inner = record.substr(1);
  whiten(inner);
  nested.push_back('W');
  append_varint(nested, inner.size());
  nested += inner;
  EXPECT_FALSE(decode_stored_fields(nested).has_value());
  std::string truncated = record.substr(0, record.size() - d.body.size() - 3);  // inside the W record
  EXPECT_FALSE(decode_stored_fields(truncated).has_value());
}

TEST(StoredFields, ShorterBodiesWrittenPlainBeforeStillRead) {
  std::string record(1, '\x01');  // the version, then an id and a plain body, as indexes before wrote them
  for (auto [tag, value] : {std::pair{'i', std::string("a.md")}, {'b', std::string("texte du corps")}}) {
    record.push_back(tag);
    append_varint(record, value.size());
    record += value;
  }
  auto back = decode_stored_fields(record);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->body, "texte du corps");
}

TEST(PackedBody, IndexesMadeBeforeWhiteningStillRead) {
  std::string body = long_body(1000);
  std::string plain;
  append_varint(plain, body.size());
  for (size_t at = 0; at < body.size(); at += PackedBody::kBodyChunkBytes) {
    std::string chunk = deflated(body.substr(at, PackedBody::kBodyChunkBytes));
    append_varint(plain, chunk.size());
    plain += chunk;
  }
  std::string record(1, '\x01');  // the format's version byte, an id record, then the body as 'z'
  record += 'i';
  append_varint(record, 7);
  record += "old.pdf";
  record += 'z';
  append_varint(record, plain.size());
  record += plain;
  auto document = decode_stored_fields(record);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->id, "old.pdf");
  EXPECT_EQ(document->body, body);
  auto deferred = decode_stored_fields(record, BodyReading::deferred);
  ASSERT_TRUE(deferred.has_value());
  EXPECT_EQ(body_range(*deferred, 20000, 50), body.substr(20000, 50));
  std::string again = encode_stored_fields(*deferred);
  EXPECT_TRUE(again.ends_with(plain)) << "its packed body written back as it was read";
  EXPECT_EQ(decode_stored_fields(again)->body, body);
  EXPECT_FALSE(PackedBody::parse(plain)->whole().has_value()) << "plain chunks are no whitened ones";
}

}  // namespace
}  // namespace sonda::index

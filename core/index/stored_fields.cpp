// Encoding of the document data: a version byte, then (field tag, varint length, bytes) records; beside a
// body, the other fields' records are whitened together inside one record.
#include "index/stored_fields.h"

#include <cstdint>

#include "util/varint.h"

namespace sonda::index {
namespace {

constexpr char kVersion = 1;

enum Tag : char {
  kId = 'i',
  kTitle = 't',
  kBody = 'b',
  kLang = 'l',
  kDate = 'd',
  kYear = 'y',
  kCountry = 'c',
  kRegion = 'r',
  kOrganisation = 'o',
  kTopic = 'p',
  kType = 'k',
  kFormat = 'f',
  kSource = 's',
  kUrl = 'u',
  kDescription = 'e',
  kKeyword = 'w',
  kAuthor = 'a',
  kPageStarts = 'g',      // varints: the first page start, then the gaps between starts
  kSection = 'h',         // one per section: varint start, varint anchor length, anchor, heading
  kPackedBody = 'z',      // a long body, index/packed_body.h, as indexes before whitening wrote it
  kWhitenedBody = 'x',    // a long body, index/packed_body.h
  kWhitenedText = 'v',    // a shorter body, whitened (index/packed_body.h) so that Xapian stores it as it is
                          // (kBody: as indexes before wrote it, which Xapian deflated with the record)
  kWhitenedFields = 'W',  // the other fields' records, whitened together, beside a whitened body: zlib then
                          // gains nothing on the record (indexes before stored those records plain, first)
  kOutsideBody = 'O',     // a long body's size (varint), its chunks stored outside the record (packed_body.h)
};

void put(std::string& out, char tag, std::string_view value) {
  out.push_back(tag);
  append_varint(out, value.size());
  out.append(value);
}

void put_if(std::string& out, char tag, std::string_view value) {
  if (!value.empty()) put(out, tag, value);
}

// Sets the packed body stored at [offset, offset + length) of `storage` (the last body record counts, packed
// or not); false when it is not one.
bool assign_packed(Document& document, char tag, std::string storage, size_t offset, size_t length,
                   BodyReading reading) {
  auto packed = PackedBody::parse_within(
      std::move(storage), offset, length,
      tag == kWhitenedBody ? PackedBody::Chunks::whitened : PackedBody::Chunks::plain);
  if (!packed) return false;
  document.body.clear();
  document.packed_body = std::make_shared<const PackedBody>(std::move(*packed));
  return reading == BodyReading::deferred || unpack_body(document);
}

bool assign(Document& document, char tag, std::string value, BodyReading reading) {
  switch (tag) {
    case kPackedBody:
    case kWhitenedBody: {
      size_t length = value.size();
      return assign_packed(document, tag, std::move(value), 0, length, reading);
    }
    case kId: document.id = std::move(value); return true;
    case kTitle: document.title = std::move(value); return true;
    case kWhitenedText: whiten(value); [[fallthrough]];
    case kBody:
      document.body = std::move(value);
      document.packed_body.reset();
      return true;
    case kLang: document.lang = std::move(value); return true;
    case kDate: document.date = std::move(value); return true;
    case kYear: document.year = std::atoi(value.c_str()); return true;
    case kCountry: document.countries.push_back(std::move(value)); return true;
    case kRegion: document.regions.push_back(std::move(value)); return true;
    case kOrganisation: document.organisations.push_back(std::move(value)); return true;
    case kTopic: document.topics.push_back(std::move(value)); return true;
    case kType: document.type = std::move(value); return true;
    case kFormat: document.format = std::move(value); return true;
    case kSource: document.source = std::move(value); return true;
    case kUrl: document.url = std::move(value); return true;
    case kDescription: document.description = std::move(value); return true;
    case kKeyword: document.keywords.push_back(std::move(value)); return true;
    case kAuthor: document.author = std::move(value); return true;
    case kPageStarts: {
      std::string_view gaps = value;
      uint64_t start = 0;
      while (!gaps.empty()) {
        uint64_t gap = 0;
        if (!read_varint(gaps, gap)) return false;
        start += gap;
        document.page_starts.push_back(static_cast<uint32_t>(start));
      }
      return true;
    }
    case kSection: {
      std::string_view rest = value;
      uint64_t start = 0, anchor = 0;
      if (!read_varint(rest, start) || !read_varint(rest, anchor) || anchor > rest.size()) return false;
      document.sections.push_back({static_cast<uint32_t>(start), std::string(rest.substr(0, anchor)),
                                   std::string(rest.substr(anchor))});
      return true;
    }
    default: return false;
  }
}

// The records of every field but the body.
std::string encode_fields(const Document& document) {
  std::string out;
  put(out, kId, document.id);
  put_if(out, kTitle, document.title);
  put_if(out, kLang, document.lang);
  put_if(out, kDate, document.date);
  if (document.year) put(out, kYear, std::to_string(*document.year));
  for (const auto& value : document.countries) put(out, kCountry, value);
  for (const auto& value : document.regions) put(out, kRegion, value);
  for (const auto& value : document.organisations) put(out, kOrganisation, value);
  for (const auto& value : document.topics) put(out, kTopic, value);
  put_if(out, kType, document.type);
  put_if(out, kFormat, document.format);
  put_if(out, kSource, document.source);
  put_if(out, kUrl, document.url);
  put_if(out, kDescription, document.description);
  for (const auto& value : document.keywords) put(out, kKeyword, value);
  put_if(out, kAuthor, document.author);
  if (!document.page_starts.empty()) {
    std::string starts;
    uint32_t previous = 0;
    for (uint32_t start : document.page_starts) {
      append_varint(starts, start - previous);
      previous = start;
    }
    put(out, kPageStarts, starts);
  }
  for (const DocumentSection& section : document.sections) {
    std::string value;
    append_varint(value, section.start);
    append_varint(value, section.anchor.size());
    value += section.anchor;
    value += section.heading;
    put(out, kSection, value);
  }
  return out;
}

}  // namespace

std::string encode_stored_fields(const Document& document, OutsideChunks* outside) {
  if (document.packed_body && document.body.empty() && document.packed_body->is_outside()) {
    Document whole = document;  // its chunks are read back, to be written again (none when unreadable)
    if (!unpack_body(whole)) whole.packed_body.reset();
    return encode_stored_fields(whole, outside);
  }
  std::string out(1, kVersion);
  std::string fields = encode_fields(document);
  if (body_size(document) == 0) {
    out += fields;  // zlib may shrink a record of metadata alone, and inflating it costs little
    return out;
  }
  whiten(fields);  // with the body whitened too, zlib gains nothing, so Xapian stores the record as it is
  put(out, kWhitenedFields, fields);
  if (document.packed_body && document.body.empty())
    put(out, document.packed_body->chunks() == PackedBody::Chunks::whitened ? kWhitenedBody : kPackedBody,
        document.packed_body->bytes());
  else if (document.body.size() >= kPackBodyFrom && outside) {
    *outside = PackedBody::pack_outside(document.id, document.body);
    std::string size;
    append_varint(size, document.body.size());
    put(out, kOutsideBody, size);
  } else if (document.body.size() >= kPackBodyFrom)
    put(out, kWhitenedBody, PackedBody::pack(document.body));
  else if (!document.body.empty()) {  // whitened: reading a hit copies it instead of inflating the record
    std::string whitened = document.body;
    whiten(whitened);
    put(out, kWhitenedText, whitened);
  }
  return out;
}

namespace {

// Reads the records of `data` into `document`; with `owner` (the string `data` views), a packed body that is
// the last record takes `owner` whole instead of a copy of its bytes. `nested`: within kWhitenedFields. The
// size of a body kept outside the record goes to `outside_size`.
bool read_records(std::string_view data, Document& document, BodyReading reading, std::string* owner,
                  bool nested, std::optional<uint64_t>& outside_size) {
  while (!data.empty()) {
    char tag = data.front();
    data.remove_prefix(1);
    uint64_t length;
    if (!read_varint(data, length) || length > data.size()) return false;
    if (tag == kWhitenedFields) {
      std::string fields(data.substr(0, length));
      whiten(fields);
      if (nested || !read_records(fields, document, reading, nullptr, true, outside_size)) return false;
      data.remove_prefix(length);
      continue;
    }
    if (tag == kOutsideBody) {
      std::string_view size = data.substr(0, length);
      uint64_t bytes = 0;
      if (!read_varint(size, bytes) || !size.empty()) return false;
      outside_size = bytes;
      data.remove_prefix(length);
      continue;
    }
    bool packed = tag == kPackedBody || tag == kWhitenedBody;
    if (owner && packed && length == data.size()) {  // the last record: it takes the record's bytes
      size_t offset = static_cast<size_t>(data.data() - owner->data());
      return assign_packed(document, tag, std::move(*owner), offset, length, reading);
    }
    if (!assign(document, tag, std::string(data.substr(0, length)), reading)) return false;
    data.remove_prefix(length);
  }
  return true;
}

std::optional<Document> decode(std::string_view data, BodyReading reading, std::string* owner,
                               ChunkStore store) {
  if (data.empty() || data.front() != kVersion) return std::nullopt;
  data.remove_prefix(1);
  Document document;
  std::optional<uint64_t> outside_size;
  if (!read_records(data, document, reading, owner, false, outside_size)) return std::nullopt;
  if (outside_size) {
    auto packed = PackedBody::outside(document.id, *outside_size, std::move(store));
    if (!packed) return std::nullopt;
    document.body.clear();
    document.packed_body = std::make_shared<const PackedBody>(std::move(*packed));
    if (reading == BodyReading::whole && !unpack_body(document)) return std::nullopt;
  }
  return document;
}

}  // namespace

std::optional<Document> decode_stored_fields(std::string_view data, BodyReading reading, ChunkStore store) {
  return decode(data, reading, nullptr, std::move(store));
}

std::optional<Document> decode_stored_record(std::string record, BodyReading reading, ChunkStore store) {
  std::string_view data = record;
  return decode(data, reading, &record, std::move(store));
}

size_t body_size(const Document& document) {
  return document.packed_body && document.body.empty() ? document.packed_body->size() : document.body.size();
}

std::optional<std::string> body_range(const Document& document, size_t begin, size_t length,
                                      PackedBody::InflatedChunks* cache) {
  if (document.packed_body && document.body.empty()) return document.packed_body->range(begin, length, cache);
  if (begin >= document.body.size()) return std::string();
  return document.body.substr(begin, length);
}

bool unpack_body(Document& document) {
  if (!document.packed_body || !document.body.empty()) return true;
  auto whole = document.packed_body->whole();
  if (!whole) return false;
  document.body = std::move(*whole);
  document.packed_body.reset();
  return true;
}

}  // namespace sonda::index

// libFuzzer target: decoding stored document data (fields, page starts, sections, packed bodies) and the
// combined facet slot; what decodes re-encodes stably (the facet slot to the same lists), a body read whole
// equals the same body read by ranges, and a record decoded by taking it (decode_stored_record) decodes as
// its copy does. A body kept outside the record reads its chunks from the input itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "index/schema.h"
#include "index/stored_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> joined(sonda::index::facet_fields().size()), redecoded(joined.size());
  if (sonda::index::decode_facet_values(bytes, joined)) {
    std::string encoded =
        sonda::index::encode_facet_values(std::vector<std::string>(joined.begin(), joined.end()));
    if (!sonda::index::decode_facet_values(encoded, redecoded) || redecoded != joined) std::abort();
  }
  sonda::index::ChunkStore store = [bytes](const std::string&) { return std::string(bytes); };
  auto copied = sonda::index::decode_stored_fields(bytes, sonda::index::BodyReading::deferred, store);
  auto taken =
      sonda::index::decode_stored_record(std::string(bytes), sonda::index::BodyReading::deferred, store);
  if (taken.has_value() != copied.has_value()) std::abort();
  if (copied && sonda::index::body_size(*copied) > (1u << 20)) return 0;  // chunks repeated up to 4 GB
  if (taken && sonda::index::encode_stored_fields(*taken) != sonda::index::encode_stored_fields(*copied))
    std::abort();
  auto document = sonda::index::decode_stored_fields(bytes, sonda::index::BodyReading::whole, store);
  if (!document) return 0;
  std::string encoded = sonda::index::encode_stored_fields(*document);
  auto again = sonda::index::decode_stored_fields(encoded);
  if (!again || sonda::index::encode_stored_fields(*again) != encoded) std::abort();
  auto deferred = sonda::index::decode_stored_fields(bytes, sonda::index::BodyReading::deferred, store);
  if (!deferred) std::abort();
  size_t length = sonda::index::body_size(*deferred);
  auto whole = sonda::index::body_range(*deferred, 0, length);
  if (!whole || *whole != document->body) std::abort();
  std::string halves;
  for (size_t at = 0; at < length; at += length / 2 + 1) {
    auto part = sonda::index::body_range(*deferred, at, length / 2 + 1);
    if (!part) std::abort();
    halves += *part;
  }
  if (halves != document->body) std::abort();
  return 0;
}

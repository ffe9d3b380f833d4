// libFuzzer target: decoding stored document data (fields, page starts, sections, packed bodies); what
// decodes re-encodes stably, a body read whole equals the same body read by ranges, and a record decoded by
// taking it (decode_stored_record) decodes as its copy does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/stored_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto copied = sonda::index::decode_stored_fields(bytes, sonda::index::BodyReading::deferred);
  auto taken = sonda::index::decode_stored_record(std::string(bytes), sonda::index::BodyReading::deferred);
  if (taken.has_value() != copied.has_value()) std::abort();
  if (taken && sonda::index::encode_stored_fields(*taken) != sonda::index::encode_stored_fields(*copied))
    std::abort();
  auto document = sonda::index::decode_stored_fields(bytes);
  if (!document) return 0;
  std::string encoded = sonda::index::encode_stored_fields(*document);
  auto again = sonda::index::decode_stored_fields(encoded);
  if (!again || sonda::index::encode_stored_fields(*again) != encoded) std::abort();
  auto deferred = sonda::index::decode_stored_fields(bytes, sonda::index::BodyReading::deferred);
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

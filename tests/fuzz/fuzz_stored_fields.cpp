// libFuzzer target: decoding stored document data (fields, page starts, sections); what decodes re-encodes
// stably.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/stored_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto document = sonda::index::decode_stored_fields(bytes);
  if (!document) return 0;
  std::string encoded = sonda::index::encode_stored_fields(*document);
  auto again = sonda::index::decode_stored_fields(encoded);
  if (!again || sonda::index::encode_stored_fields(*again) != encoded) std::abort();
  return 0;
}

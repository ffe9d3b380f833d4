// libFuzzer target: DOCX and ODT extraction (zip archives, XML parts) on any bytes, with small limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/office_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  sonda::extract::ExtractLimits limits;
  limits.max_text_bytes = 1 << 20;
  limits.max_unzipped_bytes = 4 << 20;
  (void)sonda::extract::extract_docx(bytes, limits);
  (void)sonda::extract::extract_odt(bytes, limits);
  return 0;
}

// libFuzzer target: front matter and plain-text/Markdown extraction, HTML extraction, JSON Lines records.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/front_matter.h"
#include "extract/html_extractor.h"
#include "extract/text_extractor.h"
#include "indexer/jsonl_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sonda::extract::parse_front_matter(bytes);
  (void)sonda::extract::extract_text(bytes);
  (void)sonda::extract::extract_html(bytes);
  (void)sonda::indexer::parse_jsonl_record(bytes);
  return 0;
}

// libFuzzer target: front matter and plain-text/Markdown extraction, HTML extraction, JSON Lines records.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/front_matter.h"
#include "extract/html_extractor.h"
#include "extract/text_extractor.h"
#include "indexer/jsonl_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sonda::extract::parse_front_matter(bytes);
  (void)sonda::extract::extract_text(bytes);
  if (auto page = sonda::extract::extract_html(bytes)) {
    size_t previous = 0;
    for (const auto& section : page->sections) {  // sections point into the body, in order
      if (section.start < previous || section.start > page->body.size()) std::abort();
      previous = section.start;
    }
  }
  (void)sonda::indexer::parse_jsonl_record(bytes);
  return 0;
}

// PDF files (poppler-cpp): text page by page, and title, author, subject, keywords and dates from the info.
#include "extract/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <mutex>

#include "util/strings.h"

namespace sonda::extract {
namespace {

std::string utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// "YYYY-MM-DD" of a PDF info date, or empty when the document has none.
std::string info_date(const poppler::document& document, const char* key) {
  time_t seconds = document.info_date_t(key);
  if (seconds <= 0) return {};
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
  return text;
}

void silence_poppler() {
  static std::once_flag silenced;
  std::call_once(silenced,
                 [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

MetadataFields info_fields(const poppler::document& document) {
  MetadataFields fields;
  add_field(fields, "title", utf8(document.get_title()));
  add_field(fields, "author", utf8(document.get_author()));
  add_field(fields, "description", utf8(document.get_subject()));
  std::string keywords = utf8(document.get_keywords());
  if (!trim(keywords).empty())
    fields.emplace_back("keywords",
                        split_trimmed(keywords, keywords.find(';') != std::string::npos ? ';' : ','));
  std::string date = info_date(document, "CreationDate");
  add_field(fields, "date", date.empty() ? info_date(document, "ModDate") : date);
  return fields;
}

}  // namespace

Result<Extracted> extract_pdf(std::string_view bytes, const ExtractLimits& limits) {
  silence_poppler();
  if (bytes.empty()) return Error{ErrorCode::invalid_argument, "empty file"};
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return Error{ErrorCode::too_large, "PDF larger than 2 GiB"};
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return Error{ErrorCode::invalid_argument, "corrupt or not a PDF (poppler cannot open it)"};
  if (document->is_locked())
    return Error{ErrorCode::invalid_argument, "encrypted PDF: a password is needed to read its text"};
  Extracted out;
  out.fields = info_fields(*document);
  for (int index = 0; index < document->pages(); ++index) {
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    if (!out.body.empty()) out.body += "\n\n";
    out.page_starts.push_back(out.body.size());
    out.body += utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout));
    if (out.body.size() > limits.max_text_bytes) {
      truncate_utf8(out.body, limits.max_text_bytes);
      out.warnings.push_back("text longer than the limit; indexed the first " +
                             mebibytes(limits.max_text_bytes) + " (pages 1–" + std::to_string(index + 1) +
                             ")");
      break;
    }
  }
  bool visible = std::any_of(out.body.begin(), out.body.end(),
                             [](char c) { return static_cast<unsigned char>(c) > 0x20; });
  if (!visible)
    return Error{ErrorCode::invalid_argument, "PDF without extractable text (scanned images need OCR)"};
  return out;
}

}  // namespace sonda::extract

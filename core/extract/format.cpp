// The file formats sonda-index reads, recognised by file name, and extraction dispatched by format.
#include "extract/format.h"

#include <string>

#include "extract/html_extractor.h"
#include "extract/office_extractor.h"
#include "extract/pdf_extractor.h"
#include "extract/text_extractor.h"

namespace sonda::extract {

Format format_of(std::string_view file_name) {
  std::string name(file_name);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ends_with = [&](std::string_view suffix) { return name.ends_with(suffix); };
  if (ends_with(".jsonl") || ends_with(".jsonl.gz")) return Format::jsonl;
  if (ends_with(".md") || ends_with(".markdown")) return Format::markdown;
  if (ends_with(".txt")) return Format::text;
  if (ends_with(".html") || ends_with(".htm")) return Format::html;
  if (ends_with(".pdf")) return Format::pdf;
  if (ends_with(".docx")) return Format::docx;
  if (ends_with(".odt")) return Format::odt;
  return Format::unsupported;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::text: return "txt";
    case Format::markdown: return "md";
    case Format::html: return "html";
    case Format::pdf: return "pdf";
    case Format::docx: return "docx";
    case Format::odt: return "odt";
    case Format::jsonl: return "jsonl";
    case Format::unsupported: break;
  }
  return "";
}

Result<Extracted> extract(Format format, std::string_view bytes, const ExtractLimits& limits) {
  switch (format) {
    case Format::text:
    case Format::markdown: return extract_text(bytes);
    case Format::html: return extract_html(bytes);
    case Format::pdf: return extract_pdf(bytes, limits);
    case Format::docx: return extract_docx(bytes, limits);
    case Format::odt: return extract_odt(bytes, limits);
    case Format::jsonl:
    case Format::unsupported: break;
  }
  return Error{ErrorCode::invalid_argument, "not a single-document format"};
}

}  // namespace sonda::extract

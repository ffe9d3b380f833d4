// The file formats sonda-index reads, recognised by file name, and extraction dispatched by format.
#pragma once

#include <string_view>

#include "extract/extracted.h"
#include "util/result.h"

namespace sonda::extract {

// A supported format, or unsupported (the file is skipped and counted).
enum class Format { text, markdown, html, pdf, docx, odt, jsonl, unsupported };

// The format of a file from its name: .txt, .md/.markdown, .html/.htm, .pdf, .docx, .odt,
// .jsonl/.jsonl.gz (case-insensitive). Sidecars (NAME.meta.json) are unsupported: they are metadata.
Format format_of(std::string_view file_name);

// The short name stored with documents and used as the `format` facet: "txt", "md", "html"…
std::string_view format_name(Format format);

// Extracts one file of a single-document format (every format but jsonl) from its bytes.
Result<Extracted> extract(Format format, std::string_view bytes, const ExtractLimits& limits);

}  // namespace sonda::extract

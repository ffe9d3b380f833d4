// One file's bytes → the Document to index: extraction, the format's metadata, the sidecar's, defaults.
#pragma once

#include <string>
#include <vector>

#include "extract/extracted.h"
#include "index/document.h"
#include "indexer/source_reader.h"
#include "indexer/source_scanner.h"
#include "util/result.h"

namespace sonda::indexer {

// Limits on what one file may cost the indexer.
struct FileLimits {
  extract::ExtractLimits extract;        // text kept per document, decompressed bytes per zip part
  size_t max_binary_bytes = 512u << 20;  // PDF, DOCX and ODT files larger than this are refused
};

// A document and what the indexer should warn about (text cut at the limit…).
struct FileDocument {
  index::Document document;
  std::vector<std::string> warnings;
};

// How many bytes of a file of `format` the indexer reads: text formats are cut (and indexed in part),
// binary formats must fit whole.
size_t bytes_to_read(extract::Format format, const FileLimits& limits);

// Extracts `bytes` of `source`, applies the format's metadata, then the sidecar's (it wins), then
// defaults: id and source = the relative path, title = the file name when none was found. Errors
// say why the file cannot be indexed.
Result<FileDocument> document_from_file(const SourceFile& source, const SourceBytes& bytes,
                                        const FileLimits& limits);

}  // namespace sonda::indexer

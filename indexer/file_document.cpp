// One file's bytes → the Document to index: extraction, the format's metadata, the sidecar's, defaults.
#include "indexer/file_document.h"

#include "extract/format.h"
#include "indexer/json_fields.h"
#include "indexer/metadata.h"
#include "util/strings.h"

namespace sonda::indexer {
namespace {

bool is_text_format(extract::Format format) {
  return format == extract::Format::text || format == extract::Format::markdown ||
         format == extract::Format::html;
}

Status apply_fields(index::Document& document, const extract::MetadataFields& fields) {
  for (const auto& [key, values] : fields)
    if (Status status = apply_metadata(document, key, values); !status) return status;
  return Status::success();
}

}  // namespace

size_t bytes_to_read(extract::Format format, const FileLimits& limits) {
  return is_text_format(format) ? limits.extract.max_text_bytes : limits.max_binary_bytes;
}

Result<FileDocument> document_from_file(const SourceFile& source, const SourceBytes& bytes,
                                        const FileLimits& limits) {
  if (bytes.head.empty()) return Error{ErrorCode::invalid_argument, "empty file (0 bytes)"};
  FileDocument out;
  if (bytes.truncated) {
    if (!is_text_format(source.format))
      return Error{ErrorCode::too_large,
                   "larger than " + mebibytes(limits.max_binary_bytes) + " (--max-file-mb)"};
    out.warnings.push_back("larger than " + mebibytes(limits.extract.max_text_bytes) +
                           "; indexed the first " + mebibytes(limits.extract.max_text_bytes) +
                           " (--max-text-mb)");
  }
  std::string_view head = bytes.head;
  if (bytes.truncated)
    head = utf8_prefix(head, head.size() - 1);  // the limit may have split the last character
  auto extracted = extract::extract(source.format, head, limits.extract);
  if (!extracted) return extracted.error();
  index::Document& document = out.document;
  if (Status status = apply_fields(document, extracted->fields); !status)
    return Error{ErrorCode::invalid_argument, "bad metadata: " + status.error().message};
  if (source.sidecar) {
    auto sidecar = parse_json_fields(bytes.sidecar);
    if (!sidecar)
      return Error{ErrorCode::invalid_argument,
                   "sidecar " + source.sidecar->filename().string() + ": " + sidecar.error().message};
    if (Status status = apply_fields(document, *sidecar); !status)
      return Error{ErrorCode::invalid_argument, "sidecar: " + status.error().message};
  }
  document.body = std::move(extracted->body);
  for (size_t start : extracted->page_starts) document.page_starts.push_back(static_cast<uint32_t>(start));
  for (extract::Section& section : extracted->sections)
    document.sections.push_back(
        {static_cast<uint32_t>(section.start), std::move(section.anchor), std::move(section.heading)});
  for (std::string& warning : extracted->warnings) out.warnings.push_back(std::move(warning));
  if (document.id.empty()) document.id = source.relative;
  if (document.title.empty()) document.title = source.absolute.stem().string();
  document.format = std::string(extract::format_name(source.format));
  document.source = source.relative;
  return out;
}

}  // namespace sonda::indexer

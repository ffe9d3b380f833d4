// Original files under the served folders: source paths checked to stay inside them, content types by format.
#include "server/source_files.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <system_error>

#include "server/response_codec.h"
#include "server/url_encoding.h"

namespace sonda::server {
namespace {

// The content type of a document of `format` and whether a browser could run scripts in it.
std::pair<std::string, bool> content_type_of(const std::string& format) {
  if (format == "pdf") return {"application/pdf", false};
  if (format == "docx")
    return {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", false};
  if (format == "odt") return {"application/vnd.oasis.opendocument.text", false};
  if (format == "html") return {"text/html", true};
  if (format == "md") return {"text/markdown; charset=utf-8", false};
  return {"text/plain; charset=utf-8", false};
}

// True for a relative path that names something below its folder: no root, no "..", no empty name.
bool stays_below(const std::filesystem::path& relative) {
  if (relative.empty() || relative.has_root_name() || relative.has_root_directory()) return false;
  for (const auto& part : relative)
    if (part == ".." || part.empty()) return false;
  return true;
}

// True when `path` is `root` or lies under it (both canonical).
bool inside(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto [end, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return end == root.end();
}

}  // namespace

SourceFiles::SourceFiles(std::vector<std::filesystem::path> roots) {
  for (auto& root : roots) {
    std::error_code error;
    auto canonical = std::filesystem::canonical(root, error);
    roots_.push_back(error ? std::move(root) : std::move(canonical));
  }
}

bool SourceFiles::has_file(const index::Document& document) const {
  return !document.source.empty() && document.format != "jsonl";
}

Result<SourceFile> SourceFiles::find(const index::Document& document) const {
  if (!enabled())
    return Error{ErrorCode::not_found, "this server serves no original files (sonda-serve --files FOLDER)"};
  if (!has_file(document)) return Error{ErrorCode::not_found, "this document has no file of its own"};
  std::filesystem::path relative(document.source);
  if (stays_below(relative))
    for (const auto& root : roots_) {
      std::error_code error;
      auto path = std::filesystem::canonical(root / relative, error);
      if (error || !inside(path, root) || !std::filesystem::is_regular_file(path, error)) continue;
      auto [type, sandboxed] = content_type_of(document.format);
      return SourceFile{path, type, relative.filename().string(), sandboxed};
    }
  return Error{ErrorCode::not_found, "the document's file is not in the served folders"};
}

namespace {

// `name` for the quoted filename parameter: ASCII letters, digits and ".-_" kept, anything else '_'.
std::string ascii_filename(const std::string& name) {
  std::string out;
  for (unsigned char c : name)
    out += (std::isalnum(c) && c < 0x80) || c == '.' || c == '-' || c == '_' ? static_cast<char>(c) : '_';
  return out;
}

}  // namespace

HttpResponse file_response(const SourceFile& file) {
  auto in = std::make_shared<std::ifstream>(file.path, std::ios::binary);
  if (!*in) return error_response(503, "file_unreadable", "the document's file could not be read");
  HttpResponse response;
  response.content_type = file.content_type;
  response.headers.emplace_back("Content-Disposition", "inline; filename=\"" + ascii_filename(file.filename) +
                                                           "\"; filename*=UTF-8''" +
                                                           percent_encode(file.filename));
  if (file.sandboxed) response.headers.emplace_back("Content-Security-Policy", "sandbox");
  response.stream = [in](const std::function<bool(std::string_view)>& write) {
    std::string buffer(64 * 1024, '\0');
    while (*in) {
      in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      if (in->gcount() > 0 && !write(std::string_view(buffer.data(), static_cast<size_t>(in->gcount()))))
        return;
    }
  };
  return response;
}

std::string source_file_route(const std::string& id) {
  return "/documents/" + percent_encode(id) + "/file";
}

}  // namespace sonda::server

// Walks the paths given to sonda-index and feeds every supported file to the IndexWriter.
#include "indexer/folder_indexer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "indexer/front_matter.h"
#include "indexer/jsonl_record.h"
#include "indexer/line_reader.h"
#include "indexer/metadata.h"

namespace sonda::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxTextFileBytes = 64u << 20;

enum class Format { text, markdown, jsonl, unsupported };

Format format_of(const fs::path& file) {
  std::string name = file.filename().string();
  auto ends_with = [&](std::string_view suffix) { return name.ends_with(suffix); };
  if (ends_with(".jsonl") || ends_with(".jsonl.gz")) return Format::jsonl;
  if (ends_with(".md") || ends_with(".markdown")) return Format::markdown;
  if (ends_with(".txt")) return Format::text;
  return Format::unsupported;
}

Result<std::string> read_file(const fs::path& file) {
  std::error_code ec;
  std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return Error{ErrorCode::io_error, ec.message()};
  if (size > kMaxTextFileBytes) return Error{ErrorCode::too_large, "file larger than 64 MiB"};
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{ErrorCode::io_error, "cannot be read (permission denied or vanished)"};
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The first Markdown heading ("# Title"), used when front matter names no title.
std::string first_heading(std::string_view body) {
  size_t position = 0;
  while (position < body.size()) {
    size_t end = body.find('\n', position);
    std::string_view line = trim(body.substr(position, end == std::string_view::npos ? end : end - position));
    if (line.starts_with("# ")) return std::string(trim(line.substr(2)));
    if (!line.empty()) return {};
    if (end == std::string_view::npos) break;
    position = end + 1;
  }
  return {};
}

}  // namespace

void FolderIndexer::report(const std::string& where, const std::string& reason) {
  problems_ << where << ": " << reason << '\n';
  ++summary_.failed;
}

Status FolderIndexer::add(index::Document document, const std::string& where) {
  Status status = writer_.add(std::move(document));
  if (!status) {
    if (status.error().code == ErrorCode::invalid_argument) {
      report(where, status.error().message);
      return Status::success();
    }
    return status;
  }
  ++summary_.indexed;
  if (++pending_ >= batch_size_) {
    pending_ = 0;
    return writer_.commit();
  }
  return Status::success();
}

Status FolderIndexer::index_text_file(const fs::path& file, const std::string& relative) {
  auto content = read_file(file);
  if (!content) {
    report(relative, content.error().message);
    return Status::success();
  }
  auto front_matter = parse_front_matter(*content);
  if (!front_matter) {
    report(relative, "malformed front matter: " + front_matter.error().message);
    return Status::success();
  }
  index::Document document;
  document.id = relative;
  for (const auto& [key, values] : front_matter->fields) {
    if (Status status = apply_metadata(document, key, values); !status) {
      report(relative, "malformed front matter: " + status.error().message);
      return Status::success();
    }
  }
  document.body = std::string(front_matter->body);
  if (document.title.empty()) document.title = first_heading(document.body);
  if (document.title.empty()) document.title = file.stem().string();
  document.format = format_of(file) == Format::markdown ? "md" : "txt";
  document.source = relative;
  return add(std::move(document), relative);
}

Status FolderIndexer::index_jsonl_file(const fs::path& file, const std::string& relative) {
  auto reader = LineReader::open(file.string());
  if (!reader) {
    report(relative, "cannot be read: " + reader.error().message);
    return Status::success();
  }
  std::string line;
  for (size_t line_number = 1; reader->next(line); ++line_number) {
    if (trim(line).empty()) continue;
    std::string where = relative + ":" + std::to_string(line_number);
    auto document = parse_jsonl_record(line);
    if (!document) {
      report(where, document.error().message);
      continue;
    }
    document->source = relative;
    if (Status status = add(std::move(*document), where); !status) return status;
  }
  if (reader->failed()) report(relative, "read or decompression error; the file ends early");
  return Status::success();
}

Status FolderIndexer::index_file(const fs::path& file, const fs::path& root) {
  std::string relative = file.lexically_relative(root).generic_string();
  if (relative.empty() || relative == ".") relative = file.filename().generic_string();
  switch (format_of(file)) {
    case Format::jsonl: return index_jsonl_file(file, relative);
    case Format::text:
    case Format::markdown: return index_text_file(file, relative);
    case Format::unsupported: ++summary_.skipped_files; return Status::success();
  }
  return Status::success();
}

Status FolderIndexer::index_path(const fs::path& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    return Error{ErrorCode::not_found, path.string() + ": no such file or folder"};
  if (!fs::is_directory(status)) return index_file(path, path.parent_path());
  std::vector<fs::path> files;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(path, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) report(path.string(), "folder could not be fully listed: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files)
    if (Status result = index_file(file, path); !result) return result;
  return Status::success();
}

}  // namespace sonda::indexer

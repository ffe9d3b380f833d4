// Lists the source files under the paths given to sonda-index, with the stamps that tell changes cheaply.
#include "indexer/source_scanner.h"

#include <sys/stat.h>

#include <algorithm>

namespace sonda::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSidecarSuffix = ".meta.json";

std::optional<fs::path> sidecar_of(const fs::path& file) {
  for (fs::path candidate : {fs::path(file.string() + std::string(kSidecarSuffix)),
                             fs::path(file).replace_extension(kSidecarSuffix)}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

// Adds `file` (already known to exist) to the scan, or a problem when it is not a readable regular file.
void add_file(Scan& scan, const fs::path& file, const fs::path& root) {
  if (is_sidecar(file)) return;
  extract::Format format = extract::format_of(file.filename().string());
  if (format == extract::Format::unsupported) {
    ++scan.unsupported;
    return;
  }
  std::error_code ec;
  fs::file_status status = fs::status(file, ec);  // follows symbolic links
  if (ec) {
    scan.problems.emplace_back(file.lexically_relative(root).generic_string(),
                               "cannot be resolved (" + ec.message() + "): broken link or link loop");
    return;
  }
  if (!fs::is_regular_file(status)) {
    if (!fs::is_directory(status))
      scan.problems.emplace_back(file.lexically_relative(root).generic_string(), "not a regular file");
    return;
  }
  SourceFile source;
  source.absolute = file;
  source.root = root.string();
  source.relative = file.lexically_relative(root).generic_string();
  source.format = format;
  source.size = fs::file_size(file, ec);
  source.sidecar = sidecar_of(file);
  source.stamp = file_stamp(file);
  if (source.sidecar) source.stamp.append("|").append(file_stamp(*source.sidecar));
  scan.files.push_back(std::move(source));
}

void scan_folder(Scan& scan, const fs::path& root) {
  std::error_code ec;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(root, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) continue;
    if (it->is_symlink(type_ec) && fs::is_directory(it->path(), type_ec)) continue;  // links to folders
    add_file(scan, it->path(), root);
  }
  if (ec) scan.problems.emplace_back(root.string(), "folder could not be fully listed: " + ec.message());
}

}  // namespace

bool is_sidecar(const fs::path& file) {
  return file.filename().string().ends_with(kSidecarSuffix);
}

std::string file_stamp(const fs::path& file) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) return {};
  return std::to_string(status.st_size) + ":" + std::to_string(status.st_mtim.tv_sec) +
         std::to_string(1000000000 + status.st_mtim.tv_nsec).substr(1);
}

Result<Scan> scan_sources(const std::vector<fs::path>& paths) {
  Scan scan;
  for (const fs::path& given : paths) {
    std::error_code ec;
    fs::path path = fs::absolute(given, ec).lexically_normal();
    if (path.has_filename() == false) path = path.parent_path();
    fs::file_status status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status))
      return Error{ErrorCode::not_found, given.string() + ": no such file or folder"};
    if (fs::is_directory(fs::status(path, ec))) {
      scan.folder_roots.push_back(path.string());
      scan_folder(scan, path);
    } else {
      add_file(scan, path, path.parent_path());
    }
  }
  std::sort(scan.files.begin(), scan.files.end(), [](const SourceFile& a, const SourceFile& b) {
    return std::tie(a.root, a.relative) < std::tie(b.root, b.relative);
  });
  return scan;
}

}  // namespace sonda::indexer

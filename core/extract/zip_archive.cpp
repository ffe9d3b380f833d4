// Read-only access to the parts of a zip archive in memory (libzip), with bounded decompression.
#include "extract/zip_archive.h"

#include "util/strings.h"

namespace sonda::extract {

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  if (bytes.empty()) return Error{ErrorCode::invalid_argument, "empty file"};
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return Error{ErrorCode::internal, "cannot read the file as an archive"};
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error{ErrorCode::invalid_argument, "not a valid zip archive (" + reason + ")"};
  }
  zip_error_fini(&error);
  return ZipArchive(archive);
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

namespace {

// A part bigger than the limit, by its header or by the bytes it really inflates to.
Error too_large(const std::string& name, size_t max_bytes) {
  return Error{ErrorCode::too_large,
               name + " decompresses to more than " + mebibytes(max_bytes) + " (zip bomb?)"};
}

}  // namespace

Result<std::string> ZipArchive::read(const std::string& name, size_t max_bytes) const {
  zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) return Error{ErrorCode::not_found, "the archive has no " + name};
  zip_stat_t stat;
  if (zip_stat_index(archive_.get(), index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) &&
      stat.size > max_bytes)
    return too_large(name, max_bytes);
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive_.get(), index, 0),
                                                          &zip_fclose);
  if (!file)
    return Error{ErrorCode::invalid_argument,
                 name + " cannot be decompressed (" + std::string(zip_strerror(archive_.get())) + ")"};
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
    if (got < 0) return Error{ErrorCode::invalid_argument, name + " is corrupt in the archive"};
    if (got == 0) return out;
    if (out.size() + static_cast<size_t>(got) > max_bytes) return too_large(name, max_bytes);
    out.append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace sonda::extract

// The single writer of a Sonda database: add or replace documents by id, remove them, commit.
#include "index/index_writer.h"

#include <filesystem>
#include <system_error>

#include "index/schema.h"
#include "index/xapian_error.h"

namespace sonda::index {
namespace {
constexpr size_t kMaxIdBytes = 200;
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Error{ErrorCode::io_error, "cannot create database folder " + path + ": " + ec.message()};
  try {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OPEN);
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(database)));
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot open database " + path + " for writing");
  }
}

Status IndexWriter::add(Document document) {
  if (document.id.empty()) return Error{ErrorCode::invalid_argument, "document has no id"};
  if (document.id.size() > kMaxIdBytes)
    return Error{ErrorCode::invalid_argument, "document id longer than 200 bytes"};
  std::string id = document.id;
  try {
    database_.replace_document(id_term(id), builder_.build(std::move(document)));
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot add document " + id);
  }
}

Status IndexWriter::remove(const std::string& id) {
  try {
    database_.delete_document(id_term(id));
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot remove document " + id);
  }
}

Status IndexWriter::commit() {
  try {
    database_.commit();
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot commit");
  }
}

}  // namespace sonda::index

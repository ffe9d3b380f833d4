// The single writer of a Sonda database: add or replace documents by id, remove them, commit.
#include "index/index_writer.h"

#include <filesystem>
#include <system_error>

#include "index/schema.h"
#include "index/xapian_error.h"

namespace sonda::index {

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
  auto prepared = builder_.prepare(std::move(document));
  if (!prepared) return prepared.error();
  return add(std::move(*prepared));
}

Status IndexWriter::add(PreparedDocument document) {
  try {
    database_.replace_document(id_term(document.id_), document.document_);
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot add document " + document.id_);
  }
}

Status IndexWriter::remove_source(const std::string& path) {
  try {
    database_.delete_document(source_term(path));
    database_.set_metadata(source_state_key(path), "");
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot remove the documents of " + path);
  }
}

Status IndexWriter::put_source_state(const SourceState& state) {
  try {
    database_.set_metadata(source_state_key(state.path), encode_source_state(state));
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot record the state of " + state.path);
  }
}

Result<std::vector<SourceState>> IndexWriter::source_states() const {
  try {
    std::vector<SourceState> states;
    for (auto key = database_.metadata_keys_begin(std::string(kSourceStateKeyPrefix));
         key != database_.metadata_keys_end(std::string(kSourceStateKeyPrefix)); ++key) {
      if (auto state = decode_source_state(database_.get_metadata(*key))) states.push_back(std::move(*state));
    }
    return states;
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot read the source states");
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

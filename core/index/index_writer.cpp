// The single writer of a Sonda database: add or replace documents by id, remove them, commit.
#include "index/index_writer.h"

#include <filesystem>
#include <system_error>

#include "index/schema.h"
#include "index/xapian_error.h"

namespace sonda::index {

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::string& path) {
  return open(std::vector<std::string>{path});
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::vector<std::string>& shard_paths,
                                                       Durability durability) {
  const int flags = Xapian::DB_CREATE_OR_OPEN | (durability == Durability::scratch ? Xapian::DB_NO_SYNC : 0);
  std::vector<Xapian::WritableDatabase> shards;
  for (const std::string& path : shard_paths) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return Error{ErrorCode::io_error, "cannot create database folder " + path + ": " + ec.message()};
    try {
      shards.emplace_back(path, flags);
    } catch (const Xapian::Error& error) {
      return xapian_error(error, "cannot open database " + path + " for writing");
    }
  }
  if (shards.empty()) return Error{ErrorCode::invalid_argument, "an index needs at least one database"};
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(shards)));
}

Xapian::doccount IndexWriter::document_count() const {
  Xapian::doccount total = 0;
  for (const auto& shard : shards_) total += shard.get_doccount();
  return total;
}

Status IndexWriter::add(Document document) {
  auto prepared = builder_.prepare(std::move(document));
  if (!prepared) return prepared.error();
  return add(std::move(*prepared));
}

Status IndexWriter::add(PreparedDocument document) {
  try {
    shard_for(document.id_).replace_document(id_term(document.id_), document.document_);
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot add document " + document.id_);
  }
}

Status IndexWriter::remove_source(const std::string& path) {
  try {
    for (auto& shard : shards_) shard.delete_document(source_term(path));
    state_shard().set_metadata(source_state_key(path), "");
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot remove the documents of " + path);
  }
}

Status IndexWriter::put_source_state(const SourceState& state) {
  try {
    state_shard().set_metadata(source_state_key(state.path), encode_source_state(state));
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot record the state of " + state.path);
  }
}

Result<std::vector<SourceState>> IndexWriter::source_states() const {
  try {
    std::vector<SourceState> states;
    const Xapian::WritableDatabase& shard = shards_.front();
    for (auto key = shard.metadata_keys_begin(std::string(kSourceStateKeyPrefix));
         key != shard.metadata_keys_end(std::string(kSourceStateKeyPrefix)); ++key) {
      if (auto state = decode_source_state(shard.get_metadata(*key))) states.push_back(std::move(*state));
    }
    return states;
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot read the source states");
  }
}

Status IndexWriter::remove(const std::string& id) {
  try {
    shard_for(id).delete_document(id_term(id));
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot remove document " + id);
  }
}

Status IndexWriter::commit() {
  try {
    for (size_t i = shards_.size(); i-- > 0;) shards_[i].commit();  // shard 0, with the source states, last
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot commit");
  }
}

}  // namespace sonda::index

// The single writer of a Sonda database: add or replace documents by id, remove them, commit.
#include "index/index_writer.h"

#include <filesystem>
#include <system_error>

#include "index/schema.h"
#include "index/xapian_error.h"

namespace sonda::index {
namespace {

// Removes the stored chunks of document `id`'s body from `shard`, from chunk `first_dropped` on.
void drop_body_chunks(Xapian::WritableDatabase& shard, std::string_view id, size_t first_dropped = 0) {
  std::string prefix = body_chunk_prefix(id), first = body_chunk_key(id, first_dropped);
  std::vector<std::string> dropped;  // gathered first: the keys change under the iterator
  for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix); ++key)
    if (*key >= first) dropped.push_back(*key);  // keys sort in chunk order
  for (const std::string& key : dropped) shard.set_metadata(key, "");
}

}  // namespace

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
    Xapian::WritableDatabase& shard = shard_for(document.id_);
    shard.replace_document(id_term(document.id_), document.document_);
    for (const auto& [key, chunk] : document.chunks_) shard.set_metadata(key, chunk);
    drop_body_chunks(shard, document.id_, document.chunks_.size());  // a longer body's before
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot add document " + document.id_);
  }
}

Status IndexWriter::remove_source(const std::string& path) {
  try {
    std::string term = source_term(path);
    for (auto& shard : shards_) {
      std::string any(kBodyChunkKeys);
      if (shard.metadata_keys_begin(any) != shard.metadata_keys_end(any))  // a long body: its chunks go too
        for (auto posting = shard.postlist_begin(term); posting != shard.postlist_end(term); ++posting)
          drop_body_chunks(shard, shard.get_document(*posting).get_value(kIdSlot));
      shard.delete_document(term);
    }
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
    Xapian::WritableDatabase& shard = shard_for(id);
    shard.delete_document(id_term(id));
    drop_body_chunks(shard, id);
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

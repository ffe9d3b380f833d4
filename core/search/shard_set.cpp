// The databases one Searcher reads: local and remote shards combined; unreachable remote shards left out.
#include "search/shard_set.h"

#include <algorithm>
#include <filesystem>
#include <future>

#include "index/xapian_error.h"

namespace sonda::search {
namespace {

Xapian::Database open_entry(const index::StubEntry& entry, const RemoteOptions& options) {
  if (!entry.remote()) return Xapian::Database(entry.path);
  return Xapian::Remote::open(entry.host, entry.port, static_cast<unsigned>(options.timeout.count()),
                              static_cast<unsigned>(options.connect_timeout.count()));
}

// Xapian numbers a combined database's documents shard by shard in turn: docid d of `count` shards is the
// shard (d - 1) % count's document (d - 1) / count + 1.
size_t sub_database_of(Xapian::docid docid, size_t count) {
  return (docid - 1) % count;
}
Xapian::docid docid_in_shard(Xapian::docid docid, size_t count) {
  return static_cast<Xapian::docid>((docid - 1) / count + 1);
}

}  // namespace

Result<ShardSet> ShardSet::open(const std::string& path, const RemoteOptions& options) {
  std::vector<index::StubEntry> entries;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    entries.push_back({path, "", 0});
  } else if (!std::filesystem::exists(path, ec)) {
    return Error{ErrorCode::unavailable, "index unavailable: there is no index yet"};
  } else {
    auto read = index::read_stub_file(path);  // its messages name the file: not for clients
    if (!read) return Error{ErrorCode::corrupt, "index unavailable: the index stub file is malformed"};
    entries = std::move(*read);
  }
  ShardSet shards(std::move(entries), options);
  if (Status opened = shards.open_shards(false); !opened) return opened.error();
  return shards;
}

Status ShardSet::open_shards(bool retry_only) {
  last_attempt_ = std::chrono::steady_clock::now();
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (retry_only && open_[i]) continue;
    try {
      open_[i] = open_entry(entries_[i], options_);
    } catch (const Xapian::NetworkError&) {
      open_[i].reset();  // unreachable: searched without it, tried again later
    } catch (const Xapian::Error& error) {
      return index::xapian_error(error, "index unavailable");
    }
  }
  combine();
  if (unavailable().size() == entries_.size())
    return Error{ErrorCode::unavailable, "no shard of the index can be reached"};
  return Status::success();
}

void ShardSet::combine() {
  database_ = Xapian::Database();
  for (const auto& shard : open_)
    if (shard) database_.add_database(*shard);
}

std::vector<const Xapian::Database*> ShardSet::sub_databases() const {
  std::vector<const Xapian::Database*> shards;
  for (const auto& shard : open_)
    if (shard) shards.push_back(&*shard);
  return shards;
}

std::string ShardSet::metadata(Xapian::docid docid, const std::string& key) const {
  std::vector<const Xapian::Database*> shards = sub_databases();
  if (shards.size() < 2 || database_.size() != shards.size()) return database_.get_metadata(key);
  return shards[sub_database_of(docid, shards.size())]->get_metadata(key);
}

std::vector<Xapian::Document> ShardSet::documents(const std::vector<Xapian::docid>& docids) const {
  std::vector<Xapian::Document> found(docids.size());
  std::vector<const Xapian::Database*> shards = sub_databases();
  bool remote = false;  // among the reachable shards
  for (size_t i = 0; i < entries_.size(); ++i) remote = remote || (open_[i] && entries_[i].remote());
  size_t count = shards.size();
  if (!remote || count < 2 || database_.size() != count) {  // one round trip at most, or nothing to share
    for (size_t i = 0; i < docids.size(); ++i) found[i] = database_.get_document(docids[i]);
    return found;
  }
  std::vector<std::vector<size_t>> wanted(count);  // per shard: places in `docids`
  for (size_t i = 0; i < docids.size(); ++i) wanted[sub_database_of(docids[i], count)].push_back(i);
  auto fetch = [&](size_t shard) {
    for (size_t i : wanted[shard]) found[i] = shards[shard]->get_document(docid_in_shard(docids[i], count));
  };
  size_t inline_shard =
      static_cast<size_t>(std::max_element(wanted.begin(), wanted.end(),
                                           [](const auto& a, const auto& b) { return a.size() < b.size(); }) -
                          wanted.begin());
  std::vector<std::future<void>> others;  // waited for (also when one throws) before `found` goes
  for (size_t shard = 0; shard < count; ++shard)
    if (shard != inline_shard && !wanted[shard].empty())
      others.push_back(std::async(std::launch::async, fetch, shard));
  fetch(inline_shard);
  for (auto& other : others) other.get();
  return found;
}

std::vector<std::string> ShardSet::unavailable() const {
  std::vector<std::string> names;
  for (size_t i = 0; i < entries_.size(); ++i)
    if (!open_[i]) names.push_back(entries_[i].name());
  return names;
}

bool ShardSet::has_remote() const {
  return std::any_of(entries_.begin(), entries_.end(), [](const auto& entry) { return entry.remote(); });
}

Xapian::rev ShardSet::revision() const {
  Xapian::rev total = 0;
  for (const auto& shard : open_) {
    try {
      if (shard) total += shard->get_revision();
    } catch (const Xapian::Error&) {  // a remote shard that went away since: counted when it is back
    }
  }
  return total;
}

std::string ShardSet::revisions() const {
  std::string text;
  for (const auto& shard : open_) {
    if (!text.empty()) text += ',';
    try {
      text += shard ? std::to_string(shard->get_revision()) : "-";
    } catch (const Xapian::Error&) {  // a remote shard that went away since
      text += "?";
    }
  }
  return text;
}

bool ShardSet::retry_unavailable() {
  size_t missing = unavailable().size();
  if (missing == 0 || std::chrono::steady_clock::now() - last_attempt_ < options_.retry_interval)
    return false;
  Status reopened = open_shards(true);
  return reopened.ok() && unavailable().size() < missing;
}

Status ShardSet::reconnect() {
  return open_shards(false);
}

}  // namespace sonda::search

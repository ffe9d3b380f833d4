// Where an indexing run's changes go: one database in order, or parts written in parallel.
#include "indexer/change_sink.h"

namespace sonda::indexer {

Status DatabaseSink::count(size_t changes) {
  pending_ += changes;
  if (pending_ < batch_size_) return Status::success();
  pending_ = 0;
  return writer_.commit();
}

Status DatabaseSink::remove_source(const std::string& path) {
  if (Status status = writer_.remove_source(path); !status) return status;
  return count(1);
}

Status DatabaseSink::write(std::vector<index::PreparedDocument> documents,
                           std::optional<index::SourceState> state) {
  for (index::PreparedDocument& document : documents) {
    if (Status status = writer_.add(std::move(document)); !status) return status;
    ++written_;
    if (Status status = count(1); !status) return status;
  }
  if (!state) return Status::success();
  return writer_.put_source_state(*state);
}

// One part database, its thread and the changes waiting for it (at most kMaxQueued).
struct PartsSink::Lane {
  static constexpr size_t kMaxQueued = 4;
  std::unique_ptr<index::IndexWriter> writer;
  DatabaseSink sink;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Change> queue;
  bool closing = false;
  Status status;  // ok until a write fails; then the lane stops writing and reports it
  std::thread thread;

  Lane(std::unique_ptr<index::IndexWriter> part, size_t batch_size)
      : writer(std::move(part)), sink(*writer, batch_size) {}
};

PartsSink::PartsSink(std::vector<std::unique_ptr<index::IndexWriter>> parts, size_t batch_size) {
  for (auto& part : parts) lanes_.push_back(std::make_unique<Lane>(std::move(part), batch_size));
  for (auto& lane : lanes_) lane->thread = std::thread([this, &lane = *lane] { drain(lane); });
}

PartsSink::~PartsSink() {
  finish();
}

void PartsSink::drain(Lane& lane) {
  while (true) {
    Change change;
    {
      std::unique_lock lock(lane.mutex);
      lane.changed.wait(lock, [&] { return !lane.queue.empty() || lane.closing; });
      if (lane.queue.empty()) break;
      change = std::move(lane.queue.front());
      lane.queue.pop_front();
    }
    lane.changed.notify_all();
    Status status = lane.status.ok() ? lane.sink.write(std::move(change.documents), std::move(change.state))
                                     : lane.status;
    std::lock_guard lock(lane.mutex);
    if (!status.ok()) lane.status = status;
  }
  std::lock_guard lock(lane.mutex);
  if (lane.status.ok()) lane.status = lane.sink.finish();
}

Status PartsSink::write(std::vector<index::PreparedDocument> documents,
                        std::optional<index::SourceState> state) {
  written_ += documents.size();
  Lane& lane = *lanes_[next_lane_++ % lanes_.size()];
  std::unique_lock lock(lane.mutex);
  lane.changed.wait(lock, [&] { return lane.queue.size() < Lane::kMaxQueued || !lane.status.ok(); });
  if (!lane.status.ok()) return lane.status;
  lane.queue.push_back({std::move(documents), std::move(state)});
  lock.unlock();
  lane.changed.notify_all();
  return Status::success();
}

Status PartsSink::finish() {
  Status result;
  for (auto& lane : lanes_) {
    if (!lane->thread.joinable()) continue;
    {
      std::lock_guard lock(lane->mutex);
      lane->closing = true;
    }
    lane->changed.notify_all();
    lane->thread.join();
    if (!lane->status.ok() && result.ok()) result = lane->status;
  }
  return result;
}

}  // namespace sonda::indexer

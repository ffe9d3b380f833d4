// A bounded queue of connections for cpp-httplib; the excess is answered 503 at once.
#include "server/connection_queue.h"

namespace sonda::server {
namespace {

// Set for the duration of one connection on a rejecting thread (cpp-httplib hands the queue a closure,
// not the socket, so the request handler learns this way that the connection is being turned away).
thread_local bool rejecting_connection = false;

}  // namespace

bool rejecting_on_this_thread() {
  return rejecting_connection;
}

ConnectionQueue::ConnectionQueue(size_t serving, size_t max_waiting, size_t rejecting)
    : capacity_(std::max<size_t>(serving, 1) + max_waiting) {
  for (size_t i = 0; i < std::max<size_t>(serving, 1); ++i)
    serving_.threads.emplace_back([this] { work(serving_, false); });
  for (size_t i = 0; i < std::max<size_t>(rejecting, 1); ++i)
    rejecting_.threads.emplace_back([this] { work(rejecting_, true); });
}

ConnectionQueue::~ConnectionQueue() {
  shutdown();
}

void ConnectionQueue::enqueue(std::function<void()> connection) {
  {
    std::lock_guard lock(mutex_);
    bool full = busy_ + serving_.tasks.size() >= capacity_;
    Lane& lane = stopping_ || full ? rejecting_ : serving_;
    lane.tasks.push_back(std::move(connection));
  }
  ready_.notify_all();
}

void ConnectionQueue::work(Lane& lane, bool rejecting) {
  rejecting_connection = rejecting;
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return !lane.tasks.empty() || stopping_; });
      if (lane.tasks.empty()) return;
      task = std::move(lane.tasks.front());
      lane.tasks.pop_front();
      if (!rejecting) ++busy_;
    }
    task();
    if (!rejecting) {
      std::lock_guard lock(mutex_);
      --busy_;
    }
  }
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && serving_.threads.empty()) return;
    stopping_ = true;
    // Connections still waiting are turned away quickly instead of served one by one.
    while (!serving_.tasks.empty()) {
      rejecting_.tasks.push_back(std::move(serving_.tasks.front()));
      serving_.tasks.pop_front();
    }
  }
  ready_.notify_all();
  for (Lane* lane : {&serving_, &rejecting_}) {
    for (std::thread& thread : lane->threads) thread.join();
    lane->threads.clear();
  }
}

}  // namespace sonda::server

// A bounded queue of whole requests, served by the most recently idle thread; the excess answered 503.
#include "server/connection_queue.h"

#include <algorithm>

namespace sonda::server {
namespace {

// Set on a rejecting thread (the queue hands over a closure, so the request handler learns this way that
// its request is being turned away).
thread_local bool rejecting_connection = false;

}  // namespace

bool rejecting_on_this_thread() {
  return rejecting_connection;
}

ConnectionQueue::ConnectionQueue(size_t serving, size_t max_waiting, size_t rejecting)
    : capacity_(std::max<size_t>(serving, 1) + max_waiting) {
  for (size_t i = 0; i < std::max<size_t>(serving, 1); ++i) {
    workers_.push_back(std::make_unique<Worker>());
    threads_.emplace_back([this, worker = workers_.back().get()] { serve(*worker); });
  }
  for (size_t i = 0; i < std::max<size_t>(rejecting, 1); ++i) threads_.emplace_back([this] { reject(); });
}

ConnectionQueue::~ConnectionQueue() {
  shutdown();
}

void ConnectionQueue::enqueue(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  if (!stopping_ && !idle_.empty()) {
    Worker* worker = idle_.back();
    idle_.pop_back();
    worker->task = std::move(task);
    ++busy_;
    lock.unlock();
    worker->wake.notify_one();
    return;
  }
  if (stopping_ || busy_ + waiting_.size() >= capacity_) {
    turned_away_.push_back(std::move(task));
    lock.unlock();
    turned_away_ready_.notify_one();
    return;
  }
  waiting_.push_back(std::move(task));  // a serving thread takes it when it is done
}

bool ConnectionQueue::has_idle_thread() {
  std::lock_guard lock(mutex_);
  return !idle_.empty();
}

void ConnectionQueue::serve(Worker& me) {
  std::unique_lock lock(mutex_);
  while (true) {
    if (!me.task && !waiting_.empty()) {
      me.task = std::move(waiting_.front());
      waiting_.pop_front();
      ++busy_;
    }
    if (!me.task) {
      if (stopping_) return;
      idle_.push_back(&me);
      me.wake.wait(lock, [&] { return me.task || stopping_; });
      if (!me.task) return;
    }
    std::function<void()> task = std::move(me.task);
    me.task = nullptr;
    lock.unlock();
    task();
    lock.lock();
    --busy_;
  }
}

void ConnectionQueue::reject() {
  rejecting_connection = true;
  std::unique_lock lock(mutex_);
  while (true) {
    turned_away_ready_.wait(lock, [&] { return !turned_away_.empty() || stopping_; });
    if (turned_away_.empty()) return;
    std::function<void()> task = std::move(turned_away_.front());
    turned_away_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    while (!waiting_.empty()) {
      turned_away_.push_back(std::move(waiting_.front()));
      waiting_.pop_front();
    }
  }
  for (auto& worker : workers_) worker->wake.notify_all();
  turned_away_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

}  // namespace sonda::server

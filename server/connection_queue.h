// A bounded queue of connections for cpp-httplib: a fixed set of threads serves connections; when all are
// busy and too many already wait, the excess is answered 503 at once by a few spare threads.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sonda::server {

// True on a thread that is turning a connection away: its requests get 503 without reaching the Api.
bool rejecting_on_this_thread();

// cpp-httplib's TaskQueue with a bound: each task is one accepted connection.
class ConnectionQueue : public httplib::TaskQueue {
 public:
  // `serving` threads serve connections; at most `max_waiting` connections wait for one; beyond that,
  // `rejecting` threads answer each extra connection's request with 503 and close it.
  ConnectionQueue(size_t serving, size_t max_waiting, size_t rejecting = 4);
  ~ConnectionQueue() override;

  void enqueue(std::function<void()> connection) override;
  // Finishes what is queued (waiting connections are turned away, not served) and joins the threads.
  void shutdown() override;

 private:
  struct Lane {
    std::deque<std::function<void()>> tasks;
    std::vector<std::thread> threads;
  };
  void work(Lane& lane, bool rejecting);

  size_t capacity_;  // connections served at once plus those allowed to wait
  size_t busy_ = 0;  // serving threads on a connection
  std::mutex mutex_;
  std::condition_variable ready_;
  Lane serving_;
  Lane rejecting_;
  bool stopping_ = false;
};

}  // namespace sonda::server

// A bounded queue of whole requests: a fixed set of threads serves them, the thread idle the shortest time
// first (its searcher's caches are warm); when all are busy and too many already wait, the excess is
// answered 503 at once by a few spare threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sonda::server {

// True on a thread that is turning a request away: it gets 503 without reaching the Api.
bool rejecting_on_this_thread();

// The queue; each task answers one connection's whole request (and any that follow it at once).
class ConnectionQueue {
 public:
  // `serving` threads serve; at most `max_waiting` tasks wait for one; beyond that, `rejecting` threads
  // run each extra task with rejecting_on_this_thread() true.
  ConnectionQueue(size_t serving, size_t max_waiting, size_t rejecting = 4);
  ~ConnectionQueue();

  void enqueue(std::function<void()> task);
  // True when a serving thread has nothing to do (so one may wait a moment on its connection).
  bool has_idle_thread();
  // Turns away what waits (instead of serving it one by one), lets running tasks end, joins the threads.
  void shutdown();

 private:
  struct Worker {
    std::condition_variable wake;
    std::function<void()> task;  // handed over while it waited
  };
  void serve(Worker& me);
  void reject();

  size_t capacity_;  // tasks served at once plus those allowed to wait
  size_t busy_ = 0;  // serving threads on a task
  bool stopping_ = false;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<Worker*> idle_;                  // serving threads with nothing to do, the latest last
  std::deque<std::function<void()>> waiting_;  // tasks no serving thread has taken yet
  std::deque<std::function<void()>> turned_away_;
  std::condition_variable turned_away_ready_;
  std::vector<std::thread> threads_;
};

}  // namespace sonda::server

// A fixed set of worker threads, each with its own context, whose results come back in submission order.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sonda::indexer {

// Runs jobs on `threads` threads; each thread owns a Context (an analyzer, a document builder…) made by
// `make_context`. A producer submits jobs, a consumer takes their results in the order submitted;
// at most `max_pending` results wait, so a fast producer cannot fill memory. Jobs must not throw.
template <typename Context, typename Output>
class OrderedWorkers {
 public:
  using Job = std::function<Output(Context&)>;

  OrderedWorkers(size_t threads, std::function<std::unique_ptr<Context>()> make_context, size_t max_pending)
      : max_pending_(max_pending ? max_pending : 1) {
    for (size_t i = 0; i < (threads ? threads : 1); ++i)
      threads_.emplace_back([this, context = make_context()] { work(*context); });
  }

  ~OrderedWorkers() {
    close();
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    jobs_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  // Queues `job`; blocks while `max_pending` results are waiting for the consumer.
  void submit(Job job) {
    std::packaged_task<Output(Context&)> task(std::move(job));
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return results_.size() < max_pending_; });
    results_.push_back(task.get_future());
    jobs_.push_back(std::move(task));
    lock.unlock();
    jobs_ready_.notify_one();
    results_ready_.notify_one();
  }

  // No more jobs will come; next() returns nullopt once every result has been taken.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    results_ready_.notify_all();
  }

  // The result of the oldest job not yet taken, waiting for it; nullopt when closed and drained.
  std::optional<Output> next() {
    std::future<Output> oldest;
    {
      std::unique_lock lock(mutex_);
      results_ready_.wait(lock, [&] { return !results_.empty() || closed_; });
      if (results_.empty()) return std::nullopt;
      oldest = std::move(results_.front());
      results_.pop_front();
    }
    room_.notify_one();
    return oldest.get();
  }

 private:
  void work(Context& context) {
    while (true) {
      std::packaged_task<Output(Context&)> task;
      {
        std::unique_lock lock(mutex_);
        jobs_ready_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) return;
        task = std::move(jobs_.front());
        jobs_.pop_front();
      }
      task(context);
    }
  }

  size_t max_pending_;
  std::mutex mutex_;
  std::condition_variable jobs_ready_, results_ready_, room_;
  std::deque<std::packaged_task<Output(Context&)>> jobs_;
  std::deque<std::future<Output>> results_;
  bool closed_ = false;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sonda::indexer

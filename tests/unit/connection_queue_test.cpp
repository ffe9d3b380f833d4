// The bounded connection queue: connections beyond the threads and the waiting room are turned away.
#include "server/connection_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>

namespace sonda::server {
namespace {

// Waits for `done` (at most 10 s): a broken queue fails the test instead of hanging it.
template <typename Condition>
bool eventually(Condition done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done())
    if (std::chrono::steady_clock::now() > deadline)
      return false;
    else
      std::this_thread::yield();
  return true;
}

struct QueueCase {
  size_t threads, waiting, connections;
  size_t served, turned_away;
};

TEST(ConnectionQueue, ServesThreadsPlusWaitingAndTurnsTheRestAway) {
  const std::vector<QueueCase> cases = {
      {1, 0, 1, 1, 0},  // an idle thread serves even with no waiting room
      {1, 0, 3, 1, 2}, {2, 1, 4, 3, 1}, {4, 16, 100, 20, 80}, {4, 16, 10, 10, 0},
  };
  for (const QueueCase& test : cases) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<size_t> served = 0, turned_away = 0;
    {
      ConnectionQueue queue(test.threads, test.waiting);
      for (size_t i = 0; i < test.connections; ++i)
        queue.enqueue([&] {
          if (rejecting_on_this_thread()) {
            ++turned_away;
          } else {
            ++served;
            released.wait();  // a connection holds its thread until released
          }
        });
      // Every thread busy and the excess turned away; then the waiting ones are served in turn.
      EXPECT_TRUE(eventually(
          [&] { return served >= std::min(test.threads, test.served) && turned_away >= test.turned_away; }));
      release.set_value();
      EXPECT_TRUE(eventually([&] { return served >= test.served; }));
      queue.shutdown();
    }
    EXPECT_EQ(served, test.served) << test.threads << " threads, " << test.waiting << " waiting";
    EXPECT_EQ(turned_away, test.turned_away) << test.threads << " threads, " << test.waiting << " waiting";
  }
}

TEST(ConnectionQueue, ShutdownTurnsWaitingConnectionsAwayInsteadOfServingThem) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<size_t> served = 0, turned_away = 0;
  ConnectionQueue queue(1, 10);
  for (int i = 0; i < 5; ++i)
    queue.enqueue([&] {
      if (rejecting_on_this_thread()) {
        ++turned_away;
        return;
      }
      ++served;
      released.wait();
    });
  ASSERT_TRUE(eventually([&] { return served == 1; }));
  std::thread stopper([&] { queue.shutdown(); });
  EXPECT_TRUE(eventually([&] { return turned_away == 4; }));
  release.set_value();
  stopper.join();
  EXPECT_EQ(served, 1u);
  EXPECT_EQ(turned_away, 4u);
}

}  // namespace
}  // namespace sonda::server

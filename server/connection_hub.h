// Holds every connection between its requests on one thread (epoll), so no serving thread waits on a
// client: reads each request as it arrives, refuses malformed heads, drops idle connections and requests
// that do not arrive whole in time, and hands each whole request to the serving threads.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/connection_stream.h"
#include "server/request_head.h"

namespace sonda::server {

// The hub's bounds.
struct HubLimits {
  HeadLimits head;
  size_t max_body_bytes = 64 * 1024;
  std::chrono::milliseconds keep_alive{15000};      // an idle connection is closed after this
  std::chrono::milliseconds request_timeout{5000};  // from a request's first byte to the whole of it
  size_t max_connections = 4096;                    // open at once; more are answered 503 and closed
};

// The hub: one thread, started by the constructor, stopped by stop() or the destructor.
class ConnectionHub {
 public:
  // Takes a connection holding a whole request (or its head, when the body is chunked or too large).
  using Dispatch = std::function<void(std::shared_ptr<Connection>)>;
  // The bytes of a whole response refusing a request: its status, error code, message and path.
  using Refusal = std::function<std::string(int status, const std::string& code, const std::string& message,
                                            const std::string& path)>;

  ConnectionHub(HubLimits limits, Dispatch dispatch, Refusal refusal);
  ~ConnectionHub();
  ConnectionHub(const ConnectionHub&) = delete;
  ConnectionHub& operator=(const ConnectionHub&) = delete;

  // A socket just accepted (from the accepting thread).
  void adopt(int fd);
  // A connection whose request was answered and which stays open (from a serving thread).
  void give_back(std::shared_ptr<Connection> connection);
  // True when `connection` already holds the next request whole, to be answered without waiting.
  bool holds_whole_request(const Connection& connection) const;
  // Closes every connection it holds and ends its thread; later connections are closed at once.
  void stop();
  // Connections open now, held here or being served.
  size_t open_connections() const { return *open_; }

 private:
  struct Held {
    std::shared_ptr<Connection> connection;
    std::chrono::steady_clock::time_point deadline;
    bool reading = false;  // part of a request has come
  };
  enum class Verdict { wait, dispatch, refuse };

  void run();
  void admit(std::shared_ptr<Connection> connection);
  void on_readable(int fd);
  Verdict judge(const Connection& connection, HeadScan& scan) const;
  // After bytes came or a connection came back: wait (or drop it, when its client sends no more), dispatch
  // or refuse.
  void settle(Held& held, bool sending_ended = false);
  void release(int fd);
  void refuse(Connection& connection, int status, const std::string& code, const std::string& message,
              const std::string& path);
  void drop_expired();
  void wake();

  HubLimits limits_;
  Dispatch dispatch_;
  Refusal refusal_;
  std::shared_ptr<std::atomic<size_t>> open_ = std::make_shared<std::atomic<size_t>>(0);
  int epoll_ = -1;
  int wake_ = -1;
  std::atomic<bool> stopping_ = false;
  std::mutex mutex_;
  std::vector<std::shared_ptr<Connection>> arriving_;  // adopted or given back, not yet held
  std::unordered_map<int, Held> held_;                 // by socket; the hub thread's alone
  std::thread thread_;
};

}  // namespace sonda::server

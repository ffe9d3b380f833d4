// One client connection (its socket and the bytes received but not yet read) and the cpp-httplib stream
// one request is read from and answered on, within a deadline for the whole request.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace sonda::server {

// An accepted connection between requests; closing the socket is its destructor's.
struct Connection {
  explicit Connection(int socket) : fd(socket) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd;
  std::string received;  // bytes read from the socket that no request has consumed yet
  size_t requests = 0;   // requests answered on it

  // Adds what the socket holds (without waiting) to `received`: recv's result (0 once the client closed).
  ssize_t receive();
  // Waits at most `wait` for bytes and adds what came to `received`; false when none came.
  bool receive_within(std::chrono::milliseconds wait);
};

// The stream of one request on `connection`: reads what was received first, then the socket, waiting
// at most until `deadline` in all (a client trickling bytes cannot hold a thread beyond it); writes wait
// at most `write_timeout` for room. What the request does not consume stays in `received`.
class ConnectionStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;
  ConnectionStream(Connection& connection, Clock::time_point deadline,
                   std::chrono::milliseconds write_timeout);
  ~ConnectionStream() override;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  // The socket, for cpp-httplib's check that select() can wait on it: this stream waits with poll(),
  // so a socket past select()'s range is given as 0 rather than refused.
  socket_t socket() const override;

 private:
  // Waits until the socket has bytes (true) or the deadline passes or it fails (false).
  bool wait_for_bytes() const;

  Connection& connection_;
  Clock::time_point deadline_;
  std::chrono::milliseconds write_timeout_;
  size_t read_from_ = 0;  // bytes of `received` this request has read
};

}  // namespace sonda::server

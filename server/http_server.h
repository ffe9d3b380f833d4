// The one place that knows cpp-httplib: sockets, threads and timeouts in front of the Api.
#pragma once

#include <memory>
#include <string>

#include "server/api.h"

namespace sonda::server {

class HttplibServer;
class ConnectionQueue;
class ConnectionHub;
struct Connection;

// Network settings of the listening server.
struct ListenConfig {
  std::string host = "127.0.0.1";
  int port = 8080;                // 0: pick a free port
  size_t threads = 64;            // requests answered at once (a connection holds none between requests)
  size_t max_waiting = 256;       // whole requests waiting for a thread; more are answered 503 at once
  size_t max_connections = 4096;  // open at once; more are answered 503 and closed
  int listen_backlog = 1024;      // connections the kernel holds before accept (capped by net.core.somaxconn)
  int keep_alive_seconds = 15;    // an idle keep-alive connection is closed after this
  int read_timeout_seconds = 5;   // a request must arrive whole (head and body) within this of its first byte
  int write_timeout_seconds = 5;  // an answer waits at most this for the client to take more of it
  size_t max_body_bytes = 64 * 1024;
  size_t max_requests_per_connection = 1000;  // then the connection is closed after its answer
  size_t max_header_count = 100;              // more headers, or more header bytes, are refused with 431
  size_t max_header_bytes = 32 * 1024;
};

// Serves an Api over HTTP/1.1 with keep-alive and TCP_NODELAY: connections wait for their requests in
// one connection hub, whole requests for a thread in a bounded queue, the excess answered 503
// `overloaded` with Retry-After.
class HttpServer {
 public:
  HttpServer(Api& api, ListenConfig config);
  ~HttpServer();

  // Binds the socket; returns the bound port, or -1 when binding failed.
  int bind();

  // Serves until stop() is called (from a signal handler's thread or another thread).
  bool listen();

  void stop();

 private:
  // Answers the whole requests `connection` holds, then gives it back to the hub or closes it.
  void serve(std::shared_ptr<Connection> connection);

  Api& api_;
  ListenConfig config_;
  std::unique_ptr<HttplibServer> server_;
  std::unique_ptr<ConnectionQueue> queue_;
  std::unique_ptr<ConnectionHub> hub_;
  int listen_socket_ = -1;
  int port_ = -1;  // once bound
};

}  // namespace sonda::server

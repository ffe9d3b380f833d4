// The one place that knows cpp-httplib: sockets, threads and timeouts in front of the Api.
#pragma once

#include <memory>
#include <string>

#include "server/api.h"

namespace httplib {
class Server;
}

namespace sonda::server {

// Network settings of the listening server.
struct ListenConfig {
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: pick a free port
  size_t threads = 64;         // one per open connection (cpp-httplib): browsers keep several open each
  size_t max_waiting = 256;    // connections waiting for a thread; more are answered 503 at once
  int listen_backlog = 1024;   // connections the kernel holds before accept (capped by net.core.somaxconn)
  int keep_alive_seconds = 2;  // an idle keep-alive connection gives its thread back after this
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  size_t max_body_bytes = 64 * 1024;
  size_t max_requests_per_connection = 1000;  // then the connection is closed after its answer
  size_t max_header_count = 100;              // more headers, or more header bytes, are refused with 431
  size_t max_header_bytes = 32 * 1024;
};

// Serves an Api over HTTP/1.1 with keep-alive and TCP_NODELAY; a bounded queue of connections, the
// excess answered 503 `overloaded` with Retry-After.
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
  Api& api_;
  ListenConfig config_;
  std::unique_ptr<httplib::Server> server_;
  int listen_socket_ = -1;
  int port_ = -1;  // once bound
};

}  // namespace sonda::server

// ShardServer: xapian-tcpsrv serving one shard folder on 127.0.0.1, for one test's lifetime.
#pragma once

#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "support/child_process.h"
#include "support/loopback.h"
#include "support/run_command.h"

namespace sonda::testing {

// Runs xapian-tcpsrv (`tcpsrv`, the program's path) over `folder` on `port` in a process group of its own;
// stop() kills the group, start() starts it again on the same port.
class ShardServer {
 public:
  ShardServer(std::string tcpsrv, std::string folder, unsigned port = free_loopback_port())
      : tcpsrv_(std::move(tcpsrv)), folder_(std::move(folder)), port_(port) {
    start();
  }
  void start() {
    process_ = std::make_unique<ChildProcess>(
        tcpsrv_ + " --interface 127.0.0.1 --port " + std::to_string(port_) + " " + shell_quote(folder_),
        true);
    for (int i = 0; i < 200 && !accepts_connections(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  void stop() { process_.reset(); }
  bool accepts_connections() const {
    int fd = connect_loopback(port_);
    if (fd >= 0) close(fd);
    return fd >= 0;
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  std::string tcpsrv_;
  std::string folder_;
  unsigned port_;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace sonda::testing

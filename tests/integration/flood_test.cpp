// A thousand connections at once: the server serves what its threads and queue hold, answers the excess
// 503 quickly, and stays up with bounded memory.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "support/corpus_index.h"
#include "support/loopback.h"
#include "support/running_server.h"

namespace sonda::server {
namespace {

// Resident memory of this process (the server runs in it), in KiB.
long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

TEST(Flood, ThousandConnectionsAtOnceGetServedOr503QuicklyAndTheServerStaysUp) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  ASSERT_GE(files.rlim_cur, 2200u) << "1,000 client and 1,000 server sockets in this process";

  testing::TempDir dir;
  testing::build_index(SONDA_CORPUS_DIR, (dir / "db").string());
  ListenConfig listen = RunningServer::config();
  listen.max_waiting = 16;
  // Every request searches: answered from the response cache, the flood would never fill the queue.
  ApiConfig api;
  api.cache_bytes = 0;
  RunningServer server((dir / "db").string(), listen, nullptr, api);
  ASSERT_EQ(server.client().Get("/search?q=enfance")->status, 200);
  long memory_before = resident_kib();

  constexpr int kConnections = 1000;
  const std::string request =
      "GET /search?q=enfance&facets=country HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::vector<int> sockets;
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < kConnections; ++i) {
    int fd = testing::connect_loopback(static_cast<unsigned>(server.port()));
    ASSERT_GE(fd, 0) << "connection " << i << " refused: the listen backlog is too small";
    ASSERT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    sockets.push_back(fd);
  }
  std::map<int, int> statuses;
  double slowest_503 = 0;
  auto deadline = started + std::chrono::seconds(30);
  for (int fd : sockets) {
    int status = testing::read_status(fd, deadline);
    ++statuses[status];
    if (status == 503)
      slowest_503 = std::max(
          slowest_503, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    close(fd);
  }
  std::cout << "served " << statuses[200] << ", turned away " << statuses[503] << ", unanswered "
            << statuses[0] << "; slowest 503 after " << slowest_503 << " s\n";
  EXPECT_EQ(statuses[200] + statuses[503], kConnections) << "every connection answered; 0 = none";
  EXPECT_GE(statuses[200], 4 + 16) << "the threads and the queue are served";
  EXPECT_GT(statuses[503], 0) << "the excess is turned away";
  EXPECT_LT(slowest_503, 10.0) << "quickly";

  auto after = server.client().Get("/health");
  ASSERT_TRUE(after) << "the server stays up";
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(nlohmann::json::parse(after->body)["status"], "ok");
  EXPECT_LT(resident_kib() - memory_before, 64 * 1024) << "memory stays bounded (KiB)";
}

}  // namespace
}  // namespace sonda::server

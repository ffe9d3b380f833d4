// Plain TCP sockets on 127.0.0.1 for tests that talk below HTTP: raw connections, free ports.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

namespace sonda::testing {

// 127.0.0.1:`port` (0: any port, for bind).
inline sockaddr_in loopback_address(unsigned port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A socket connected to 127.0.0.1:`port`, or -1 when nothing accepts there.
inline int connect_loopback(unsigned port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback_address(port);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// A port on 127.0.0.1 that was free a moment ago, for a server that cannot pick its own.
inline unsigned free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback_address(0);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// The status code of the response that comes on `fd` ("HTTP/1.1 503 …" → 503); 0 when the connection
// closes or `deadline` passes first.
inline int read_status(int fd, std::chrono::steady_clock::time_point deadline) {
  std::string head;
  char buffer[4096];
  while (head.find("\r\n") == std::string::npos) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) <= 0) return 0;
    ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) return 0;
    head.append(buffer, static_cast<size_t>(got));
  }
  return head.size() > 12 ? std::atoi(head.c_str() + 9) : 0;
}

}  // namespace sonda::testing

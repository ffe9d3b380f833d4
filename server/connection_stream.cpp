// One client connection and the stream one request is read from and answered on, within its deadline.
#include "server/connection_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sonda::server {
namespace {

constexpr size_t kReadSize = 16 * 1024;

// The address and port of the socket's end (`peer`) or of its own end.
void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? ::getpeername(fd, raw, &size) : ::getsockname(fd, raw, &size)) != 0) return;
  char host[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
    port = ntohs(in->sin_port);
  } else if (address.ss_family == AF_INET6) {
    auto* in = reinterpret_cast<sockaddr_in6*>(&address);
    ::inet_ntop(AF_INET6, &in->sin6_addr, host, sizeof host);
    port = ntohs(in->sin6_port);
  }
  ip = host;
}

// poll() on `fd` for `events` for at most `wait` (never negative); true when one of them came.
bool poll_for(int fd, short events, std::chrono::milliseconds wait) {
  pollfd ready{fd, events, 0};
  int result;
  do {
    result = ::poll(&ready, 1, static_cast<int>(std::max<std::chrono::milliseconds::rep>(wait.count(), 0)));
  } while (result < 0 && errno == EINTR);
  return result > 0 && (ready.revents & events) && !(ready.revents & (POLLERR | POLLNVAL));
}

}  // namespace

Connection::~Connection() {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

ssize_t Connection::receive() {
  char buffer[kReadSize];  // not received.resize(): that would zero the whole size each time
  ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
  if (got > 0) received.append(buffer, static_cast<size_t>(got));
  return got;
}

bool Connection::receive_within(std::chrono::milliseconds wait) {
  return poll_for(fd, POLLIN, wait) && receive() > 0;
}

ConnectionStream::ConnectionStream(Connection& connection, Clock::time_point deadline,
                                   std::chrono::milliseconds write_timeout)
    : connection_(connection), deadline_(deadline), write_timeout_(write_timeout) {}

ConnectionStream::~ConnectionStream() {
  connection_.received.erase(0, read_from_);
}

bool ConnectionStream::wait_for_bytes() const {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  return left.count() > 0 && poll_for(connection_.fd, POLLIN, left);
}

bool ConnectionStream::is_readable() const {
  return read_from_ < connection_.received.size() || wait_for_bytes();
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  std::string& received = connection_.received;
  while (read_from_ == received.size()) {
    if (!wait_for_bytes()) return -1;
    ssize_t got = connection_.receive();
    if (got == 0) return 0;
    if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
  }
  size_t count = std::min(size, received.size() - read_from_);
  std::memcpy(ptr, received.data() + read_from_, count);
  read_from_ += count;
  return static_cast<ssize_t>(count);
}

bool ConnectionStream::is_writable() const {
  return poll_for(connection_.fd, POLLOUT, write_timeout_);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  while (true) {
    ssize_t sent = ::send(connection_.fd, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0) return sent;
    if (errno == EINTR) continue;
    if ((errno != EAGAIN && errno != EWOULDBLOCK) || !is_writable()) return -1;
  }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  address_of(connection_.fd, true, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  address_of(connection_.fd, false, ip, port);
}

socket_t ConnectionStream::socket() const {
  return connection_.fd < FD_SETSIZE ? connection_.fd : 0;
}

}  // namespace sonda::server

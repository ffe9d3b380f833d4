// Holds every connection between its requests on one epoll thread and hands whole requests on.
#include "server/connection_hub.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace sonda::server {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kSweepMilliseconds = 100;

}  // namespace

ConnectionHub::ConnectionHub(HubLimits limits, Dispatch dispatch, Refusal refusal)
    : limits_(limits), dispatch_(std::move(dispatch)), refusal_(std::move(refusal)) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wake_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
  thread_ = std::thread([this] { run(); });
}

ConnectionHub::~ConnectionHub() {
  stop();
  ::close(wake_);
  ::close(epoll_);
}

void ConnectionHub::adopt(int fd) {
  auto counter = open_;
  ++*counter;
  std::shared_ptr<Connection> connection(new Connection(fd), [counter](Connection* gone) {
    delete gone;
    --*counter;
  });
  if (stopping_ || *open_ > limits_.max_connections) {
    refuse(*connection, 503, "overloaded", "too many connections; try again in a second", "/");
    return;
  }
  {
    std::lock_guard lock(mutex_);
    arriving_.push_back(std::move(connection));
  }
  wake();
}

void ConnectionHub::give_back(std::shared_ptr<Connection> connection) {
  if (stopping_) return;
  {
    std::lock_guard lock(mutex_);
    arriving_.push_back(std::move(connection));
  }
  wake();
}

bool ConnectionHub::holds_whole_request(const Connection& connection) const {
  HeadScan scan;
  return judge(connection, scan) == Verdict::dispatch;
}

void ConnectionHub::stop() {
  if (stopping_.exchange(true)) return;
  wake();
  if (thread_.joinable()) thread_.join();
}

void ConnectionHub::wake() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t written = ::write(wake_, &one, sizeof one);
}

void ConnectionHub::run() {
  epoll_event events[64];
  auto next_sweep = Clock::now();
  while (!stopping_) {
    int ready = ::epoll_wait(epoll_, events, 64, kSweepMilliseconds);
    for (int i = 0; i < ready; ++i) {
      if (events[i].data.fd != wake_) {
        on_readable(events[i].data.fd);
        continue;
      }
      uint64_t count;
      [[maybe_unused]] ssize_t got = ::read(wake_, &count, sizeof count);
      std::vector<std::shared_ptr<Connection>> arrived;
      {
        std::lock_guard lock(mutex_);
        arrived.swap(arriving_);
      }
      for (auto& connection : arrived) admit(std::move(connection));
    }
    if (Clock::now() >= next_sweep) {
      drop_expired();
      next_sweep = Clock::now() + std::chrono::milliseconds(kSweepMilliseconds);
    }
  }
  held_.clear();
  std::lock_guard lock(mutex_);
  arriving_.clear();
}

void ConnectionHub::admit(std::shared_ptr<Connection> connection) {
  int fd = connection->fd;
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP;
  event.data.fd = fd;
  if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) return;  // dropped: its socket is gone
  bool reading = !connection->received.empty();
  Held& held = held_[fd];
  held = Held{std::move(connection), Clock::now() + (reading ? limits_.request_timeout : limits_.keep_alive),
              reading};
  settle(held);
}

void ConnectionHub::on_readable(int fd) {
  auto found = held_.find(fd);
  if (found == held_.end()) return;
  Held& held = found->second;
  Connection& connection = *held.connection;
  size_t cap = limits_.head.max_request_line + limits_.head.max_header_bytes + limits_.max_body_bytes + 4096;
  bool sending_ended = false;  // the client shut its side: what it sent is all there will be
  while (connection.received.size() <= cap) {
    ssize_t got = connection.receive();
    if (got > 0 || (got < 0 && errno == EINTR)) continue;
    if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return release(fd);  // failed
    sending_ended = got == 0;
    break;
  }
  if (!held.reading && !connection.received.empty()) {
    held.reading = true;
    held.deadline = Clock::now() + limits_.request_timeout;
  }
  settle(held, sending_ended);
}

ConnectionHub::Verdict ConnectionHub::judge(const Connection& connection, HeadScan& scan) const {
  if (connection.received.empty()) return Verdict::wait;
  scan = scan_request_head(connection.received, limits_.head);
  if (scan.state == HeadScan::State::refused) return Verdict::refuse;
  if (scan.state == HeadScan::State::incomplete) return Verdict::wait;
  // A client that expects 100 Continue sends its body only after it: the serving thread answers 100.
  bool body_to_come = scan.body_bytes && *scan.body_bytes <= limits_.max_body_bytes &&
                      !scan.expects_continue &&
                      connection.received.size() < scan.head_bytes + *scan.body_bytes;
  return body_to_come ? Verdict::wait : Verdict::dispatch;
}

void ConnectionHub::settle(Held& held, bool sending_ended) {
  HeadScan scan;
  Verdict verdict = judge(*held.connection, scan);
  if (verdict == Verdict::wait) {
    if (sending_ended) release(held.connection->fd);  // no more bytes will come: nothing to answer
    return;
  }
  std::shared_ptr<Connection> connection = held.connection;
  release(connection->fd);
  if (verdict == Verdict::refuse)
    refuse(*connection, scan.status, scan.code, scan.problem, scan.path);
  else
    dispatch_(std::move(connection));
}

void ConnectionHub::release(int fd) {
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  held_.erase(fd);
}

void ConnectionHub::refuse(Connection& connection, int status, const std::string& code,
                           const std::string& message, const std::string& path) {
  std::string answer = refusal_(status, code, message, path);
  ::send(connection.fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(connection.fd, SHUT_WR);
  char buffer[4096];  // what the client sent and nobody will read: left unread, closing would reset
  while (::recv(connection.fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
  }
}

void ConnectionHub::drop_expired() {
  auto now = Clock::now();
  std::vector<int> expired;
  for (const auto& [fd, held] : held_)
    if (held.deadline <= now) expired.push_back(fd);
  for (int fd : expired) {
    Held held = std::move(held_[fd]);
    release(fd);
    if (held.reading)
      refuse(*held.connection, 408, "request_timeout", "the request did not arrive whole in time",
             scan_request_head(held.connection->received, limits_.head).path);
  }
}

}  // namespace sonda::server

// HTTP at its edges, over raw sockets: methods (405 with Allow, HEAD) and framing that two parsers could
// read differently, each refused before it reaches a handler.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/corpus_index.h"
#include "support/loopback.h"
#include "support/running_server.h"
#include "support/temp_dir.h"

namespace sonda::server {
namespace {

// True once `answer` holds one whole response (its head and as many body bytes as it announces; the head
// alone when it answers a HEAD request).
bool whole_response(const std::string& answer, bool to_head = false) {
  size_t head = answer.find("\r\n\r\n");
  if (head == std::string::npos) return false;
  if (to_head) return true;
  size_t length = answer.find("Content-Length: ");
  size_t body = length == std::string::npos || length > head ? 0 : std::stoul(answer.substr(length + 16));
  return answer.size() >= head + 4 + body;
}

// What comes on `fd` (waiting at most `wait_seconds` for each part): one whole response (its head alone when
// it answers a HEAD, `to_head`), or (`linger`) everything until the wait runs out or the server closes.
std::string read_response(int fd, int wait_seconds, bool to_head = false, bool linger = false) {
  timeval wait{wait_seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  std::string out;
  char buffer[4096];
  for (ssize_t got;
       (linger || !whole_response(out, to_head)) && (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
    out.append(buffer, static_cast<size_t>(got));
  return out;
}

// What the server sends back for `raw`, sent on a fresh connection: one whole response, or (`linger`) all
// that comes within a second.
std::string exchange(int port, const std::string& raw, bool linger = false) {
  int fd = testing::connect_loopback(static_cast<unsigned>(port));
  if (fd < 0) return "(no connection)";
  send(fd, raw.data(), raw.size(), MSG_NOSIGNAL);
  std::string out = read_response(fd, linger ? 1 : 5, raw.rfind("HEAD ", 0) == 0, linger);
  close(fd);
  return out;
}

// The status codes of every response in `answer`, in order.
std::vector<int> statuses(const std::string& answer) {
  std::vector<int> out;
  for (size_t at = answer.find("HTTP/1.1 "); at != std::string::npos; at = answer.find("HTTP/1.1 ", at + 1))
    out.push_back(std::stoi(answer.substr(at + 9, 3)));
  return out;
}

// `count` headers "X-<i>: " with a value of `bytes` letters.
std::string many_headers(int count, size_t bytes) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "X-" + std::to_string(i) + ": " + std::string(bytes, 'v') + "\r\n";
  return out;
}

struct EdgeCase {
  std::string name;
  std::string raw;
  int status;
  std::string header;  // a header the answer must carry ("" for none)
};

class HttpEdges : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::build_index(SONDA_CORPUS_DIR, (*dir_ / "db").string());
    server_ = new RunningServer((*dir_ / "db").string());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline RunningServer* server_ = nullptr;
};

const std::string kHost = "Host: 127.0.0.1\r\n";

TEST_F(HttpEdges, EachRawRequestGetsItsStatus) {
  const EdgeCase cases[] = {
      {"PUT on /search", "PUT /search HTTP/1.1\r\n" + kHost + "Content-Length: 0\r\n\r\n", 405,
       "Allow: GET, HEAD, POST, OPTIONS"},
      {"PATCH on /search", "PATCH /search HTTP/1.1\r\n" + kHost + "Content-Length: 0\r\n\r\n", 405, "Allow:"},
      {"DELETE on /search", "DELETE /search HTTP/1.1\r\n" + kHost + "\r\n", 405, "Allow:"},
      {"DELETE on /health", "DELETE /health HTTP/1.1\r\n" + kHost + "\r\n", 405, "Allow: GET, HEAD, OPTIONS"},
      {"POST on a document", "POST /documents/x HTTP/1.1\r\n" + kHost + "Content-Length: 0\r\n\r\n", 405,
       "Allow:"},
      {"PUT on no route", "PUT /nowhere HTTP/1.1\r\n" + kHost + "Content-Length: 0\r\n\r\n", 404, ""},
      {"HEAD where GET is", "HEAD /health HTTP/1.1\r\n" + kHost + "\r\n", 200, ""},
      {"OPTIONS", "OPTIONS /search HTTP/1.1\r\n" + kHost + "\r\n", 204, ""},
      {"two Content-Lengths",
       "POST /search HTTP/1.1\r\n" + kHost + "Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}", 400, ""},
      {"a repeated Content-Length",
       "POST /search HTTP/1.1\r\n" + kHost + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400, ""},
      {"Content-Length with chunked",
       "POST /search HTTP/1.1\r\n" + kHost +
           "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400, ""},
      {"a coding other than chunked",
       "POST /search HTTP/1.1\r\n" + kHost + "Transfer-Encoding: gzip\r\n\r\n{}", 400, ""},
      {"gzip, chunked",
       "POST /search HTTP/1.1\r\n" + kHost + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400, ""},
      {"a malformed chunk",
       "POST /search HTTP/1.1\r\n" + kHost + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400,
       ""},
      {"bare LF line ends", "GET /health HTTP/1.1\n" + kHost.substr(0, kHost.size() - 2) + "\n\n", 400, ""},
      {"obs-fold: a header folded onto the next line",
       "GET /health HTTP/1.1\r\n" + kHost + "X-A: a\r\n b\r\n\r\n", 400, ""},
      {"obs-fold: a folded line with no colon",
       "GET /health HTTP/1.1\r\n" + kHost + "X-A: a\r\n\tno colon here\r\n\r\n", 400, ""},
      {"a space before the colon", "GET /health HTTP/1.1\r\n" + kHost + "Content-Length : 0\r\n\r\n", 400,
       ""},
      {"a NUL byte in a header", "GET /health HTTP/1.1\r\n" + kHost + std::string("X-A: a\0b\r\n\r\n", 12),
       400, ""},
      {"a control byte in a header",
       "GET /health HTTP/1.1\r\n" + kHost +
           "X-A: a\x01"
           "b\r\n\r\n",
       400, ""},
      {"a request line over the limit",
       "GET /search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\n" + kHost + "\r\n", 414, ""},
      {"a header line over the limit",
       "GET /health HTTP/1.1\r\n" + kHost + "X-Big: " + std::string(20000, 'y') + "\r\n\r\n", 400, ""},
      {"TRACE on /search", "TRACE /search HTTP/1.1\r\n" + kHost + "\r\n", 405,
       "Allow: GET, HEAD, POST, OPTIONS"},
      {"CONNECT on /health", "CONNECT /health HTTP/1.1\r\n" + kHost + "\r\n", 405,
       "Allow: GET, HEAD, OPTIONS"},
      {"TRACE on no route", "TRACE /nowhere HTTP/1.1\r\n" + kHost + "\r\n", 404, ""},
      {"101 headers", "GET /health HTTP/1.1\r\n" + kHost + many_headers(100, 1) + "\r\n", 431, ""},
      {"100 headers", "GET /health HTTP/1.1\r\n" + kHost + many_headers(99, 1) + "\r\n", 200, ""},
      {"header bytes over 32 KB", "GET /health HTTP/1.1\r\n" + kHost + many_headers(9, 4000) + "\r\n", 431,
       ""},
  };
  for (const EdgeCase& c : cases) {
    std::string answer = exchange(server_->port(), c.raw);
    std::vector<int> codes = statuses(answer);
    ASSERT_FALSE(codes.empty()) << c.name << ": no answer";
    EXPECT_EQ(codes.front(), c.status) << c.name << "\n" << answer.substr(0, 300);
    if (!c.header.empty()) {
      EXPECT_NE(answer.find(c.header), std::string::npos) << c.name << "\n" << answer.substr(0, 300);
    }
    if (c.status == 405) {
      EXPECT_NE(answer.find("\"method_not_allowed\""), std::string::npos) << c.name;
    }
  }
}

TEST_F(HttpEdges, ARequestHiddenBehindTwoContentLengthsNeverReachesAHandler) {
  // One parser reads a body of 0 bytes and then a second request; another reads 37 bytes of body.
  const std::string smuggled = "GET /metrics HTTP/1.1\r\n" + kHost + "\r\n";
  std::string raw = "POST /search HTTP/1.1\r\n" + kHost +
                    "Content-Length: 0\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n\r\n" +
                    smuggled;
  std::vector<int> codes = statuses(exchange(server_->port(), raw, true));
  EXPECT_EQ(codes, std::vector<int>{400}) << "one refusal, and the hidden request is never answered";
}

// Sends each of `requests` on one connection, each after the answer to the one before: the answers, ""
// for each sent after the server closed the connection.
std::vector<std::string> one_connection(int port, const std::vector<std::string>& requests) {
  int fd = testing::connect_loopback(static_cast<unsigned>(port));
  if (fd < 0) return {"(no connection)"};
  std::vector<std::string> answers;
  for (const std::string& request : requests) {
    send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    answers.push_back(read_response(fd, 3));
  }
  close(fd);
  return answers;
}

TEST_F(HttpEdges, ARefusedRequestEndsItsConnection) {
  const std::string good = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  auto kept = one_connection(server_->port(), {good, good});
  EXPECT_EQ(statuses(kept.back()), std::vector<int>{200}) << "keep-alive";
  for (const std::string& bad : {"GET /health HTTP/1.1\r\n" + kHost + "Content-Length : 0\r\n\r\n",
                                 "GET /health HTTP/1.1\r\n" + kHost + "X-A: a\r\n b\r\n\r\n",
                                 "GET /health HTTP/1.1\r\n" + kHost + many_headers(100, 1) + "\r\n"}) {
    auto answers = one_connection(server_->port(), {bad, good});
    EXPECT_FALSE(answers.front().empty());
    EXPECT_EQ(answers.back(), "") << "closed after the refusal of\n" << bad.substr(0, 60);
  }
}

TEST(HttpLimits, AConnectionServesAtMostItsRequestCount) {
  testing::TempDir dir;
  testing::build_index(SONDA_CORPUS_DIR, (dir / "db").string());
  ListenConfig config = RunningServer::config();
  config.max_requests_per_connection = 3;
  RunningServer server((dir / "db").string(), config);
  const std::string good = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  auto answers = one_connection(server.port(), {good, good, good, good});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(statuses(answers[i]), std::vector<int>{200}) << i;
  EXPECT_NE(answers[2].find("Connection: close"), std::string::npos) << answers[2].substr(0, 300);
  EXPECT_EQ(answers[3], "") << "the fourth request is never read";
}

// A server over the sample corpus's index with `config`, and the index's folder.
struct ServerWith {
  explicit ServerWith(ListenConfig config) : server(build(dir), config) {}
  static std::string build(const testing::TempDir& dir) {
    testing::build_index(SONDA_CORPUS_DIR, (dir / "db").string());
    return (dir / "db").string();
  }
  testing::TempDir dir;
  RunningServer server;
};

TEST(HttpConnections, TwoHundredClientsSendingAByteASecondHoldNoThreadAndGet408) {
  ListenConfig config = RunningServer::config();
  config.threads = 2;
  config.read_timeout_seconds = 3;
  ServerWith running(config);
  const std::string request = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  std::vector<int> slow;
  for (int i = 0; i < 200; ++i) {
    slow.push_back(testing::connect_loopback(static_cast<unsigned>(running.server.port())));
    ASSERT_GE(slow.back(), 0) << i;
  }
  auto started = std::chrono::steady_clock::now();
  httplib::Client client = running.server.client();
  client.set_read_timeout(2, 0);
  for (size_t byte = 0; byte < 2; ++byte) {  // a byte a second each, never the whole request
    for (int fd : slow) ASSERT_EQ(send(fd, request.data() + byte, 1, MSG_NOSIGNAL), 1);
    for (int i = 0; i < 3; ++i) {
      auto answer = client.Get("/search?q=castigo");
      ASSERT_TRUE(answer) << "others are answered meanwhile (round " << byte << ")";
      EXPECT_EQ(answer->status, 200);
    }
    std::this_thread::sleep_until(started + std::chrono::seconds(byte + 1));
  }
  int timed_out = 0;
  for (int fd : slow) {
    timed_out += testing::read_status(fd, started + std::chrono::seconds(8)) == 408;
    close(fd);
  }
  EXPECT_EQ(timed_out, 200) << "each is told 408 once its request is 3 s late, and closed";
}

TEST(HttpConnections, IdleKeepAliveConnectionsHoldNoThread) {
  ListenConfig config = RunningServer::config();
  config.threads = 1;
  ServerWith running(config);
  const std::string request = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  std::vector<int> idle;
  for (int i = 0; i < 20; ++i) {
    idle.push_back(testing::connect_loopback(static_cast<unsigned>(running.server.port())));
    send(idle.back(), request.data(), request.size(), MSG_NOSIGNAL);
    ASSERT_EQ(testing::read_status(idle.back(), std::chrono::steady_clock::now() + std::chrono::seconds(5)),
              200);
  }
  httplib::Client client = running.server.client();
  client.set_read_timeout(2, 0);  // well within the keep-alive time the idle ones are kept for
  auto answer = client.Get("/search?q=castigo");
  ASSERT_TRUE(answer) << "the one thread is free while 20 connections stay open";
  EXPECT_EQ(answer->status, 200);
  for (int fd : idle) close(fd);
}

TEST(HttpConnections, AnIdleConnectionIsClosedAfterTheKeepAliveTime) {
  ListenConfig config = RunningServer::config();
  config.keep_alive_seconds = 1;
  ServerWith running(config);
  int fd = testing::connect_loopback(static_cast<unsigned>(running.server.port()));
  const std::string request = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer = read_response(fd, 5);
  auto answered = std::chrono::steady_clock::now();
  ASSERT_EQ(statuses(answer), std::vector<int>{200}) << answer;
  char byte;
  EXPECT_EQ(recv(fd, &byte, 1, 0), 0) << "closed by the server, not by the 5 s wait";
  double idle = std::chrono::duration<double>(std::chrono::steady_clock::now() - answered).count();
  EXPECT_GE(idle, 0.9);
  EXPECT_LT(idle, 4.0);
  close(fd);
}

TEST(HttpConnections, PipelinedRequestsAreAnsweredInOrder) {
  ServerWith running(RunningServer::config());
  const std::string raw = "GET /health HTTP/1.1\r\n" + kHost + "\r\n" + "GET /nowhere HTTP/1.1\r\n" + kHost +
                          "\r\n" + "POST /search HTTP/1.1\r\n" + kHost +
                          "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"q\":\"agua\"}\n";
  EXPECT_EQ(statuses(exchange(running.server.port(), raw, true)), (std::vector<int>{200, 404, 200}));
}

TEST(HttpConnections, ARequestWhoseClientShutsItsSendingSideIsStillAnswered) {
  ServerWith running(RunningServer::config());
  int fd = testing::connect_loopback(static_cast<unsigned>(running.server.port()));
  const std::string request = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  shutdown(fd, SHUT_WR);  // as `printf … | nc` does
  EXPECT_EQ(testing::read_status(fd, std::chrono::steady_clock::now() + std::chrono::seconds(5)), 200);
  close(fd);
}

TEST(HttpConnections, ABodyThatWaitsForA100ContinueGetsIt) {
  ServerWith running(RunningServer::config());
  int fd = testing::connect_loopback(static_cast<unsigned>(running.server.port()));
  const std::string head =
      "POST /search HTTP/1.1\r\n" + kHost +
      "Content-Type: application/json\r\nContent-Length: 13\r\nExpect: 100-continue\r\n\r\n";
  send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  auto sent = std::chrono::steady_clock::now();
  EXPECT_EQ(testing::read_status(fd, sent + std::chrono::seconds(3)), 100) << "before the body is sent";
  const std::string body = "{\"q\":\"agua\"}\n";
  send(fd, body.data(), body.size(), MSG_NOSIGNAL);
  EXPECT_EQ(testing::read_status(fd, sent + std::chrono::seconds(5)), 200);
  close(fd);
}

TEST(HttpConnections, ConnectionsBeyondTheBoundAreTurnedAway) {
  ListenConfig config = RunningServer::config();
  config.max_connections = 4;
  ServerWith running(config);
  std::vector<int> open;
  for (int i = 0; i < 4; ++i)
    open.push_back(testing::connect_loopback(static_cast<unsigned>(running.server.port())));
  std::string answer = exchange(running.server.port(), "GET /health HTTP/1.1\r\n" + kHost + "\r\n");
  EXPECT_EQ(statuses(answer), std::vector<int>{503}) << answer.substr(0, 300);
  EXPECT_NE(answer.find("\"overloaded\""), std::string::npos);
  EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos);
  close(open.back());
  open.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server sees the close
  EXPECT_EQ(statuses(exchange(running.server.port(), "GET /health HTTP/1.1\r\n" + kHost + "\r\n")),
            std::vector<int>{200});
  for (int fd : open) close(fd);
}

}  // namespace
}  // namespace sonda::server

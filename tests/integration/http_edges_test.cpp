// HTTP at its edges, over raw sockets: methods (405 with Allow, HEAD) and framing that two parsers could
// read differently, each refused before it reaches a handler.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "support/corpus_index.h"
#include "support/loopback.h"
#include "support/running_server.h"
#include "support/temp_dir.h"

namespace sonda::server {
namespace {

// True once `answer` holds one whole response (its head and as many body bytes as it announces).
bool whole_response(const std::string& answer) {
  size_t head = answer.find("\r\n\r\n");
  if (head == std::string::npos) return false;
  size_t length = answer.find("Content-Length: ");
  size_t body = length == std::string::npos || length > head ? 0 : std::stoul(answer.substr(length + 16));
  return answer.size() >= head + 4 + body;
}

// What the server sends back for `raw`, sent on a fresh connection: one whole response, or (`linger`) all
// that comes within a second.
std::string exchange(int port, const std::string& raw, bool linger = false) {
  int fd = testing::connect_loopback(static_cast<unsigned>(port));
  if (fd < 0) return "(no connection)";
  send(fd, raw.data(), raw.size(), MSG_NOSIGNAL);
  timeval wait{linger ? 1 : 5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  std::string out;
  char buffer[4096];
  for (ssize_t got; (linger || !whole_response(out)) && (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
    out.append(buffer, static_cast<size_t>(got));
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
  timeval wait{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  std::vector<std::string> answers;
  char buffer[4096];
  for (const std::string& request : requests) {
    std::string out;
    send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    for (ssize_t got; !whole_response(out) && (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      out.append(buffer, static_cast<size_t>(got));
    answers.push_back(out);
  }
  close(fd);
  return answers;
}

TEST_F(HttpEdges, ARefusedRequestEndsItsConnection) {
  const std::string good = "GET /health HTTP/1.1\r\n" + kHost + "\r\n";
  auto kept = one_connection(server_->port(), {good, good});
  EXPECT_EQ(statuses(kept.back()), std::vector<int>{200}) << "keep-alive";
  for (const std::string& bad : {"GET /health HTTP/1.1\r\n" + kHost + "Content-Length : 0\r\n\r\n",
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

}  // namespace
}  // namespace sonda::server

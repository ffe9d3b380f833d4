// The request-head scanner: each byte string → whole, incomplete or refused (and why), as it arrives.
#include "server/request_head.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace sonda::server {
namespace {

using State = HeadScan::State;

struct HeadCase {
  std::string name;
  std::string received;
  State state;
  int status = 0;                    // refused
  std::optional<size_t> body_bytes;  // complete
};

std::string headers(int count, size_t bytes) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "X-" + std::to_string(i) + ": " + std::string(bytes, 'v') + "\r\n";
  return out;
}

TEST(RequestHead, EachHeadAsItArrives) {
  const std::string get = "GET /search?q=a HTTP/1.1\r\nHost: x\r\n";
  const std::vector<HeadCase> cases = {
      {"nothing yet", "", State::incomplete, 0, std::nullopt},
      {"half a request line", "GET /sea", State::incomplete, 0, std::nullopt},
      {"a request line, no headers' end", get, State::incomplete, 0, std::nullopt},
      {"the empty line's CR only", get + "\r", State::incomplete, 0, std::nullopt},
      {"whole, no body", get + "\r\n", State::complete, 0, std::nullopt},
      {"whole with a body length", "POST /search HTTP/1.1\r\nContent-Length: 12\r\n\r\n", State::complete, 0,
       12},
      {"the length's name in any case", "POST / HTTP/1.1\r\ncontent-LENGTH:  7 \r\n\r\n", State::complete, 0,
       7},
      {"two lengths: left to the parser", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n",
       State::complete, 0, std::nullopt},
      {"a length with chunked: left to the parser",
       "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", State::complete, 0,
       std::nullopt},
      {"a length not a number", "POST / HTTP/1.1\r\nContent-Length: 3x\r\n\r\n", State::complete, 0,
       std::nullopt},
      {"a bare LF after the request line", "GET / HTTP/1.1\nHost: x\r\n\r\n", State::refused, 400,
       std::nullopt},
      {"a bare LF after a header", "GET / HTTP/1.1\r\nHost: x\n\r\n", State::refused, 400, std::nullopt},
      {"a bare LF as the empty line", "GET / HTTP/1.1\r\nHost: x\r\n\n", State::refused, 400, std::nullopt},
      {"obs-fold with a space", get + " folded\r\n\r\n", State::refused, 400, std::nullopt},
      {"obs-fold with a tab", get + "X-A: a\r\n\tb\r\n\r\n", State::refused, 400, std::nullopt},
      {"obs-fold seen before the end", get + " fold", State::refused, 400, std::nullopt},
      {"a request line over 8192 bytes, whole", "GET /" + std::string(8200, 'a') + " HTTP/1.1\r\n",
       State::refused, 414, std::nullopt},
      {"a request line over 8192 bytes, still coming", "GET /" + std::string(8200, 'a'), State::refused, 414,
       std::nullopt},
      {"100 headers", "GET / HTTP/1.1\r\n" + headers(100, 1) + "\r\n", State::complete, 0, std::nullopt},
      {"101 headers", "GET / HTTP/1.1\r\n" + headers(101, 1) + "\r\n", State::refused, 431, std::nullopt},
      {"header bytes over 32 KB, whole", "GET / HTTP/1.1\r\n" + headers(9, 4000) + "\r\n", State::refused,
       431, std::nullopt},
      {"header bytes over 32 KB, still coming", "GET / HTTP/1.1\r\n" + std::string(40000, 'h'),
       State::refused, 431, std::nullopt},
      {"32 KB of one header line, still coming", "GET / HTTP/1.1\r\nX: " + std::string(32000, 'h'),
       State::incomplete, 0, std::nullopt},
  };
  for (const HeadCase& c : cases) {
    HeadScan scan = scan_request_head(c.received, HeadLimits{});
    EXPECT_EQ(scan.state, c.state) << c.name << ": " << scan.problem;
    if (c.state == State::refused) {
      EXPECT_EQ(scan.status, c.status) << c.name;
      EXPECT_FALSE(scan.problem.empty()) << c.name;
    }
    if (c.state == State::complete) {
      EXPECT_EQ(scan.head_bytes, c.received.size()) << c.name;
      EXPECT_EQ(scan.body_bytes, c.body_bytes) << c.name;
    }
  }
}

TEST(RequestHead, TheHeadEndsAtTheEmptyLineWhateverFollows) {
  const std::string head = "POST /multi-search?x=1 HTTP/1.1\r\nContent-Length: 2\r\n\r\n";
  HeadScan scan = scan_request_head(head + "{}GET / HTTP/1.1\r\n", HeadLimits{});
  ASSERT_EQ(scan.state, State::complete);
  EXPECT_EQ(scan.head_bytes, head.size());
  EXPECT_EQ(scan.body_bytes, 2u);
  EXPECT_EQ(scan.path, "/multi-search");
}

TEST(RequestHead, ABodyThatWaitsForA100ContinueIsSaidSo) {
  const std::string head = "POST /search HTTP/1.1\r\nContent-Length: 13\r\nExpect:  100-Continue \r\n\r\n";
  HeadScan scan = scan_request_head(head, HeadLimits{});
  ASSERT_EQ(scan.state, State::complete);
  EXPECT_EQ(scan.body_bytes, 13u);
  EXPECT_TRUE(scan.expects_continue);
  EXPECT_FALSE(
      scan_request_head("POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\n", HeadLimits{}).expects_continue);
}

TEST(RequestHead, ARefusalNamesThePathForTheProtocolsErrorForm) {
  HeadScan scan = scan_request_head("GET /indexes/docs/search HTTP/1.1\r\n folded\r\n\r\n", HeadLimits{});
  ASSERT_EQ(scan.state, State::refused);
  EXPECT_EQ(scan.path, "/indexes/docs/search");
  EXPECT_EQ(scan.code, "bad_request");
  EXPECT_NE(scan.problem.find("obs-fold"), std::string::npos);
}

TEST(RequestHead, LimitsAreTheCallers) {
  HeadLimits tight{64, 2, 100};
  EXPECT_EQ(scan_request_head("GET /" + std::string(70, 'a') + " HTTP/1.1\r\n", tight).status, 414);
  EXPECT_EQ(scan_request_head("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", tight).status, 431);
  EXPECT_EQ(scan_request_head("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\n\r\n", tight).state, State::complete);
  EXPECT_EQ(scan_request_head("GET / HTTP/1.1\r\nA: " + std::string(120, 'a') + "\r\n\r\n", tight).status,
            431);
}

}  // namespace
}  // namespace sonda::server

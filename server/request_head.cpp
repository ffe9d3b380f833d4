// Reads the head of an HTTP/1.1 request as it arrives: whole, incomplete, or refused and why.
#include "server/request_head.h"

#include <cctype>

#include "util/strings.h"

namespace sonda::server {
namespace {

HeadScan refused(int status, std::string code, std::string problem, std::string path) {
  HeadScan scan;
  scan.state = HeadScan::State::refused;
  scan.status = status;
  scan.code = std::move(code);
  scan.problem = std::move(problem);
  scan.path = std::move(path);
  return scan;
}

HeadScan bad_request(std::string problem, std::string path) {
  return refused(400, "bad_request", "malformed request: " + problem, std::move(path));
}

HeadScan too_many_headers(std::string path) {
  return refused(431, "request_header_fields_too_large", "too many headers, or too long ones",
                 std::move(path));
}

// The path of the request line's target ("GET /search?q=a HTTP/1.1" → "/search").
std::string target_path(std::string_view line) {
  size_t start = line.find(' ');
  if (start == std::string_view::npos) return {};
  std::string_view target = line.substr(start + 1);
  target = target.substr(0, target.find(' '));
  return std::string(target.substr(0, target.find('?')));
}

bool names_equal(std::string_view name, std::string_view lower) {
  if (name.size() != lower.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(name[i])) != lower[i]) return false;
  return true;
}

// The value of a Content-Length line's `value` (spaces around it allowed), or nullopt unless all digits.
std::optional<size_t> content_length(std::string_view value) {
  value = trim(value);
  if (value.empty() || value.size() > 15) return std::nullopt;
  size_t length = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    length = length * 10 + static_cast<size_t>(c - '0');
  }
  return length;
}

// How the header lines shape the body: one valid Content-Length gives its size; repeated lengths or a
// Transfer-Encoding leave it unknown (the parser behind refuses or reads them).
struct BodyFraming {
  std::optional<size_t> length;
  int lengths = 0;
  bool transfer_encoding = false;
  bool expects_continue = false;

  void read(std::string_view line) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view name = line.substr(0, colon);
    if (names_equal(name, "content-length")) {
      ++lengths;
      length = content_length(line.substr(colon + 1));
    } else if (names_equal(name, "transfer-encoding")) {
      transfer_encoding = true;
    } else if (names_equal(name, "expect")) {
      expects_continue = names_equal(trim(line.substr(colon + 1)), "100-continue");
    }
  }
  std::optional<size_t> body_bytes() const {
    return lengths == 1 && !transfer_encoding ? length : std::nullopt;
  }
};

}  // namespace

HeadScan scan_request_head(std::string_view received, const HeadLimits& limits) {
  size_t end = received.find('\n');
  if (end == std::string_view::npos) {
    if (received.size() > limits.max_request_line)
      return refused(414, "uri_too_long", "the request line is too long (use POST /search)", {});
    return {};
  }
  std::string path = target_path(received.substr(0, end));
  if (end > limits.max_request_line)
    return refused(414, "uri_too_long", "the request line is too long (use POST /search)", path);
  if (end == 0 || received[end - 1] != '\r') return bad_request("a line ended by a bare LF", path);

  BodyFraming framing;
  size_t count = 0;
  size_t start = end + 1;
  while (true) {
    if (start - (end + 1) > limits.max_header_bytes) return too_many_headers(path);
    size_t line_end = received.find('\n', start);
    bool folded = start < received.size() && (received[start] == ' ' || received[start] == '\t');
    if (folded) return bad_request("a header line folded onto the next (obs-fold)", path);
    if (line_end == std::string_view::npos) {
      // Refused only once the header lines alone must exceed the bound (the bytes may end in "\r" of the
      // empty line), so a head refused early is refused whole too.
      if (received.size() - (end + 1) > limits.max_header_bytes + 2) return too_many_headers(path);
      HeadScan scan;
      scan.path = path;
      return scan;
    }
    if (line_end == start || received[line_end - 1] != '\r')
      return bad_request("a line ended by a bare LF", path);
    std::string_view line = received.substr(start, line_end - 1 - start);
    if (line.empty()) {
      HeadScan scan;
      scan.state = HeadScan::State::complete;
      scan.head_bytes = line_end + 1;
      scan.body_bytes = framing.body_bytes();
      scan.expects_continue = framing.expects_continue;
      scan.path = path;
      return scan;
    }
    if (++count > limits.max_header_count) return too_many_headers(path);
    framing.read(line);
    start = line_end + 1;
  }
}

}  // namespace sonda::server

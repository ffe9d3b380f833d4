// Reads the head of an HTTP/1.1 request as it arrives, before any parser or thread sees it: whether it is
// whole yet, how much body follows, or why it is refused (framing two parsers could read differently).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sonda::server {

// Bounds on one request's head.
struct HeadLimits {
  size_t max_request_line = 8192;       // bytes of the request line; longer is 414
  size_t max_header_count = 100;        // header lines; more is 431
  size_t max_header_bytes = 32 * 1024;  // bytes of header lines; more is 431
};

// What the bytes received so far make of a request's head.
struct HeadScan {
  enum class State { incomplete, complete, refused };
  State state = State::incomplete;
  size_t head_bytes = 0;             // complete: request line, headers and the empty line
  std::optional<size_t> body_bytes;  // complete: the one valid Content-Length, when there is one
  bool expects_continue = false;     // complete: `Expect: 100-continue` (its body comes after a 100)
  int status = 0;                    // refused: 400, 414 or 431
  std::string code;                  // refused: bad_request, uri_too_long, request_header_fields_too_large
  std::string problem;               // refused: what is wrong, for the client
  std::string path;                  // the request target's path, once the request line is whole
};

// Scans `received` (the bytes of a connection from the start of a request). Refused: a line ended by a
// bare LF, a header line that begins with a space or tab (obs-fold), a request line or headers over
// `limits` — as soon as the bytes show it, however much is still to come.
HeadScan scan_request_head(std::string_view received, const HeadLimits& limits);

}  // namespace sonda::server

// libFuzzer target: the request-head scanner on any bytes. A whole head ends with its empty line and is
// whole at exactly that length; bytes refused are refused with anything appended (a refusal never
// depends on what is still to come); every refusal is 400, 414 or 431 with a reason.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "server/request_head.h"

using sonda::server::HeadLimits;
using sonda::server::HeadScan;
using sonda::server::scan_request_head;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const HeadLimits limits{256, 8, 512};  // small, so the fuzzer reaches them
  std::string received(reinterpret_cast<const char*>(data), size);
  HeadScan scan = scan_request_head(received, limits);
  if (scan.state == HeadScan::State::refused) {
    if ((scan.status != 400 && scan.status != 414 && scan.status != 431) || scan.problem.empty())
      std::abort();
    if (scan_request_head(received + "\r\n\r\nmore", limits).state != HeadScan::State::refused) std::abort();
  }
  if (scan.state == HeadScan::State::complete) {
    if (scan.head_bytes > received.size() || received.compare(scan.head_bytes - 4, 4, "\r\n\r\n") != 0)
      std::abort();
    std::string head = received.substr(0, scan.head_bytes);
    if (scan_request_head(head, limits).head_bytes != scan.head_bytes) std::abort();
    if (scan_request_head(head.substr(0, head.size() - 1), limits).state == HeadScan::State::complete)
      std::abort();
  }
  return 0;
}

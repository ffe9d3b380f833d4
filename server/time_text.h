// Times as the wire formats write them.
#pragma once

#include <ctime>
#include <string>

namespace sonda::server {

// `seconds` since 1970 as RFC 3339 / ISO 8601 UTC ("2026-12-02T03:19:56Z").
inline std::string utc_time_text(long long seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace sonda::server

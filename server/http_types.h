// Plain HTTP request and response values: the seam between the API handlers and the HTTP library.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sonda::server {

// A request as the handlers see it, whatever library received it.
struct HttpRequest {
  std::string method;                                       // "GET", "POST", "OPTIONS"…
  std::string path;                                         // decoded path, without the query string
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters, in order
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names

  // The first value of parameter `name`, or nullptr.
  const std::string* param(const std::string& name) const {
    for (const auto& [key, value] : params)
      if (key == name) return &value;
    return nullptr;
  }
};

// A response as the handlers produce it.
struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the body is produced after the headers are sent, piece by piece through `write` (which
  // returns false once the client has gone); `body` is then unused.
  std::function<void(const std::function<bool(std::string_view)>& write)> stream;
};

}  // namespace sonda::server

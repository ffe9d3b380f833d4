// The demo page and the search widget, embedded in sonda-serve at build time (from web/).
#pragma once

#include <optional>
#include <string_view>

namespace sonda::server {

// One file the server hands out as it is.
struct WebAsset {
  std::string_view content_type;
  std::string_view body;
  bool is_page;  // an HTML page: sent with a Content-Security-Policy
};

// The asset served at `path` ("/", "/widget.js", "/demo.css"), if any. Nothing is read from disk.
std::optional<WebAsset> find_web_asset(std::string_view path);

}  // namespace sonda::server

// The demo page and the search widget, embedded in sonda-serve at build time (from web/).
#include "server/web_assets.h"

namespace sonda::server {

std::string_view demo_page_html();  // generated from web/index.html (see server/CMakeLists.txt)
std::string_view demo_page_css();   // web/demo.css
std::string_view widget_js();       // web/sonda-search.js

std::optional<WebAsset> find_web_asset(std::string_view path) {
  if (path == "/" || path == "/index.html")
    return WebAsset{"text/html; charset=utf-8", demo_page_html(), true};
  if (path == "/widget.js" || path == "/sonda-search.js")
    return WebAsset{"text/javascript; charset=utf-8", widget_js(), false};
  if (path == "/demo.css") return WebAsset{"text/css; charset=utf-8", demo_page_css(), false};
  return std::nullopt;
}

}  // namespace sonda::server

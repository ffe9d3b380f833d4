// The demo pages, the search widget and the vendored InstantSearch libraries, embedded in sonda-serve at
// build time (from web/).
#include "server/web_assets.h"

namespace sonda::server {

std::string_view demo_page_html();           // generated from web/index.html (see server/CMakeLists.txt)
std::string_view demo_page_css();            // web/demo.css
std::string_view widget_js();                // web/sonda-search.js
std::string_view instantsearch_page_html();  // web/instantsearch.html
std::string_view instantsearch_app_js();     // web/instantsearch-app.js
std::string_view instantsearch_page_css();   // web/instantsearch.css
std::string_view instantsearch_js();         // web/vendor/: InstantSearch.js, from npm (web/package.json)
std::string_view instant_meilisearch_js();   // web/vendor/: instant-meilisearch
std::string_view instantsearch_theme_css();  // web/vendor/: instantsearch.css, satellite theme

std::optional<WebAsset> find_web_asset(std::string_view path) {
  if (path == "/" || path == "/index.html")
    return WebAsset{"text/html; charset=utf-8", demo_page_html(), true};
  if (path == "/widget.js" || path == "/sonda-search.js")
    return WebAsset{"text/javascript; charset=utf-8", widget_js(), false};
  if (path == "/demo.css") return WebAsset{"text/css; charset=utf-8", demo_page_css(), false};
  if (path == "/instantsearch" || path == "/instantsearch/")
    return WebAsset{"text/html; charset=utf-8", instantsearch_page_html(), true};
  if (path == "/instantsearch-app.js")
    return WebAsset{"text/javascript; charset=utf-8", instantsearch_app_js(), false};
  if (path == "/instantsearch.css")
    return WebAsset{"text/css; charset=utf-8", instantsearch_page_css(), false};
  if (path == "/vendor/instantsearch.production.min.js")
    return WebAsset{"text/javascript; charset=utf-8", instantsearch_js(), false};
  if (path == "/vendor/instant-meilisearch.umd.min.js")
    return WebAsset{"text/javascript; charset=utf-8", instant_meilisearch_js(), false};
  if (path == "/vendor/satellite-min.css")
    return WebAsset{"text/css; charset=utf-8", instantsearch_theme_css(), false};
  return std::nullopt;
}

}  // namespace sonda::server

// The API's handlers without sockets: routing, errors, CORS and the missing-index state.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "search/searcher_pool.h"
#include "server/api.h"
#include "support/gazetteer.h"
#include "support/temp_dir.h"

namespace sonda::server {
namespace {

class ApiWithoutIndex : public ::testing::Test {
 protected:
  HttpResponse get(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.params = std::move(params);
    return api.handle(request);
  }
  static std::string code_of(const HttpResponse& response) {
    return nlohmann::json::parse(response.body)["error"]["code"];
  }

  testing::TempDir dir;
  search::SearcherPool pool{(dir.path() / "absent").string(), testing::builtin_gazetteer()};
  Metrics metrics;
  std::ostringstream log;
  Api api{pool, metrics, ApiConfig{}, log};
};

struct RouteCase {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
  int status;
  std::string code;
};

TEST_F(ApiWithoutIndex, RoutesAndErrorsTable) {
  const RouteCase cases[] = {
      {"/search", {{"q", "castigo"}}, 503, "index_unavailable"},
      {"/search", {{"page", "x"}}, 400, "invalid_request"},  // the request is checked before the index
      {"/search", {{"filter", "colour:red"}}, 400, "invalid_request"},
      {"/health", {}, 503, "index_unavailable"},
      {"/suggest", {{"q", "cha"}}, 503, "index_unavailable"},
      {"/documents/x", {}, 503, "index_unavailable"},
      {"/admin", {}, 404, "not_found"},
  };
  for (const RouteCase& c : cases) {
    HttpResponse response = get(c.path, c.params);
    EXPECT_EQ(response.status, c.status) << c.path;
    EXPECT_EQ(code_of(response), c.code) << c.path;
    EXPECT_EQ(response.body.find(dir.path().string()), std::string::npos) << "no internal path leaks";
  }
}

TEST_F(ApiWithoutIndex, PreflightAndHeaders) {
  HttpRequest request;
  request.method = "OPTIONS";
  request.path = "/search";
  HttpResponse response = api.handle(request);
  EXPECT_EQ(response.status, 204);
  bool cors = false, nosniff = false;
  for (const auto& [name, value] : response.headers) {
    cors |= name == "Access-Control-Allow-Origin" && value == "*";
    nosniff |= name == "X-Content-Type-Options" && value == "nosniff";
  }
  EXPECT_TRUE(cors);
  EXPECT_TRUE(nosniff);
}

TEST_F(ApiWithoutIndex, DemoPageAndWidgetAreServedEvenWithoutAnIndex) {
  struct Case {
    std::string path, content_type, contains;
    bool policy;
  };
  const Case cases[] = {
      {"/", "text/html; charset=utf-8", "<sonda-search", true},
      {"/widget.js", "text/javascript; charset=utf-8", "customElements.define(\"sonda-search\"", false},
      {"/demo.css", "text/css; charset=utf-8", "--sonda-accent", false},
  };
  for (const Case& c : cases) {
    HttpResponse response = get(c.path, {});
    EXPECT_EQ(response.status, 200) << c.path;
    EXPECT_EQ(response.content_type, c.content_type) << c.path;
    EXPECT_NE(response.body.find(c.contains), std::string::npos) << c.path;
    bool policy = false;
    for (const auto& [name, value] : response.headers)
      policy |= name == "Content-Security-Policy" && value.find("script-src 'self'") != std::string::npos;
    EXPECT_EQ(policy, c.policy) << c.path;
  }
  EXPECT_EQ(get("/web/../../etc/passwd", {}).status, 404) << "only the embedded files, never the disk";
}

TEST_F(ApiWithoutIndex, LogsAndCountsEveryRequest) {
  get("/health");
  get("/nowhere");
  EXPECT_NE(log.str().find("GET /health 503"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("GET /nowhere 404"), std::string::npos);
  HttpResponse metrics_response = get("/metrics");
  EXPECT_EQ(metrics_response.status, 200);
  EXPECT_NE(metrics_response.body.find("route=\"/health\",status=\"503\"} 1"), std::string::npos);
  EXPECT_NE(metrics_response.body.find("sonda_index_documents -1"), std::string::npos);
}

TEST_F(ApiWithoutIndex, OversizedPostBody) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/search";
  request.body = std::string(65 * 1024, ' ');
  HttpResponse response = api.handle(request);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(code_of(response), "payload_too_large");
}

}  // namespace
}  // namespace sonda::server

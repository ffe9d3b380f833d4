// libFuzzer target: Meilisearch filter expressions on any bytes (every error says where, every tree is
// bounded and checkable), and, when the bytes are JSON, a whole Meilisearch search query.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "search/filter.h"
#include "server/meilisearch/filter_expression.h"
#include "server/meilisearch/search_query.h"

namespace {

size_t depth(const sonda::search::FilterNode& node) {
  size_t deepest = 0;
  for (const auto& child : node.children) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = sonda::server::meilisearch::parse_filter_expression(text);
  if (!parsed) {
    if (parsed.error().message.empty()) std::abort();
  } else {
    if (depth(*parsed) > 2 * sonda::search::kMaxFilterDepth + 2) std::abort();
    (void)sonda::search::validate_filter(*parsed);
    auto again = sonda::server::meilisearch::parse_filter_expression(text);
    if (!again || !(*again == *parsed)) std::abort();  // parsing is a function of the text
    (void)sonda::search::describe(*parsed);
  }
  nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (!body.is_discarded()) {
    using sonda::server::meilisearch::QueryKind;
    for (QueryKind kind : {QueryKind::search, QueryKind::multi_search, QueryKind::facet_search}) {
      auto query = sonda::server::meilisearch::read_search_query(body, kind);
      if (!query && (query.error().code.empty() || query.error().status != 400)) std::abort();
    }
  }
  return 0;
}

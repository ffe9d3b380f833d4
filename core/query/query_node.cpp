// A compact, stable rendering of query trees for tests and logs.
#include "query/query_node.h"

#include "util/strings.h"

namespace sonda::query {
namespace {

const char* kind_name(QueryNode::Kind kind) {
  switch (kind) {
    case QueryNode::Kind::word: return "word";
    case QueryNode::Kind::prefix: return "prefix";
    case QueryNode::Kind::phrase: return "phrase";
    case QueryNode::Kind::field: return "field";
    case QueryNode::Kind::all: return "all";
    case QueryNode::Kind::any: return "any";
    case QueryNode::Kind::exclude: return "exclude";
  }
  return "?";
}

}  // namespace

std::string to_string(const QueryNode& node) {
  switch (node.kind) {
    case QueryNode::Kind::word:
    case QueryNode::Kind::prefix:
      return std::string(kind_name(node.kind)) + ":" + node.text + (node.unfinished ? "…" : "");
    case QueryNode::Kind::phrase:
      return "phrase:\"" + join(node.words, " ") + "\"" + (node.unfinished ? "…" : "");
    default: break;
  }
  std::vector<std::string> children;
  for (const auto& child : node.children) children.push_back(to_string(child));
  std::string out = node.kind == QueryNode::Kind::field ? node.field : kind_name(node.kind);
  return out + "(" + join(children, " ") + ")";
}

}  // namespace sonda::query

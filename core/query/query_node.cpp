// A compact, stable rendering of query trees for tests and logs.
#include "query/query_node.h"

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
    case QueryNode::Kind::prefix: return std::string(kind_name(node.kind)) + ":" + node.text;
    case QueryNode::Kind::phrase: {
      std::string out = "phrase:\"";
      for (size_t i = 0; i < node.words.size(); ++i) out += (i ? " " : "") + node.words[i];
      return out + "\"";
    }
    default: break;
  }
  std::string out = node.kind == QueryNode::Kind::field ? node.field : kind_name(node.kind);
  out += "(";
  for (size_t i = 0; i < node.children.size(); ++i) out += (i ? " " : "") + to_string(node.children[i]);
  return out + ")";
}

}  // namespace sonda::query

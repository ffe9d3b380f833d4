// Parses query text into a QueryNode tree. Best effort: any input yields a tree, never an error.
#include "query/query_parser.h"

#include "index/schema.h"

namespace sonda::query {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool ends_word(char c) {
  return is_space(c) || c == '(' || c == ')' || c == '"';
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  QueryNode parse() {
    QueryNode root{QueryNode::Kind::all};
    root.children.push_back(parse_or(0));
    while (!at_end()) {  // a stray ')' at top level: skip it and keep reading
      ++pos_;
      root.children.push_back(parse_or(0));
    }
    return simplify(std::move(root));
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_spaces() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }
  bool at_or() const {
    return text_.substr(pos_, 2) == "OR" && (pos_ + 2 == text_.size() || ends_word(text_[pos_ + 2]));
  }

  QueryNode parse_or(int depth) {
    QueryNode any{QueryNode::Kind::any};
    any.children.push_back(parse_and(depth));
    while (true) {
      skip_spaces();
      if (at_end() || !at_or()) break;
      pos_ += 2;
      any.children.push_back(parse_and(depth));
    }
    return any.children.size() == 1 ? std::move(any.children.front()) : any;
  }

  QueryNode parse_and(int depth) {
    QueryNode all{QueryNode::Kind::all};
    while (true) {
      skip_spaces();
      if (at_end() || text_[pos_] == ')' || at_or()) break;
      if (auto node = parse_unary(depth)) all.children.push_back(std::move(*node));
    }
    return all;
  }

  std::optional<QueryNode> parse_unary(int depth) {
    if (text_[pos_] == '-' && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1])) {
      ++pos_;
      auto operand = parse_primary(depth);
      if (!operand) return std::nullopt;
      QueryNode exclude{QueryNode::Kind::exclude};
      exclude.children.push_back(std::move(*operand));
      return exclude;
    }
    return parse_primary(depth);
  }

  std::optional<QueryNode> parse_primary(int depth) {
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      if (depth >= kMaxNesting) return std::nullopt;  // too deep: drop the grouping, keep the words
      QueryNode inner = parse_or(depth + 1);
      if (!at_end() && text_[pos_] == ')') ++pos_;
      return inner;
    }
    if (c == ')') {
      ++pos_;
      return std::nullopt;
    }
    if (c == '"') return parse_phrase();
    return parse_word();
  }

  QueryNode parse_phrase() {
    ++pos_;  // opening quote
    size_t close = text_.find('"', pos_);
    std::string_view body = text_.substr(pos_, close == std::string_view::npos ? close : close - pos_);
    pos_ = close == std::string_view::npos ? text_.size() : close + 1;
    QueryNode phrase{QueryNode::Kind::phrase};
    size_t start = 0;
    while (start < body.size()) {
      while (start < body.size() && is_space(body[start])) ++start;
      size_t end = start;
      while (end < body.size() && !is_space(body[end])) ++end;
      if (end > start) phrase.words.emplace_back(body.substr(start, end - start));
      start = end;
    }
    return phrase;
  }

  std::optional<QueryNode> parse_word() {
    size_t start = pos_;
    while (!at_end() && !ends_word(text_[pos_])) {
      if (text_[pos_] == ':' && pos_ > start && is_scope_field(text_.substr(start, pos_ - start)))
        return parse_scope(std::string(text_.substr(start, pos_ - start)));
      ++pos_;
    }
    std::string_view word = text_.substr(start, pos_ - start);
    if (word.empty()) return std::nullopt;
    if (word.size() > 1 && word.back() == '*') {
      QueryNode prefix{QueryNode::Kind::prefix};
      prefix.text = std::string(word.substr(0, word.find_last_not_of('*') + 1));
      return prefix;
    }
    QueryNode node{QueryNode::Kind::word};
    node.text = std::string(word);
    return node;
  }

  std::optional<QueryNode> parse_scope(std::string field) {
    ++pos_;  // the colon
    if (at_end() || is_space(text_[pos_]) || text_[pos_] == '(' || text_[pos_] == ')') return std::nullopt;
    std::optional<QueryNode> value = text_[pos_] == '"' ? parse_phrase() : parse_word();
    if (!value) return std::nullopt;
    QueryNode scope{QueryNode::Kind::field};
    scope.field = std::move(field);
    scope.children.push_back(std::move(*value));
    return scope;
  }

  // Flattens all(all(a b) c) into all(a b c) and unwraps single-child groups.
  static QueryNode simplify(QueryNode node) {
    std::vector<QueryNode> children;
    for (auto& child : node.children) {
      QueryNode simple = simplify(std::move(child));
      bool same_group = simple.kind == node.kind &&
                        (node.kind == QueryNode::Kind::all || node.kind == QueryNode::Kind::any);
      if (same_group) {
        for (auto& grandchild : simple.children) children.push_back(std::move(grandchild));
      } else if (!(simple.kind == QueryNode::Kind::all && simple.children.empty())) {
        children.push_back(std::move(simple));
      }
    }
    node.children = std::move(children);
    if ((node.kind == QueryNode::Kind::all || node.kind == QueryNode::Kind::any) && node.children.empty())
      return QueryNode(QueryNode::Kind::all);
    if ((node.kind == QueryNode::Kind::all || node.kind == QueryNode::Kind::any) &&
        node.children.size() == 1 && node.children.front().kind != QueryNode::Kind::exclude)
      return std::move(node.children.front());
    return node;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

bool is_scope_field(std::string_view name) {
  return name == "title" || index::find_facet(name).has_value();
}

QueryNode parse_query(std::string_view text) {
  return Parser(text).parse();
}

void mark_unfinished_word(QueryNode& root, std::string_view text) {
  if (text.empty()) return;
  unsigned char last = static_cast<unsigned char>(text.back());
  bool inside_word = last >= 0x80 || (last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') ||
                     (last >= 'A' && last <= 'Z');
  if (!inside_word) return;
  QueryNode* node = &root;
  while ((node->kind == QueryNode::Kind::all || node->kind == QueryNode::Kind::any) &&
         !node->children.empty())
    node = &node->children.back();
  if (node->kind == QueryNode::Kind::word || (node->kind == QueryNode::Kind::phrase && !node->words.empty()))
    node->unfinished = true;
}

QueryNode with_word_completed(const QueryNode& root, std::string_view completion) {
  QueryNode completed = root;
  QueryNode* node = &completed;
  while ((node->kind == QueryNode::Kind::all || node->kind == QueryNode::Kind::any) &&
         !node->children.empty())
    node = &node->children.back();
  if (node->kind == QueryNode::Kind::word && node->unfinished) {
    node->text = completion;
    node->unfinished = false;
  }
  return completed;
}

namespace {

// Replaces the first plain word typed as `typed` below `node` (exclusions and field scopes left alone).
bool replace_word(QueryNode& node, std::string_view typed, std::string_view replacement) {
  if (node.kind == QueryNode::Kind::word && node.text == typed) {
    node.text = replacement;
    node.unfinished = false;
    return true;
  }
  if (node.kind != QueryNode::Kind::all && node.kind != QueryNode::Kind::any) return false;
  for (QueryNode& child : node.children)
    if (replace_word(child, typed, replacement)) return true;
  return false;
}

}  // namespace

QueryNode with_word_replaced(const QueryNode& root, std::string_view typed, std::string_view replacement) {
  QueryNode replaced = root;
  replace_word(replaced, typed, replacement);
  return replaced;
}

}  // namespace sonda::query

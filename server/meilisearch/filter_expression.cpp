// Meilisearch's filter expressions ("country = Pérou AND year 2018 TO 2020") parsed into the core filter
// tree.
#include "server/meilisearch/filter_expression.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace sonda::server::meilisearch {
namespace {

using search::FilterNode;

struct Token {
  enum class Kind {
    word,
    quoted,
    comparison,
    open_paren,
    close_paren,
    open_bracket,
    close_bracket,
    comma,
    end
  };
  Kind kind = Kind::end;
  std::string text;
  size_t at = 0;  // byte offset in the expression
};

Error invalid(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

bool bare_char(unsigned char c) {
  return c >= 0x80 || std::isalnum(c) || c == '_' || c == '-' || c == '.';
}

Result<std::vector<Token>> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token token;
    token.at = i;
    if (c == '\'' || c == '"') {
      token.kind = Token::Kind::quoted;
      size_t j = i + 1;
      for (; j < text.size() && text[j] != static_cast<char>(c); ++j) {
        if (text[j] == '\\' && j + 1 < text.size()) ++j;
        token.text += text[j];
      }
      if (j >= text.size())
        return invalid("the quote opened at position " + std::to_string(i) +
                       " of the filter is never closed");
      i = j + 1;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      token.kind = Token::Kind::comparison;
      bool two = i + 1 < text.size() && text[i + 1] == '=' && c != '=';
      if (c == '!' && !two)
        return invalid("`!` at position " + std::to_string(i) + " of the filter must be `!=`");
      token.text = std::string(text.substr(i, two ? 2 : 1));
      i += token.text.size();
    } else if (std::string_view("()[],").find(static_cast<char>(c)) != std::string_view::npos) {
      token.kind = c == '('   ? Token::Kind::open_paren
                   : c == ')' ? Token::Kind::close_paren
                   : c == '[' ? Token::Kind::open_bracket
                   : c == ']' ? Token::Kind::close_bracket
                              : Token::Kind::comma;
      token.text = std::string(1, static_cast<char>(c));
      ++i;
    } else if (bare_char(c)) {
      token.kind = Token::Kind::word;
      size_t j = i;
      while (j < text.size() && bare_char(static_cast<unsigned char>(text[j]))) ++j;
      token.text = std::string(text.substr(i, j - i));
      i = j;
    } else {
      return invalid("unexpected character `" + std::string(1, static_cast<char>(c)) + "` at position " +
                     std::to_string(i) + " of the filter");
    }
    tokens.push_back(std::move(token));
  }
  tokens.push_back(Token{Token::Kind::end, "", text.size()});
  return tokens;
}

std::optional<double> as_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Result<FilterNode> parse() {
    auto node = disjunction(0);
    if (!node) return node;
    if (peek().kind != Token::Kind::end) return expected("`AND`, `OR` or the end of the filter");
    return node;
  }

 private:
  const Token& peek(size_t ahead = 0) const {
    return tokens_[std::min(position_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() { return tokens_[std::min(position_++, tokens_.size() - 1)]; }
  bool keyword(const char* word, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::word && peek(ahead).text == word;
  }
  Error expected(const std::string& what) const {
    const Token& token = peek();
    std::string found = token.kind == Token::Kind::end ? "the end of the filter" : "`" + token.text + "`";
    return invalid("expected " + what + " at position " + std::to_string(token.at) +
                   " of the filter, found " + found);
  }

  // Operands joined by `word` (OR, AND): one operand alone, else `combine` of them all.
  template <typename Operand>
  Result<FilterNode> joined(const char* word, FilterNode (*combine)(std::vector<FilterNode>),
                            Operand operand) {
    std::vector<FilterNode> parts;
    for (;;) {
      auto part = operand();
      if (!part) return part;
      parts.push_back(std::move(*part));
      if (!keyword(word)) break;
      next();
    }
    return parts.size() == 1 ? std::move(parts.front()) : combine(std::move(parts));
  }

  Result<FilterNode> disjunction(size_t depth) {
    return joined("OR", FilterNode::any_of, [&] { return conjunction(depth); });
  }

  Result<FilterNode> conjunction(size_t depth) {
    return joined("AND", FilterNode::all_of, [&] { return negation(depth); });
  }

  Result<FilterNode> negation(size_t depth) {
    if (depth >= search::kMaxFilterDepth)
      return invalid("the filter nests deeper than " + std::to_string(search::kMaxFilterDepth) + " levels");
    if (keyword("NOT")) {
      next();
      auto operand = negation(depth + 1);
      if (!operand) return operand;
      return FilterNode::negation(std::move(*operand));
    }
    if (peek().kind == Token::Kind::open_paren) {
      next();
      auto inner = disjunction(depth + 1);
      if (!inner) return inner;
      if (peek().kind != Token::Kind::close_paren) return expected("`)`");
      next();
      return inner;
    }
    return condition();
  }

  Result<std::string> value(const std::string& what) {
    const Token& token = peek();
    bool reserved = token.kind == Token::Kind::word &&
                    (token.text == "AND" || token.text == "OR" || token.text == "NOT" || token.text == "TO" ||
                     token.text == "IN" || token.text == "EXISTS" || token.text == "IS");
    if ((token.kind != Token::Kind::word && token.kind != Token::Kind::quoted) || reserved)
      return expected(what);
    return next().text;
  }

  Result<double> number(const std::string& field, const std::string& what) {
    auto text = value(what);
    if (!text) return text.error();
    auto parsed = as_number(*text);
    if (!parsed) return invalid("`" + *text + "` is not a number; `" + field + "` needs one here");
    return *parsed;
  }

  Result<FilterNode> condition() {
    if (peek().kind == Token::Kind::word && peek().text.starts_with("_geo"))
      return invalid("geographic filters (`" + peek().text +
                     "`) are not supported: documents have no _geo field");
    auto field = value("a field name, `NOT` or `(`");
    if (!field) return field.error();
    const Token& token = peek();
    if (token.kind == Token::Kind::comparison) return comparison(*field, next().text);
    if (keyword("IN")) return membership(*field);
    if (keyword("EXISTS")) {
      next();
      return FilterNode::presence(*field);
    }
    if (keyword("NOT") && keyword("IN", 1)) {
      next();
      return negated(membership(*field));
    }
    if (keyword("NOT") && keyword("EXISTS", 1)) {
      position_ += 2;
      return FilterNode::negation(FilterNode::presence(*field));
    }
    if (keyword("IS")) return is_condition(*field);
    if ((token.kind == Token::Kind::word || token.kind == Token::Kind::quoted) && keyword("TO", 1))
      return range(*field);
    return expected(
        "an operator (`=`, `!=`, `>`, `>=`, `<`, `<=`, `TO`, `IN`, `NOT IN`, `EXISTS`, `IS`) after `" +
        *field + "`");
  }

  static Result<FilterNode> negated(Result<FilterNode> node) {
    if (!node) return node;
    return FilterNode::negation(std::move(*node));
  }

  Result<FilterNode> comparison(const std::string& field, const std::string& op) {
    if (op == "=" || op == "!=") {
      auto text = value("a value after `" + field + " " + op + "`");
      if (!text) return text.error();
      FilterNode equal = FilterNode::equality(field, *text);
      return op == "=" ? equal : FilterNode::negation(std::move(equal));
    }
    auto bound = number(field, "a number after `" + field + " " + op + "`");
    if (!bound) return bound.error();
    if (op[0] == '>') return FilterNode::between(field, *bound, op == ">=", std::nullopt, true);
    return FilterNode::between(field, std::nullopt, true, *bound, op == "<=");
  }

  Result<FilterNode> range(const std::string& field) {
    std::string low_text = peek().text;
    auto low = number(field, "a number or an operator after `" + field + "`");
    if (!low) return low.error();
    if (!keyword("TO")) return expected("`TO` after `" + field + " " + low_text + "`");
    next();
    auto high = number(field, "a number after `TO`");
    if (!high) return high.error();
    return FilterNode::between(field, *low, true, *high, true);
  }

  Result<FilterNode> membership(const std::string& field) {
    next();  // IN
    if (peek().kind != Token::Kind::open_bracket) return expected("`[` after `IN`");
    next();
    std::vector<FilterNode> values;
    while (peek().kind != Token::Kind::close_bracket) {
      auto item = value("a value or `]` in the list after `IN`");
      if (!item) return item.error();
      values.push_back(FilterNode::equality(field, *item));
      if (peek().kind == Token::Kind::comma) {
        next();
      } else if (peek().kind != Token::Kind::close_bracket) {
        return expected("`,` or `]` in the list after `IN`");
      }
    }
    next();
    return FilterNode::any_of(std::move(values));
  }

  Result<FilterNode> is_condition(const std::string& field) {
    next();  // IS
    bool negative = keyword("NOT") && (next(), true);
    if (!keyword("NULL") && !keyword("EMPTY")) return expected("`NULL` or `EMPTY` after `IS`");
    next();
    FilterNode present =
        FilterNode::presence(field);  // Sonda keeps no null or empty values apart: both mean none
    return negative ? present : FilterNode::negation(std::move(present));
  }

  std::vector<Token> tokens_;
  size_t position_ = 0;
};

}  // namespace

Result<search::FilterNode> parse_filter_expression(std::string_view expression) {
  auto tokens = tokenize(expression);
  if (!tokens) return tokens.error();
  if (tokens->size() == 1) return FilterNode{};
  return Parser(std::move(*tokens)).parse();
}

}  // namespace sonda::server::meilisearch

// Snippets: the best passage of a document with every matched word marked, built with Sonda's analyzer.
#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "util/strings.h"

namespace sonda::search {
namespace {
// A word and its stem share at least their first two bytes ("chevaux" / "cheval", "châtiments" / "chat").
constexpr size_t kStemHeadBytes = 2;
}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool SnippetBuilder::matches(const analysis::Token& token, std::string_view lang,
                             const query::HighlightTerms& terms, const std::vector<std::string>& stem_heads) {
  if (terms.words.contains(token.folded)) return true;
  for (const auto& prefix : terms.prefixes)
    if (token.folded.starts_with(prefix)) return true;
  if (terms.stems.empty()) return false;
  bool could_match = std::any_of(stem_heads.begin(), stem_heads.end(),
                                 [&](const std::string& head) { return token.folded.starts_with(head); });
  if (!could_match) return false;
  if (terms.stems.contains(analyzer_.stem(token.word, lang))) return true;
  if (lang != "fr" && terms.stems.contains(analyzer_.stem(token.word, "fr"))) return true;
  return lang != "es" && terms.stems.contains(analyzer_.stem(token.word, "es"));
}

namespace {

struct Window {
  size_t first = 0;  // token index
  size_t score = 0;
};

// The window of tokens spanning at most kSnippetBytes with the most distinct, then most, matches.
Window best_window(const std::vector<analysis::Token>& tokens, const std::vector<bool>& matched) {
  Window best;
  std::unordered_map<std::string_view, int> distinct;
  size_t hits = 0;
  size_t last = 0;
  for (size_t first = 0; first < tokens.size(); ++first) {
    while (last < tokens.size() && tokens[last].end - tokens[first].begin <= kSnippetBytes) {
      if (matched[last]) {
        ++hits;
        ++distinct[tokens[last].folded];
      }
      ++last;
    }
    size_t score = distinct.size() * 1000 + hits;
    if (score > best.score) best = {first, score};
    if (matched[first]) {
      --hits;
      if (--distinct[tokens[first].folded] == 0) distinct.erase(tokens[first].folded);
    }
    if (last <= first + 1 && last < tokens.size()) last = first + 1;
  }
  return best;
}

}  // namespace

std::string SnippetBuilder::build(std::string_view text, std::string_view lang,
                                  const query::HighlightTerms& terms, bool mark) {
  std::vector<analysis::Token> tokens = analyzer_.tokens(text);
  std::vector<bool> matched(tokens.size(), false);
  bool any_terms = !terms.words.empty() || !terms.stems.empty() || !terms.prefixes.empty();
  std::vector<std::string> stem_heads;
  for (const std::string& stem : terms.stems) stem_heads.push_back(stem.substr(0, kStemHeadBytes));
  if (any_terms)
    for (size_t i = 0; i < tokens.size(); ++i) matched[i] = matches(tokens[i], lang, terms, stem_heads);
  Window window = tokens.empty() ? Window{} : best_window(tokens, matched);

  // Start a little before the first matched word when the passage is short, so it reads naturally.
  size_t begin = tokens.empty() ? 0 : tokens[window.first].begin;
  if (window.first > 0 && window.first < tokens.size()) {
    size_t back = window.first;
    while (back > 0 && tokens[window.first].begin - tokens[back - 1].begin < kSnippetBytes / 4 &&
           text.substr(tokens[back - 1].end, tokens[window.first].begin - tokens[back - 1].end).find('\n') ==
               std::string_view::npos)
      --back;
    begin = tokens[back].begin;
  }
  bool cut_before = !tokens.empty() && begin > tokens.front().begin;
  size_t end = begin + utf8_prefix(text.substr(begin), kSnippetBytes).size();
  size_t cut = end;
  for (size_t i = window.first; i < tokens.size() && tokens[i].begin < end; ++i) cut = tokens[i].end;
  if (end < text.size()) end = cut;  // finish the word the byte budget ends in

  std::string out = cut_before ? "…" : "";
  size_t position = begin;
  bool open = false;
  for (size_t i = 0; i < tokens.size() && tokens[i].begin < end; ++i) {
    if (tokens[i].begin < begin) continue;
    std::string_view gap = text.substr(position, tokens[i].begin - position);
    bool join = open && mark && matched[i] && gap.find_first_not_of(" \t") == std::string_view::npos;
    if (open && !join) {
      out += "</mark>";
      open = false;
    }
    out += html_escape(gap);
    if (mark && matched[i] && !open) {
      out += "<mark>";
      open = true;
    }
    out += html_escape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    position = tokens[i].end;
  }
  if (open) out += "</mark>";
  if (position < end) out += html_escape(text.substr(position, end - position));
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace sonda::search

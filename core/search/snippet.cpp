// Snippets and marked fields: matched words found with Sonda's analyzer, wrapped, and text cut around them.
#include "search/snippet.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "search/leader_lines.h"
#include "search/word_heads.h"
#include "util/strings.h"

namespace sonda::search {
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
                             const query::HighlightTerms& terms) {
  if (terms.words.contains(token.folded)) return true;
  for (const auto& prefix : terms.prefixes)
    if (token.folded.starts_with(prefix)) return true;
  if (!terms.may_stem_to_one(token.folded)) return false;
  if (terms.stems.contains(analyzer_.stem(token.word, lang))) return true;
  if (lang != "fr" && terms.stems.contains(analyzer_.stem(token.word, "fr"))) return true;
  return lang != "es" && terms.stems.contains(analyzer_.stem(token.word, "es"));
}

SnippetBuilder::Analysed SnippetBuilder::analyse(std::string_view text, std::string_view lang,
                                                 const query::HighlightTerms& terms) {
  Analysed out;
  // Only the words that may fold to the start of a highlight term are folded (the others keep their place).
  WordHeads heads(terms);
  std::vector<analysis::RawToken> raw = analyzer_.raw_tokens(text);
  out.tokens.reserve(raw.size());
  out.matched.assign(raw.size(), false);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!heads.may_fold_to_one(raw[i].text)) {
      out.tokens.push_back({{}, {}, raw[i].begin, raw[i].end});
      continue;
    }
    out.tokens.push_back(analyzer_.token_of(raw[i]));
    out.matched[i] = matches(out.tokens[i], lang, terms);
  }
  out.countable = out.matched;
  if (terms.words.empty() && terms.stems.empty() && terms.prefixes.empty()) return out;
  size_t token = 0;
  for (auto [begin, end] : leader_lines(text)) {
    while (token < out.tokens.size() && out.tokens[token].begin < begin) ++token;
    for (; token < out.tokens.size() && out.tokens[token].begin < end; ++token) out.countable[token] = false;
  }
  return out;
}

namespace {

struct Window {
  size_t first = 0;  // token index
  size_t score = 0;
};

// The window of tokens for which `fits(first, last)` holds with the most distinct, then most, matches.
Window best_window(const std::vector<analysis::Token>& tokens, const std::vector<bool>& matched,
                   const std::function<bool(size_t, size_t)>& fits) {
  Window best;
  std::unordered_map<std::string_view, int> distinct;
  size_t hits = 0;
  size_t last = 0;
  for (size_t first = 0; first < tokens.size(); ++first) {
    while (last < tokens.size() && fits(first, last)) {
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

// The window moved on to its first counted match (its passage then leads in from there), so that words
// before it that count for nothing, a table of contents above the text, do not fill the passage.
Window at_first_match(Window window, const std::vector<bool>& counted) {
  if (window.score == 0) return window;
  while (window.first + 1 < counted.size() && !counted[window.first]) ++window.first;
  return window;
}

// Writes text[begin, end) with the matched tokens wrapped (adjacent ones share the tags), and the cut
// marker where the text was cut.
std::string render(std::string_view text, const std::vector<analysis::Token>& tokens,
                   const std::vector<bool>& matched, size_t begin, size_t end, const MarkStyle& style) {
  auto escape = [&](std::string_view part) {
    return style.escape_html ? html_escape(part) : std::string(part);
  };
  bool cut_before = !tokens.empty() && begin > tokens.front().begin;
  std::string out = cut_before ? std::string(style.cut_marker) : "";
  size_t position = begin;
  bool open = false;
  for (size_t i = 0; i < tokens.size() && tokens[i].begin < end; ++i) {
    if (tokens[i].begin < begin) continue;
    std::string_view gap = text.substr(position, tokens[i].begin - position);
    bool join = open && style.mark && matched[i] && gap.find_first_not_of(" \t") == std::string_view::npos;
    if (open && !join) {
      out += style.post;
      open = false;
    }
    out += escape(gap);
    if (style.mark && matched[i] && !open) {
      out += style.pre;
      open = true;
    }
    out += escape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    position = tokens[i].end;
  }
  if (open) out += style.post;
  if (position < end) out += escape(text.substr(position, end - position));
  if (end < text.size()) out += style.cut_marker;
  return out;
}

// Where a passage starting at token `first` should begin: a little before it when the passage is short, so
// it reads naturally — within `reach` bytes, never across a line break, and never so far back that byte
// `keep_end` (the end of the window's last matched word) falls out of a kSnippetBytes passage.
size_t lead_in(std::string_view text, const std::vector<analysis::Token>& tokens, size_t first, size_t reach,
               size_t keep_end) {
  size_t back = first;
  while (back > 0 && tokens[first].begin - tokens[back - 1].begin < reach &&
         keep_end - tokens[back - 1].begin <= kSnippetBytes &&
         text.substr(tokens[back - 1].end, tokens[first].begin - tokens[back - 1].end).find('\n') ==
             std::string_view::npos)
    --back;
  return back;
}

}  // namespace

namespace {

// A passage of about kSnippetBytes around `window`: its bounds and where its first matched word stands.
struct PassageBounds {
  size_t begin = 0;
  size_t end = 0;
  size_t first_match = 0;
};

PassageBounds passage_bounds(std::string_view text, const std::vector<analysis::Token>& tokens,
                             const std::vector<bool>& matched, size_t first) {
  auto fits = [&](size_t from, size_t last) {
    return tokens[last].end - tokens[from].begin <= kSnippetBytes;
  };
  if (tokens.empty()) return {0, std::min(text.size(), kSnippetBytes), 0};
  size_t keep_end = tokens[first].end;  // the end of the window's last matched word
  for (size_t i = first; i < tokens.size() && fits(first, i); ++i)
    if (matched[i]) keep_end = tokens[i].end;
  PassageBounds out;
  out.begin = tokens[lead_in(text, tokens, first, kSnippetBytes / 4, keep_end)].begin;
  out.end = out.begin + utf8_prefix(text.substr(out.begin), kSnippetBytes).size();
  size_t cut = out.end;
  for (size_t i = first; i < tokens.size() && tokens[i].begin < out.end; ++i) cut = tokens[i].end;
  if (out.end < text.size()) out.end = cut;  // finish the word the byte budget ends in
  out.first_match = out.begin;
  for (size_t i = 0; i < tokens.size() && tokens[i].begin < out.end; ++i)
    if (tokens[i].begin >= out.begin && matched[i]) {
      out.first_match = tokens[i].begin;
      break;
    }
  return out;
}

}  // namespace

Passage SnippetBuilder::build(std::string_view text, std::string_view lang,
                              const query::HighlightTerms& terms, bool mark) {
  Analysed analysed = analyse(text, lang, terms);
  const auto& tokens = analysed.tokens;
  auto fits = [&](size_t first, size_t last) {
    return tokens[last].end - tokens[first].begin <= kSnippetBytes;
  };
  Window window = tokens.empty()
                      ? Window{}
                      : at_first_match(best_window(tokens, analysed.countable, fits), analysed.countable);
  PassageBounds bounds = passage_bounds(text, tokens, analysed.countable, window.first);
  MarkStyle style;
  style.mark = mark;
  return {render(text, tokens, analysed.matched, bounds.begin, bounds.end, style), bounds.first_match,
          window.score > 0};
}

std::vector<Passage> SnippetBuilder::passages(std::string_view text, std::string_view lang,
                                              const query::HighlightTerms& terms, size_t count) {
  Analysed analysed = analyse(text, lang, terms);
  const auto& tokens = analysed.tokens;
  auto fits = [&](size_t first, size_t last) {
    return tokens[last].end - tokens[first].begin <= kSnippetBytes;
  };
  std::vector<bool> unused = analysed.countable;  // matches no chosen passage shows yet
  std::vector<Passage> out;
  MarkStyle style;
  while (out.size() < count && !tokens.empty()) {
    Window window = at_first_match(best_window(tokens, unused, fits), unused);
    if (window.score == 0 && !out.empty()) break;
    PassageBounds bounds = passage_bounds(text, tokens, analysed.countable, window.first);
    out.push_back({render(text, tokens, analysed.matched, bounds.begin, bounds.end, style),
                   bounds.first_match, window.score > 0});
    for (size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].begin >= bounds.begin && tokens[i].begin < bounds.end) unused[i] = false;
    if (window.score == 0) break;
  }
  return out;
}

std::string SnippetBuilder::crop(std::string_view text, std::string_view lang,
                                 const query::HighlightTerms& terms, size_t words, const MarkStyle& style) {
  Analysed analysed = analyse(text, lang, terms);
  const auto& tokens = analysed.tokens;
  if (tokens.empty() || words == 0)
    return tokens.empty() ? render(text, tokens, analysed.matched, 0, text.size(), style) : "";
  auto fits = [&](size_t first, size_t last) { return last - first < words; };
  Window window = best_window(tokens, analysed.countable, fits);
  // Centre the window's matched words: as many words of context before as after.
  size_t first = 0;
  if (window.score > 0) {
    size_t a = window.first;
    while (!analysed.countable[a]) ++a;
    size_t b = a;
    for (size_t i = a; i < tokens.size() && i < window.first + words; ++i)
      if (analysed.countable[i]) b = i;
    size_t spare = words - (b - a + 1);
    first = a > spare / 2 ? a - spare / 2 : 0;
    if (first + words > tokens.size()) first = tokens.size() > words ? tokens.size() - words : 0;
  }
  size_t last = std::min(tokens.size(), first + words) - 1;
  size_t begin = first == 0 ? 0 : tokens[first].begin;
  size_t end = last + 1 == tokens.size() ? text.size() : tokens[last].end;
  return render(text, tokens, analysed.matched, begin, end, style);
}

std::string SnippetBuilder::highlight(std::string_view text, std::string_view lang,
                                      const query::HighlightTerms& terms, const MarkStyle& style) {
  Analysed analysed = analyse(text, lang, terms);
  return render(text, analysed.tokens, analysed.matched, 0, text.size(), style);
}

std::vector<MatchSpan> SnippetBuilder::spans(std::string_view text, std::string_view lang,
                                             const query::HighlightTerms& terms) {
  Analysed analysed = analyse(text, lang, terms);
  std::vector<MatchSpan> out;
  for (size_t i = 0; i < analysed.tokens.size(); ++i)
    if (analysed.matched[i])
      out.push_back({analysed.tokens[i].begin, analysed.tokens[i].end - analysed.tokens[i].begin});
  return out;
}

}  // namespace sonda::search

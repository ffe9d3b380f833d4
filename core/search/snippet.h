// Snippets and marked fields: matched words found with Sonda's analyzer, wrapped, and text cut around them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query_translator.h"
#include "search/search_response.h"

namespace sonda::search {

// Target snippet length in bytes of source text (before escaping and marks).
inline constexpr size_t kSnippetBytes = 240;

// How matched words are wrapped and cut text is marked.
struct MarkStyle {
  std::string_view pre = "<mark>";
  std::string_view post = "</mark>";
  std::string_view cut_marker = "…";
  bool escape_html = true;  // the text is HTML-escaped (tags and markers are written as given)
  bool mark = true;         // false: no tags at all
};

// One passage of a text: HTML-escaped with <mark>s, the byte offset of its first matched word (of the
// passage when none matched), and whether it was chosen for matched words (false: no word of the text
// matched outside a table of contents, and the passage is the text's start).
struct Passage {
  std::string text;
  size_t offset = 0;
  bool matched = false;
};

// Builds snippets by re-analysing stored text, so that what is marked is exactly what matched:
// "chatiments" marks "châtiments", a plural marks through its stem, phrase words are marked.
class SnippetBuilder {
 public:
  explicit SnippetBuilder(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

  // The passage of `text` (cleaned, as stored) with the most distinct matched words, about
  // kSnippetBytes long, HTML-escaped, matched words in <mark>…</mark> (adjacent ones share a mark),
  // "…" where text was cut. Without highlight terms: the start of the text. Matches on the lines of a table
  // of contents are marked but never choose the passage. The offset is where a PDF hit's page is read.
  Passage build(std::string_view text, std::string_view lang, const query::HighlightTerms& terms,
                bool mark = true);

  // Up to `count` passages like build()'s, best first, each showing matches the ones before do not.
  std::vector<Passage> passages(std::string_view text, std::string_view lang,
                                const query::HighlightTerms& terms, size_t count);

  // The passage of about `words` words with the most distinct matched words, styled by `style`.
  std::string crop(std::string_view text, std::string_view lang, const query::HighlightTerms& terms,
                   size_t words, const MarkStyle& style);

  // All of `text`, its matched words wrapped as `style` says.
  std::string highlight(std::string_view text, std::string_view lang, const query::HighlightTerms& terms,
                        const MarkStyle& style);

  // Where the matched words of `text` are.
  std::vector<MatchSpan> spans(std::string_view text, std::string_view lang,
                               const query::HighlightTerms& terms);

 private:
  struct Analysed {
    std::vector<analysis::Token> tokens;
    std::vector<bool> matched;
    std::vector<bool> countable;  // matched, and not on a line of a table of contents
  };
  Analysed analyse(std::string_view text, std::string_view lang, const query::HighlightTerms& terms);
  // A token that cannot stem to a highlight stem (HighlightTerms::may_stem_to_one) is not stemmed at all
  // (most tokens of a passage), which keeps snippets cheap.
  bool matches(const analysis::Token& token, std::string_view lang, const query::HighlightTerms& terms);

  analysis::Analyzer& analyzer_;
};

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace sonda::search

// Snippets: the best passage of a document with every matched word marked, built with Sonda's analyzer.
#pragma once

#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "query/query_translator.h"

namespace sonda::search {

// Target snippet length in bytes of source text (before escaping and marks).
inline constexpr size_t kSnippetBytes = 240;

// Builds snippets by re-analysing stored text, so that what is marked is exactly what matched:
// "chatiments" marks "châtiments", a plural marks through its stem, phrase words are marked.
class SnippetBuilder {
 public:
  explicit SnippetBuilder(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

  // The passage of `text` (cleaned, as stored) with the most distinct matched words, about
  // kSnippetBytes long, HTML-escaped, matched words in <mark>…</mark> (adjacent ones share a mark),
  // "…" where text was cut. Without highlight terms: the start of the text.
  std::string build(std::string_view text, std::string_view lang, const query::HighlightTerms& terms,
                    bool mark = true);

 private:
  // `stem_heads` are the first bytes of every highlight stem: a token that starts with none of them is not
  // stemmed at all (most tokens of a passage), which keeps snippets cheap.
  bool matches(const analysis::Token& token, std::string_view lang, const query::HighlightTerms& terms,
               const std::vector<std::string>& stem_heads);

  analysis::Analyzer& analyzer_;
};

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace sonda::search

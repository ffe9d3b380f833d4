// Parses query text into a QueryNode tree. Best effort: any input yields a tree, never an error.
#pragma once

#include <string_view>

#include "query/query_node.h"

namespace sonda::query {

// Deepest parenthesis nesting honoured; deeper parentheses are read as plain grouping-free text.
inline constexpr int kMaxNesting = 16;

// Parses `text`: words (all required), "quoted phrases", -exclusion, OR, parentheses, word* and
// field:value scopes. Unbalanced quotes and parentheses are closed at the end of the text.
// A `field:` that is not a scope field (see is_scope_field) is read as an ordinary word.
QueryNode parse_query(std::string_view text);

// Marks the last word of `root` unfinished when `text` ends inside a word (a letter or digit, no space,
// closing quote or punctuation after it): the word being typed, or a phrase's last word. Words inside an
// exclusion or a field scope are never marked.
void mark_unfinished_word(QueryNode& root, std::string_view text);

// A copy of `root` whose unfinished plain word (see mark_unfinished_word) reads `completion` instead,
// finished; `root` itself when it has none.
QueryNode with_word_completed(const QueryNode& root, std::string_view completion);

// `root` with its first plain word typed as `typed` (outside exclusions) written as `replacement` instead:
// the query as it would be with a typo corrected. `root` itself when no such word is found.
QueryNode with_word_replaced(const QueryNode& root, std::string_view typed, std::string_view replacement);

// True for the field names a scope may use (title, country, region, org/organisation, topic, type, lang,
// year).
bool is_scope_field(std::string_view name);

}  // namespace sonda::query

// The query tree: what a researcher typed, parsed but not yet analysed or bound to an index.
#pragma once

#include <string>
#include <vector>

namespace sonda::query {

// One node of a parsed query. Leaves hold raw text as typed; the translator analyses it.
struct QueryNode {
  enum class Kind {
    word,     // text: one word as typed ("Châtiments")
    prefix,   // text: a word typed with a trailing '*' ("chât")
    phrase,   // words: the words between double quotes
    field,    // field: "title", "country"…; children: one word or phrase node
    all,      // children: every one must match
    any,      // children: at least one must match (OR)
    exclude,  // children: one node that must not match (-word)
  };

  QueryNode() = default;
  explicit QueryNode(Kind node_kind) : kind(node_kind) {}

  Kind kind = Kind::all;
  std::string text;
  std::string field;
  std::vector<std::string> words;
  std::vector<QueryNode> children;
  // On a word or phrase node: its (last) word is still being typed, so its completions match too.
  bool unfinished = false;

  bool operator==(const QueryNode&) const = default;
};

// A compact, stable rendering for tests and logs: all(word:a phrase:"b c" exclude(word:d)).
std::string to_string(const QueryNode& node);

}  // namespace sonda::query

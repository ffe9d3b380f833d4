// Word translations between French and Spanish, behind a seam: Apertium's dictionaries, or a map in tests.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sonda::translate {

// The other language of "fr" ("es") and of "es" ("fr").
std::string other_language(std::string_view lang);

// Translates single words into the other language's lemmas. Implementations are safe to share between
// threads.
class Lexicon {
 public:
  virtual ~Lexicon() = default;

  // Every lemma of the other language `word` (as typed, any case) may translate to when read in `from`
  // ("fr" or "es"), each once, in the dictionary's order; none for a word the dictionary does not know.
  virtual std::vector<std::string> translate(std::string_view word, std::string_view from) const = 0;
};

// A Lexicon from a list of (language, word, translation) entries, for tests and small domain lists.
class MemoryLexicon : public Lexicon {
 public:
  explicit MemoryLexicon(
      const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& entries);

  std::vector<std::string> translate(std::string_view word, std::string_view from) const override;

 private:
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> entries_;  // (from, word) → lemmas
};

}  // namespace sonda::translate

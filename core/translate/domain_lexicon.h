// A bilingual list of the field's own terms (child protection, early childhood, advocacy), for what a
// general dictionary lacks or gets wrong: words and multi-word units, matched whatever their inflection.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "translate/lexicon.h"
#include "util/result.h"

namespace sonda::translate {

// Bounds on a domain list, so any text loads in bounded time and memory.
inline constexpr size_t kMaxDomainLineBytes = 4096;
inline constexpr size_t kMaxDomainTermsPerSide = 16;
inline constexpr size_t kMaxDomainWordsPerTerm = 8;

// The terms of a domain list, keyed by the stems of their words in their language (stop words left out),
// so "châtiments corporels" finds the entry written "châtiment corporel".
class DomainLexicon : public Lexicon {
 public:
  // Parses lines of French terms, a tab, Spanish terms (each side one term or more separated by commas;
  // every French term translates to every Spanish term and back); blank lines and lines starting with
  // `#` are skipped. A malformed line is an error naming its number.
  static Result<std::unique_ptr<DomainLexicon>> parse(std::string_view text);
  // The list built into Sonda (core/translate/domain_fr_es.tsv).
  static std::unique_ptr<DomainLexicon> builtin();

  // The other language's terms of the entry `words` (one word or several, as typed) stand for in `from`.
  std::vector<std::string> translate(std::string_view words, std::string_view from) const override;

  size_t entries() const { return entries_.size(); }

 private:
  DomainLexicon() = default;
  // The stems of the content words of `text` in `lang`, joined by spaces ("" when it has none).
  std::string key_of(std::string_view text, std::string_view lang) const;

  mutable std::mutex mutex_;  // the analyser is not thread-safe
  mutable analysis::Analyzer analyzer_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> entries_;  // (lang, key) → terms
};

// One lexicon over another: `first`'s answer for a word it knows, else `fallback`'s. Owns both.
class LayeredLexicon : public Lexicon {
 public:
  LayeredLexicon(std::unique_ptr<Lexicon> first, std::unique_ptr<Lexicon> fallback)
      : first_(std::move(first)), fallback_(std::move(fallback)) {}

  std::vector<std::string> translate(std::string_view words, std::string_view from) const override;

 private:
  std::unique_ptr<Lexicon> first_;
  std::unique_ptr<Lexicon> fallback_;
};

}  // namespace sonda::translate

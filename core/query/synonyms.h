// Synonym groups (a file of one group a line), looked up by a query's folded words.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "util/result.h"

namespace sonda::query {

// Bounds on what a synonym file may hold, so any file loads in bounded time and memory.
inline constexpr size_t kMaxSynonymLineBytes = 4096;
inline constexpr size_t kMaxTermsPerGroup = 64;
inline constexpr size_t kMaxWordsPerTerm = 8;

// Groups of terms that mean the same ("ONG, organisation non gouvernementale"), each for both languages or
// for one. A term is its folded words ("organisation non gouvernementale").
class Synonyms {
 public:
  // Parses a synonym file: one group a line, terms separated by commas, optionally `fr:` or `es:` first
  // (the group then holds only for queries in that language); blank lines and lines starting with `#` are
  // skipped. Terms are analysed as queries are (case, accents, elision). A line that is not a group of two
  // terms or more is an error naming its line number.
  static Result<Synonyms> parse(std::string_view text, analysis::Analyzer& analyzer);

  // The other terms of every group holding `term` (folded words joined by one space) for a query analysed
  // in `langs`; none when there is no such group.
  std::vector<std::string> alternatives(const std::string& term, const std::vector<std::string>& langs) const;

  // The longest term, in words, of any group (0 when there is none).
  size_t longest_term() const { return longest_; }

  size_t groups() const { return groups_.size(); }

 private:
  struct Group {
    std::string lang;  // "" for both
    std::vector<std::string> terms;
  };
  std::vector<Group> groups_;
  std::map<std::string, std::vector<size_t>> by_term_;
  size_t longest_ = 0;
};

}  // namespace sonda::query

// Where a snippet should come from, found with the positions of the matched terms instead of reading the
// body.
#include "search/snippet_locator.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "index/schema.h"

namespace sonda::search {
namespace {

constexpr Xapian::termpos kWindowWords = 40;  // about a snippet's length
constexpr Xapian::termpos kContextWords = 8;  // words shown before the first match

constexpr size_t kCompletionsPerPrefix = 64;  // a document's words read for one word being typed

// A term to look for and the query word it stands for (a word being typed stands for all its completions).
struct LocatedTerm {
  std::string name;
  size_t word = 0;
};

// (position, query word) of every matched word inside the body, sorted by position.
std::vector<std::pair<Xapian::termpos, size_t>> body_matches(const Xapian::Database& database,
                                                             Xapian::docid document,
                                                             const index::BodyMap& map,
                                                             const std::vector<LocatedTerm>& terms) {
  std::vector<std::pair<Xapian::termpos, size_t>> matches;
  Xapian::termpos end = map.first_position + map.words;
  for (const LocatedTerm& term : terms) {
    for (auto position = database.positionlist_begin(document, term.name);
         position != database.positionlist_end(document, term.name); ++position)
      if (*position >= map.first_position && *position < end) matches.emplace_back(*position, term.word);
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

// The positions where the `count` best windows of kWindowWords start, best first (most distinct, then most,
// matched terms), no two overlapping.
std::vector<Xapian::termpos> densest(const std::vector<std::pair<Xapian::termpos, size_t>>& matches,
                                     size_t count) {
  std::vector<std::pair<std::pair<size_t, size_t>, Xapian::termpos>> windows;  // (score, start)
  for (size_t first = 0, last = 0; first < matches.size(); ++first) {
    while (last < matches.size() && matches[last].first < matches[first].first + kWindowWords) ++last;
    std::set<size_t> distinct;
    for (size_t i = first; i < last; ++i) distinct.insert(matches[i].second);
    windows.push_back({{distinct.size(), last - first}, matches[first].first});
  }
  std::stable_sort(windows.begin(), windows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Xapian::termpos> out;
  for (const auto& window : windows) {
    if (out.size() == count) break;
    Xapian::termpos start = window.second;
    bool overlaps = std::any_of(out.begin(), out.end(), [&](Xapian::termpos chosen) {
      return start + kWindowWords > chosen && chosen + kWindowWords > start;
    });
    if (!overlaps) out.push_back(start);
  }
  return out;
}

}  // namespace

std::optional<std::vector<size_t>> snippet_starts(const Xapian::Database& database, Xapian::docid document,
                                                  const index::BodyMap& map,
                                                  const query::HighlightTerms& terms, size_t count) {
  std::vector<LocatedTerm> located;
  for (const std::string& stem : terms.stems)
    located.push_back({std::string(index::kStemPrefix) + stem, located.size()});
  for (const std::string& word : terms.searched_words) located.push_back({word, located.size()});
  try {
    // A word being typed: the document's own words it begins (folded words sort apart from prefixed terms).
    for (const std::string& prefix : terms.prefixes) {
      size_t word = located.size();
      auto term = database.termlist_begin(document);
      term.skip_to(prefix);
      for (size_t read = 0; term != database.termlist_end(document) && read < kCompletionsPerPrefix;
           ++term, ++read) {
        if (!(*term).starts_with(prefix)) break;
        located.push_back({*term, word});
      }
    }
    auto matches = body_matches(database, document, map, located);
    if (matches.empty() || map.checkpoints.empty()) return std::vector<size_t>{0};
    std::vector<size_t> out;
    for (Xapian::termpos start : densest(matches, count)) {
      Xapian::termpos word = start - map.first_position;
      word = word > kContextWords ? word - kContextWords : 0;
      out.push_back(
          map.checkpoints[std::min<size_t>(word / index::kBodyCheckpointWords, map.checkpoints.size() - 1)]);
    }
    return out;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace sonda::search

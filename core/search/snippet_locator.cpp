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

// (position, term) of every matched word inside the body, sorted by position.
std::vector<std::pair<Xapian::termpos, size_t>> body_matches(const Xapian::Database& database,
                                                             Xapian::docid document,
                                                             const index::BodyMap& map,
                                                             const std::vector<std::string>& terms) {
  std::vector<std::pair<Xapian::termpos, size_t>> matches;
  Xapian::termpos end = map.first_position + map.words;
  for (size_t term = 0; term < terms.size(); ++term) {
    for (auto position = database.positionlist_begin(document, terms[term]);
         position != database.positionlist_end(document, terms[term]); ++position)
      if (*position >= map.first_position && *position < end) matches.emplace_back(*position, term);
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
  if (!terms.prefixes.empty()) return std::nullopt;
  std::vector<std::string> term_names;
  for (const std::string& stem : terms.stems) term_names.push_back(std::string(index::kStemPrefix) + stem);
  for (const std::string& word : terms.searched_words) term_names.push_back(word);
  try {
    auto matches = body_matches(database, document, map, term_names);
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

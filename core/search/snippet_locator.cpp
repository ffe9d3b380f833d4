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

// The position where the window of kWindowWords with the most distinct, then most, matched terms starts.
Xapian::termpos densest(const std::vector<std::pair<Xapian::termpos, size_t>>& matches) {
  std::pair<size_t, size_t> best_score{0, 0};
  Xapian::termpos best = matches.front().first;
  for (size_t first = 0, last = 0; first < matches.size(); ++first) {
    while (last < matches.size() && matches[last].first < matches[first].first + kWindowWords) ++last;
    std::set<size_t> distinct;
    for (size_t i = first; i < last; ++i) distinct.insert(matches[i].second);
    std::pair<size_t, size_t> score{distinct.size(), last - first};
    if (score > best_score) {
      best_score = score;
      best = matches[first].first;
    }
  }
  return best;
}

}  // namespace

std::optional<size_t> snippet_start(const Xapian::Database& database, Xapian::docid document,
                                    const index::BodyMap& map, const query::HighlightTerms& terms) {
  if (!terms.prefixes.empty()) return std::nullopt;
  std::vector<std::string> term_names;
  for (const std::string& stem : terms.stems) term_names.push_back(std::string(index::kStemPrefix) + stem);
  for (const std::string& word : terms.searched_words) term_names.push_back(word);
  try {
    auto matches = body_matches(database, document, map, term_names);
    if (matches.empty() || map.checkpoints.empty()) return 0;
    Xapian::termpos word = densest(matches) - map.first_position;
    word = word > kContextWords ? word - kContextWords : 0;
    return map.checkpoints[std::min<size_t>(word / index::kBodyCheckpointWords, map.checkpoints.size() - 1)];
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace sonda::search

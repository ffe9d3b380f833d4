// Where a snippet should come from: found with the positions of the matched terms instead of reading the
// body, or (over remote shards, where each position list is a round trip) in the stored text analysed again.
#include "search/snippet_locator.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/stopwords.h"
#include "analysis/text_cleaner.h"
#include "index/packed_body.h"
#include "index/schema.h"
#include "search/word_heads.h"

namespace sonda::search {
namespace {

constexpr Xapian::termpos kWindowWords = 40;  // about a snippet's length
constexpr Xapian::termpos kContextWords = 8;  // words shown before the first match

// A document's words read for one `word*` prefix (a word being typed is located through the terms its
// completions were searched as: reading and inflating the hit's termlist costs more than their positions).
constexpr size_t kCompletionsPerPrefix = 64;
// From this many body words on, the body is located by positions rather than analysed again.
constexpr uint32_t kLongBodyWords = 4096;

// A term to look for and the query word it stands for (a word being typed stands for all its completions).
struct LocatedTerm {
  std::string name;
  size_t word = 0;
};

// The body positions of `terms` in `document`, sorted.
BodyMatches positions_of(const Xapian::Database& database, Xapian::docid document, const index::BodyMap& map,
                         const std::vector<LocatedTerm>& terms) {
  BodyMatches matches;
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
std::vector<Xapian::termpos> densest(const BodyMatches& matches, size_t count) {
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

// The terms prefix `k` of `terms` was searched as (a word being typed), or nullptr (a `word*` prefix).
const std::vector<std::string>* searched_terms(const query::HighlightTerms& terms, size_t k) {
  if (k >= terms.prefix_terms.size() || terms.prefix_terms[k].empty()) return nullptr;
  return &terms.prefix_terms[k];
}

// For each `word*` prefix of `terms`, the document's words it begins as its termlist would give them (the
// folded words of every indexed field, sorted, the first kCompletionsPerPrefix); none for a word being typed.
std::vector<std::set<std::string>> completions_in_text(analysis::Analyzer& analyzer,
                                                       const index::Document& stored,
                                                       const std::vector<analysis::Token>& body,
                                                       const query::HighlightTerms& terms) {
  const std::vector<std::string>& prefixes = terms.prefixes;
  std::vector<std::set<std::string>> out(prefixes.size());
  std::vector<size_t> read;  // the prefixes located through the document's own words
  for (size_t k = 0; k < prefixes.size(); ++k)
    if (!searched_terms(terms, k)) read.push_back(k);
  if (read.empty()) return out;
  auto add = [&](const std::vector<analysis::Token>& tokens) {
    for (const analysis::Token& token : tokens)
      for (size_t k : read)
        if (token.folded.starts_with(prefixes[k])) out[k].insert(token.folded);
  };
  add(analyzer.tokens(stored.title));
  add(analyzer.tokens(stored.description));
  add(body);
  for (const std::string& keyword : stored.keywords) add(analyzer.tokens(analysis::clean_text(keyword)));
  for (std::set<std::string>& completions : out)
    while (completions.size() > kCompletionsPerPrefix) completions.erase(std::prev(completions.end()));
  return out;
}

}  // namespace

std::optional<BodyMatches> body_matches(const Xapian::Database& database, Xapian::docid document,
                                        const index::BodyMap& map, const query::HighlightTerms& terms) {
  std::vector<LocatedTerm> located;
  for (const std::string& stem : terms.stems)
    located.push_back({std::string(index::kStemPrefix) + stem, located.size()});
  for (const std::string& word : terms.searched_words) located.push_back({word, located.size()});
  try {
    // A word being typed: the terms its completions were searched as; a `word*` prefix: the document's own
    // words it begins (folded words sort apart from prefixed terms).
    size_t word = located.size();  // the first prefix's number, one more for each next one
    for (size_t k = 0; k < terms.prefixes.size(); ++k) {
      const std::string& prefix = terms.prefixes[k];
      if (const std::vector<std::string>* searched = searched_terms(terms, k)) {
        for (const std::string& term : *searched) located.push_back({term, word});
        ++word;
        continue;
      }
      auto term = database.termlist_begin(document);
      term.skip_to(prefix);
      for (size_t read = 0; term != database.termlist_end(document) && read < kCompletionsPerPrefix;
           ++term, ++read) {
        if (!(*term).starts_with(prefix)) break;
        located.push_back({*term, word});
      }
      ++word;
    }
    return positions_of(database, document, map, located);
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

std::optional<BodyMatches> body_matches_in_text(analysis::Analyzer& analyzer, const index::Document& stored,
                                                const index::BodyMap& map,
                                                const query::HighlightTerms& terms) {
  // A long body is located by positions, even once inflated for a request that reads it whole.
  if (stored.packed_body || stored.body.size() >= index::kPackBodyFrom || map.words >= kLongBodyWords)
    return std::nullopt;
  std::vector<analysis::RawToken> raw = analyzer.raw_tokens(stored.body);
  if (raw.size() != map.words) return std::nullopt;
  // Only the words that may fold to the start of a query term are folded (and, if need be, stemmed).
  WordHeads heads(terms);
  std::vector<analysis::Token> body;  // those words
  std::vector<size_t> at;             // each one's place among all
  for (size_t i = 0; i < raw.size(); ++i)
    if (heads.may_fold_to_one(raw[i].text)) {
      body.push_back(analyzer.token_of(raw[i]));
      at.push_back(i);
    }
  // The query word each term stands for, numbered as body_matches numbers them: stems, searched words, then
  // the words being typed.
  std::vector<std::string_view> stems(terms.stems.begin(), terms.stems.end());
  std::vector<std::string_view> words(terms.searched_words.begin(), terms.searched_words.end());
  auto completions = completions_in_text(analyzer, stored, body, terms);
  std::vector<std::set<std::string, std::less<>>> searched(terms.prefixes.size());
  for (size_t k = 0; k < terms.prefixes.size(); ++k)
    if (const std::vector<std::string>* of_prefix = searched_terms(terms, k))
      searched[k].insert(of_prefix->begin(), of_prefix->end());
  BodyMatches matches;
  for (size_t k = 0; k < body.size(); ++k) {
    const analysis::Token& token = body[k];
    Xapian::termpos position = map.first_position + static_cast<Xapian::termpos>(at[k]);
    // The token's stem term as the indexer wrote it (none for a stop word), made once if needed.
    std::optional<std::string> stem_term;
    auto stem_of_token = [&]() -> const std::string& {
      if (!stem_term)
        stem_term = analysis::is_stopword(token.folded, stored.lang)
                        ? std::string()
                        : std::string(index::kStemPrefix) + analyzer.stem(token.word, stored.lang);
      return *stem_term;
    };
    if (terms.may_stem_to_one(token.folded) && !stem_of_token().empty()) {
      std::string_view stem = std::string_view(stem_of_token()).substr(index::kStemPrefix.size());
      auto found = std::lower_bound(stems.begin(), stems.end(), stem);
      if (found != stems.end() && *found == stem) matches.emplace_back(position, found - stems.begin());
    }
    if (terms.searched_words.contains(token.folded))
      matches.emplace_back(
          position,
          stems.size() + (std::lower_bound(words.begin(), words.end(), token.folded) - words.begin()));
    for (size_t p = 0; p < terms.prefixes.size(); ++p) {
      bool matched = searched[p].empty()
                         ? completions[p].contains(token.folded)
                         : searched[p].contains(token.folded) ||
                               (!stem_of_token().empty() && searched[p].contains(stem_of_token()));
      if (matched) matches.emplace_back(position, stems.size() + words.size() + p);
    }
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

std::vector<size_t> snippet_starts(const BodyMatches& matches, const index::BodyMap& map, size_t count) {
  if (matches.empty() || map.checkpoints.empty()) return {0};
  std::vector<size_t> out;
  for (Xapian::termpos start : densest(matches, count)) {
    Xapian::termpos word = start - map.first_position;
    word = word > kContextWords ? word - kContextWords : 0;
    out.push_back(
        map.checkpoints[std::min<size_t>(word / index::kBodyCheckpointWords, map.checkpoints.size() - 1)]);
  }
  return out;
}

}  // namespace sonda::search

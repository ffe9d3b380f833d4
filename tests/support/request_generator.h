// RequestGenerator: random /search, /suggest and /documents requests drawn from an index's own words and
// facet values, for differential and oracle tests; and a shrinker that finds the smallest failing one.
#pragma once

#include <functional>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace sonda::testing {

// What the generator draws from: the documents' words (as written, accents included), pairs of
// adjacent words for phrases, every facet's values and the document ids.
struct Vocabulary {
  std::vector<std::string> words;
  std::vector<std::pair<std::string, std::string>> adjacent;
  std::map<std::string, std::vector<std::string>> facet_values;  // field → display values
  std::vector<int> years;
  std::vector<std::string> ids;
};

// One generated request: a path and its parameters, in order (a name may repeat, as filter does).
struct GeneratedRequest {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;

  // The path with the parameters URL-encoded.
  std::string target() const;
};

// Splits text into the words the generator may use: runs of letters and digits (UTF-8 multibyte
// sequences count as letters), three bytes or more.
std::vector<std::string> words_of(const std::string& text);

// Draws requests from a vocabulary with a fixed seed: the same seed, the same requests.
class RequestGenerator {
 public:
  RequestGenerator(const Vocabulary& vocabulary, unsigned seed) : vocabulary_(vocabulary), random_(seed) {}

  // A /search request: 0–3 terms (words, unaccented, plural, prefix, typo, phrase, exclusion, OR group,
  // field scope), and any of lang, filters, year range, facets, page, hitsPerPage, sort, match, hl,
  // crossLanguage and queryLang.
  GeneratedRequest search();
  // A /suggest request for the start of a word.
  GeneratedRequest suggest();
  // A /documents/{id} request, for a known id or (now and then) an unknown one.
  GeneratedRequest document();

 private:
  bool chance(double probability);
  size_t below(size_t bound);
  const std::string& any_word();
  std::string query_term();
  std::string query_text();
  void add_filters(GeneratedRequest& request);
  void add_facets(GeneratedRequest& request);

  const Vocabulary& vocabulary_;
  std::mt19937 random_;
};

// The smallest request derived from `failing` that still fails: drops parameters, then words of `q`,
// one at a time, while `fails` holds.
GeneratedRequest shrink(GeneratedRequest failing, const std::function<bool(const GeneratedRequest&)>& fails);

}  // namespace sonda::testing

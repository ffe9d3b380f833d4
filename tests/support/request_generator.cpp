// RequestGenerator: random requests drawn from an index's own vocabulary, and the shrinker.
#include "support/request_generator.h"

#include <httplib.h>

#include <algorithm>

#include "analysis/unicode_fold.h"

namespace sonda::testing {
namespace {

const std::vector<std::string> kFacets = {"country", "region", "organisation", "topic",
                                          "type",    "lang",   "year",         "format"};

bool is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string folded(const std::string& word) {
  return analysis::fold_diacritics(analysis::fold_case(word));
}

std::vector<std::string> split_words(const std::string& q) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < q.size()) {
    size_t space = q.find(' ', start);
    if (space == std::string::npos) space = q.size();
    if (space > start) out.push_back(q.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

std::string GeneratedRequest::target() const {
  std::string out = path;
  char separator = '?';
  for (const auto& [name, value] : params) {
    out += separator + name + "=" + httplib::detail::encode_query_param(value);
    separator = '&';
  }
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i - start >= 3) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool RequestGenerator::chance(double probability) {
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_) < probability;
}

size_t RequestGenerator::below(size_t bound) {
  return bound == 0 ? 0 : std::uniform_int_distribution<size_t>(0, bound - 1)(random_);
}

const std::string& RequestGenerator::any_word() {
  return vocabulary_.words[below(vocabulary_.words.size())];
}

// One term of a query, in one of the forms people type.
std::string RequestGenerator::query_term() {
  std::string word = any_word();
  std::string plain = folded(word);
  switch (below(10)) {
    case 0: return plain;
    case 1: return plain + "s";
    case 2: return plain.size() > 3 ? plain.substr(0, 3 + below(plain.size() - 3)) + "*" : plain + "*";
    case 3: {  // one typo after the first letter: dropped, doubled, swapped or replaced
      if (plain.size() < 4) return plain;
      size_t at = 1 + below(plain.size() - 2);
      switch (below(4)) {
        case 0: return plain.erase(at, 1);
        case 1: return plain.insert(at, 1, plain[at]);
        case 2: std::swap(plain[at], plain[at + 1]); return plain;
        default: plain[at] = static_cast<char>('a' + below(26)); return plain;
      }
    }
    case 4: {
      if (vocabulary_.adjacent.empty()) return word;
      const auto& [first, second] = vocabulary_.adjacent[below(vocabulary_.adjacent.size())];
      return "\"" + first + " " + second + "\"";
    }
    case 5: return "-" + word;
    case 6: return "(" + word + " OR " + folded(any_word()) + ")";
    case 7: {
      const auto& values = vocabulary_.facet_values.at("country");
      return values.empty() ? word : "country:" + folded(values[below(values.size())]);
    }
    case 8: return plain.size() > 2 ? plain.substr(0, 2 + below(plain.size() - 2)) : plain;  // being typed
    default: return word;
  }
}

std::string RequestGenerator::query_text() {
  std::vector<std::string> terms;
  size_t count = below(4);
  for (size_t i = 0; i < count; ++i) terms.push_back(query_term());
  return join_words(terms);
}

void RequestGenerator::add_filters(GeneratedRequest& request) {
  size_t count = chance(0.4) ? 1 + below(3) : 0;
  for (size_t i = 0; i < count; ++i) {
    const std::string& field = kFacets[below(kFacets.size())];
    const auto& values = vocabulary_.facet_values.at(field);
    if (values.empty()) continue;
    std::string value = values[below(values.size())];
    request.params.emplace_back("filter", field + ":" + (chance(0.3) ? folded(value) : value));
  }
  if (chance(0.2) && !vocabulary_.years.empty()) {
    int from = vocabulary_.years[below(vocabulary_.years.size())];
    request.params.emplace_back("from", std::to_string(from));
    if (chance(0.6)) request.params.emplace_back("to", std::to_string(from + static_cast<int>(below(6))));
  }
}

void RequestGenerator::add_facets(GeneratedRequest& request) {
  if (!chance(0.8)) return;
  std::vector<std::string> fields = kFacets;
  std::shuffle(fields.begin(), fields.end(), random_);
  fields.resize(1 + below(fields.size()));
  request.params.emplace_back("facets", join_words(fields));
  std::replace(request.params.back().second.begin(), request.params.back().second.end(), ' ', ',');
  if (chance(0.2)) request.params.emplace_back("maxValuesPerFacet", std::to_string(1 + below(5)));
}

GeneratedRequest RequestGenerator::search() {
  GeneratedRequest request{"/search", {{"q", query_text()}}};
  if (chance(0.4)) request.params.emplace_back("lang", std::vector<std::string>{"fr", "es", "any"}[below(3)]);
  add_filters(request);
  add_facets(request);
  if (chance(0.4)) request.params.emplace_back("page", std::to_string(1 + below(3)));
  if (chance(0.6))
    request.params.emplace_back("hitsPerPage", std::to_string(std::vector<int>{0, 1, 3, 5, 20}[below(5)]));
  if (chance(0.4))
    request.params.emplace_back("sort",
                                std::vector<std::string>{"relevance", "date:desc", "date:asc"}[below(3)]);
  if (chance(0.25)) request.params.emplace_back("match", "any");
  if (chance(0.15)) request.params.emplace_back("hl", chance(0.5) ? "es" : "fr");
  if (chance(0.2)) {
    request.params.emplace_back("crossLanguage", "true");
    if (chance(0.5)) request.params.emplace_back("queryLang", chance(0.5) ? "es" : "fr");
  }
  return request;
}

GeneratedRequest RequestGenerator::suggest() {
  std::string word = chance(0.5) ? folded(any_word()) : any_word();
  size_t cut = std::min(word.size(), static_cast<size_t>(2 + below(4)));
  while (cut < word.size() && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) ++cut;
  return GeneratedRequest{"/suggest", {{"q", word.substr(0, cut)}}};
}

GeneratedRequest RequestGenerator::document() {
  std::string id = chance(0.9) && !vocabulary_.ids.empty() ? vocabulary_.ids[below(vocabulary_.ids.size())]
                                                           : "no/such-" + std::to_string(below(1000)) + ".md";
  return GeneratedRequest{"/documents/" + httplib::detail::encode_query_param(id), {}};
}

// `request` with its `q` replaced.
GeneratedRequest with_q(GeneratedRequest request, const std::string& q) {
  for (auto& param : request.params)
    if (param.first == "q") param.second = q;
  return request;
}

GeneratedRequest shrink(GeneratedRequest failing, const std::function<bool(const GeneratedRequest&)>& fails) {
  for (bool smaller = true; smaller;) {
    smaller = false;
    for (size_t i = 0; i < failing.params.size() && !smaller; ++i) {
      GeneratedRequest candidate = failing;
      candidate.params.erase(candidate.params.begin() + static_cast<std::ptrdiff_t>(i));
      if (fails(candidate)) failing = std::move(candidate), smaller = true;
    }
    auto q = std::find_if(failing.params.begin(), failing.params.end(),
                          [](const auto& p) { return p.first == "q"; });
    std::vector<std::string> words =
        q == failing.params.end() ? std::vector<std::string>{} : split_words(q->second);
    for (size_t i = 0; i < words.size() && !smaller; ++i) {
      std::vector<std::string> fewer = words;
      fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(i));
      GeneratedRequest candidate = with_q(failing, join_words(fewer));
      if (fails(candidate)) failing = std::move(candidate), smaller = true;
    }
  }
  return failing;
}

}  // namespace sonda::testing

// "Did you mean" corrections and search-as-you-type completions, from the index vocabulary.
#include "search/speller.h"

#include <algorithm>

#include "analysis/text_cleaner.h"
#include "query/typo_distance.h"
#include "util/strings.h"

namespace sonda::search {
namespace {

constexpr size_t kCandidatesPerWord = 5;

int allowed_distance(size_t length) {
  return length <= 4 ? 1 : 2;
}

}  // namespace

std::vector<std::string> Speller::candidates(const std::string& folded) {
  std::vector<std::string> found;
  if (database_.get_termfreq(folded) > 0) found.push_back(folded);
  int limit = allowed_distance(query::code_points(folded).size());
  for (std::string& word : lookup_.similar_words(folded, limit, kCandidatesPerWord)) {
    if (found.size() == kCandidatesPerWord) break;
    found.push_back(std::move(word));
  }
  return found;
}

Xapian::doccount Speller::phrase_count(const std::string& first, const std::string& second) {
  Xapian::Enquire enquire(database_);
  std::vector<Xapian::Query> words = {Xapian::Query(first), Xapian::Query(second)};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, database_.get_doccount()).get_matches_estimated();
}

std::optional<std::string> Speller::correct(const std::vector<std::string>& words) {
  std::vector<std::string> folded;
  bool misspelled = false;
  for (const auto& word : words) {
    for (const auto& token : analyzer_.tokens(analysis::clean_text(word))) {
      folded.push_back(token.folded);
      if (database_.get_termfreq(token.folded) == 0) misspelled = true;
    }
  }
  if (!misspelled || folded.empty()) return std::nullopt;
  std::vector<std::vector<std::string>> options;
  for (const auto& word : folded) options.push_back(candidates(word));
  std::vector<std::string> chosen;
  for (size_t i = 0; i < options.size(); ++i) {
    if (options[i].empty()) return std::nullopt;  // a word with nothing close: no useful correction
    const std::string* best = &options[i].front();
    Xapian::doccount best_together = 0;
    for (const std::string& candidate : options[i]) {
      Xapian::doccount together = 0;
      if (i > 0)
        together = phrase_count(chosen.back(), candidate);
      else if (options.size() > 1)
        for (const std::string& next : options[1])
          together = std::max(together, phrase_count(candidate, next));
      if (together > best_together) {
        best_together = together;
        best = &candidate;
      }
    }
    chosen.push_back(*best);
  }
  std::vector<std::string> display;
  for (const auto& word : chosen) display.push_back(lookup_.display_form(word));
  return join(display, " ");
}

std::vector<std::string> Speller::complete(std::string_view typed, size_t limit) {
  std::string cleaned = analysis::clean_text(typed);
  auto tokens = analyzer_.tokens(cleaned);
  if (tokens.empty() || limit == 0) return {};
  std::string lead = cleaned.substr(0, tokens.back().begin);
  std::vector<std::string> out;
  for (const auto& completion : lookup_.completions(tokens.back().folded, limit))
    out.push_back(lead + lookup_.display_form(completion.word));
  return out;
}

}  // namespace sonda::search

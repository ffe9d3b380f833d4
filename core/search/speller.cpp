// "Did you mean" corrections and search-as-you-type completions, from the index vocabulary.
#include "search/speller.h"

#include <unicode/unistr.h>

#include <algorithm>

#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::search {
namespace {

constexpr size_t kCandidatesPerWord = 5;
constexpr size_t kMaxTermsScanned = 200'000;

std::u32string code_points(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  std::u32string out;
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) out.push_back(unicode.char32At(i));
  return out;
}

int allowed_distance(size_t length) {
  return length <= 4 ? 1 : 2;
}

std::string first_letter(std::string_view folded) {
  size_t length = 1;
  while (length < folded.size() && (static_cast<unsigned char>(folded[length]) & 0xC0) == 0x80) ++length;
  return std::string(folded.substr(0, length));
}

}  // namespace

int bounded_edit_distance(std::string_view a_text, std::string_view b_text, int limit) {
  std::u32string a = code_points(a_text), b = code_points(b_text);
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > limit) return limit + 1;
  std::vector<int> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::vector<Speller::Candidate> Speller::candidates(const std::string& folded) {
  std::vector<Candidate> found;
  Xapian::doccount own = database_.get_termfreq(folded);
  if (own > 0) found.push_back({folded, 0, own});
  int limit = allowed_distance(code_points(folded).size());
  std::string prefix = first_letter(folded);
  size_t scanned = 0;
  for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix); ++term) {
    if (++scanned > kMaxTermsScanned) break;
    const std::string& word = *term;
    if (word == folded) continue;
    int distance = bounded_edit_distance(folded, word, limit);
    if (distance <= limit) found.push_back({word, distance, term.get_termfreq()});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    return a.folded < b.folded;
  });
  if (found.size() > kCandidatesPerWord) found.resize(kCandidatesPerWord);
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
  std::vector<std::vector<Candidate>> options;
  for (const auto& word : folded) options.push_back(candidates(word));
  std::vector<std::string> chosen;
  for (size_t i = 0; i < options.size(); ++i) {
    if (options[i].empty()) return std::nullopt;  // a word with nothing close: no useful correction
    const Candidate* best = &options[i].front();
    Xapian::doccount best_together = 0;
    for (const Candidate& candidate : options[i]) {
      Xapian::doccount together = 0;
      if (i > 0)
        together = phrase_count(chosen.back(), candidate.folded);
      else if (options.size() > 1)
        for (const Candidate& next : options[1])
          together = std::max(together, phrase_count(candidate.folded, next.folded));
      if (together > best_together) {
        best_together = together;
        best = &candidate;
      }
    }
    chosen.push_back(best->folded);
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
  for (const std::string& word : lookup_.completions(tokens.back().folded, limit))
    out.push_back(lead + lookup_.display_form(word));
  return out;
}

}  // namespace sonda::search

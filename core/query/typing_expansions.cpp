// The expansions of a word being typed or mistyped: its completions and the indexed words a typo away.
#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

#include "index/schema.h"
#include "query/query_translator.h"
#include "query/typo_distance.h"

namespace sonda::query {
namespace {

// A word still being typed: how many completions it matches, and at most the weight they share when the
// cut is a word of its own (the word itself has 1), times the completions' documents over theirs and the
// word's stems' together; each completion has its share of that by its documents.
constexpr size_t kTypingExpansionLimit = 20;
constexpr double kCompletionWeight = 0.6;
// Beside other words, the completions whose shared documents are counted are the first of this many.
constexpr size_t kContextCandidates = 40;
// The likeliest readings of a word being typed (itself, when a word, and a completion per stem; a stop word
// per form; then other forms of those words) whose best documents the first page shows.
constexpr size_t kPromotedReadings = 9;
// The word itself, its likeliest reading, is not promoted when its completions weigh less than this
// together: the ranking then follows the word's own (and its best is one ranked match fewer per search).
constexpr double kLeadingWordMass = 0.1;
// A word no document holds (or at most this many): up to this many words a typo away; a reading of it (one
// of them, or its own stems) weighs its documents over the likeliest reading's, a word a typo away that
// times this weight, below a word typed right.
constexpr size_t kTypoIfAtMostDocuments = 0;
constexpr size_t kTypoVariants = 4;
constexpr double kTypoWeight = 0.7;
// How much less likely a word two typos away is than one a single typo away, documents alike.
constexpr double kFartherTypoOdds = 0.1;

// True when `a` and `b` hold a stem in the same language.
bool share_a_stem(const std::map<std::string, std::set<std::string>>& a,
                  const std::map<std::string, std::set<std::string>>& b) {
  for (const auto& [lang, of_a] : a) {
    auto of_b = b.find(lang);
    if (of_b != b.end() && std::any_of(of_a.begin(), of_a.end(),
                                       [&](const std::string& stem) { return of_b->second.contains(stem); }))
      return true;
  }
  return false;
}

}  // namespace

const QueryTranslator::StemLanguages& QueryTranslator::stems_searched_as_typed(const analysis::Token& token) {
  static const StemLanguages kNone;
  if (is_stopword(token.folded) || lookup_.documents_with(token.folded) == 0) return kNone;
  return stem_languages(token);
}

size_t QueryTranslator::documents_in_context(const std::vector<std::string>& terms) {
  if (context_.empty()) {
    size_t documents = 0;
    for (const auto& term : terms) documents += lookup_.documents_with(term);
    return documents;
  }
  std::vector<std::vector<std::string>> groups = context_;
  groups.push_back(terms);
  return lookup_.documents_with_all(groups);
}

const QueryTranslator::KeptCompletions& QueryTranslator::kept_completions(const analysis::Token& token) {
  auto memo = completions_memo_.find(token.folded);
  if (memo != completions_memo_.end()) return memo->second;
  const std::string& folded = token.folded;
  KeptCompletions kept;
  const StemLanguages& seen = stems_searched_as_typed(token);
  size_t candidates = context_.empty() ? kTypingExpansionLimit : kContextCandidates;
  std::vector<size_t> shared;  // beside other words: the counts of the completions kept, in no order
  for (auto& completion : lookup_.completions(folded, candidates + 1)) {
    if (kept.words.size() >= candidates) break;
    if (completion.word == folded) continue;
    if (stems_cover(completion.word, seen)) {
      kept.own_forms.push_back(std::move(completion));
      continue;
    }
    if (!context_.empty()) {
      // A completion shares at most its own documents: once the kept share as many, the rest (no more
      // frequent) cannot displace them.
      if (shared.size() >= kTypingExpansionLimit) {
        std::nth_element(shared.begin(), shared.begin() + kTypingExpansionLimit - 1, shared.end(),
                         std::greater<>());
        if (shared[kTypingExpansionLimit - 1] >= completion.documents) break;
      }
      completion.documents = documents_in_context({completion.word});
      if (completion.documents == 0) continue;
      shared.push_back(completion.documents);
    }
    kept.words.push_back(std::move(completion));
  }
  // Beside the query's other words, a completion has the documents it shares with them: of the more
  // frequent candidates, those sharing most are kept.
  if (!context_.empty()) {
    std::stable_sort(kept.words.begin(), kept.words.end(),
                     [](const auto& a, const auto& b) { return a.documents > b.documents; });
    if (kept.words.size() > kTypingExpansionLimit) kept.words.resize(kTypingExpansionLimit);
  }
  for (const auto& completion : kept.words)
    kept.documents += static_cast<double>(std::max<size_t>(1, completion.documents));
  // A cut that is a word is finished as often as its own documents say against its completions'.
  if (lookup_.documents_with(folded) > 0) {
    std::vector<std::string> own_terms;
    for (const auto& [stem, langs] : seen) own_terms.push_back(std::string(index::kStemPrefix) + stem);
    if (seen.empty()) own_terms.push_back(folded);  // a stop word: itself
    kept.own = documents_in_context(own_terms);
    if (!kept.words.empty())
      kept.mass = kCompletionWeight * kept.documents / (kept.documents + static_cast<double>(kept.own));
  }
  return completions_memo_.emplace(folded, std::move(kept)).first->second;
}

bool QueryTranslator::reads_as_stopword(const analysis::Token& token, const std::string& reading) const {
  return is_stopword(reading == token.word ? token.folded : reading);
}

bool QueryTranslator::written_beginning_as_typed(const std::string& reading,
                                                 const analysis::Token& token) const {
  if (reading == token.word) return true;
  std::vector<std::string> forms = lookup_.accented_forms(reading);
  return std::any_of(forms.begin(), forms.end(),
                     [&](const std::string& form) { return form.starts_with(token.word); });
}

const std::vector<std::string>& QueryTranslator::likely_readings(const analysis::Token& token) {
  if (auto memo = readings_memo_.find(token.word); memo != readings_memo_.end()) return memo->second;
  struct Reading {
    std::string word;
    size_t documents;
  };
  StemsByLanguage seen;  // of the word as typed (when searched so) and of the distinct readings so far
  if (!stems_searched_as_typed(token).empty()) seen = stems_by_language(token);
  const KeptCompletions& kept = kept_completions(token);
  std::vector<Reading> readings, other_forms;
  for (const auto& [word, documents] : kept.own_forms) other_forms.push_back({word, documents});
  if (kept.own > 0) readings.push_back({token.word, kept.own});
  for (const auto& [word, documents] : kept.words) {
    if (!is_stopword(word)) {  // a stop word is searched as itself: each form is a reading of its own
      StemsByLanguage stems = stems_by_language(analysis::Token{word, word});
      if (share_a_stem(stems, seen)) {
        other_forms.push_back({word, documents});  // another form of a likelier reading
        continue;
      }
      for (auto& [lang, of_lang] : stems) seen[lang].merge(of_lang);
    }
    readings.push_back({word, documents});
  }
  auto likelier = [](const Reading& a, const Reading& b) { return a.documents > b.documents; };
  std::stable_sort(readings.begin(), readings.end(), likelier);
  // The words' other forms read after them, while the first page has room: a finished form ranks its own
  // holders first, which the stems the cut is searched through cannot tell apart.
  std::stable_sort(other_forms.begin(), other_forms.end(), likelier);
  std::move(other_forms.begin(), other_forms.end(), std::back_inserter(readings));
  // Typed with accents, the word reads first as the words documents write beginning so (`problèm`: problème
  // before problema), as a finished word's exact accents rank first.
  if (token.word != token.folded)
    std::stable_partition(readings.begin(), readings.end(), [&](const Reading& reading) {
      return written_beginning_as_typed(reading.word, token);
    });
  // Beside content words, a stop word finished is dropped: all its readings are one, the likeliest.
  if (cut_beside_content_) {
    bool stop_word_read = false;
    std::erase_if(readings, [&](const Reading& reading) {
      if (!reads_as_stopword(token, reading.word)) return false;
      return std::exchange(stop_word_read, true);
    });
  }
  if (readings.size() > kPromotedReadings) readings.resize(kPromotedReadings);
  std::vector<std::string> words;
  for (Reading& reading : readings) words.push_back(std::move(reading.word));
  return readings_memo_.emplace(token.word, std::move(words)).first->second;
}

std::vector<std::string> QueryTranslator::promoted_readings(const analysis::Token& token) {
  std::vector<std::string> readings = likely_readings(token);  // a copy: the front may go
  // Read most likely as itself, with completions weighing little, the word ranks its own best first.
  if (!readings.empty() && readings.front() == token.word && kept_completions(token).mass < kLeadingWordMass)
    readings.erase(readings.begin());
  return readings;
}

bool QueryTranslator::likeliest_reading_is_stopword(const analysis::Token& token) {
  const std::vector<std::string>& readings = likely_readings(token);
  return !readings.empty() && reads_as_stopword(token, readings.front());
}

std::vector<std::pair<std::string, double>> QueryTranslator::completion_terms(const analysis::Token& token,
                                                                              bool through_stems) {
  std::vector<std::pair<std::string, double>> terms;
  const std::string& folded = token.folded;
  if (folded.size() < 2) return terms;
  // Those of the word itself, when it is one: the exact word's query has them (in the languages it is read
  // in: a completion reaching one in another language still weighs it).
  const StemLanguages& seen = stems_searched_as_typed(token);
  auto matched_already = [&](const std::string& word, const std::string& stem) {
    auto own = seen.find(stem);
    if (own == seen.end()) return false;
    const std::set<std::string>& left_out = languages_left_out(*own);
    return std::none_of(langs_.begin(), langs_.end(), [&](const std::string& lang) {
      return left_out.contains(lang) && analyzer_.stem(word, lang) == stem;
    });
  };
  const KeptCompletions& kept = kept_completions(token);
  // A term weighs the probability that the word typed is one reaching it: the documents of its completions
  // over those of all the completions kept.
  std::map<std::string, size_t> at;
  for (const auto& [word, documents] : kept.words) {
    double weight = kept.mass * static_cast<double>(std::max<size_t>(1, documents)) / kept.documents;
    std::set<std::string> reached;
    if (!through_stems || is_stopword(word))  // a stop word is indexed as itself, without stems
      reached.insert(word);
    else
      for (const std::string& stem : stems_of(analysis::Token{word, word}))  // every form of the completion
        if (!matched_already(word, stem)) reached.insert(std::string(index::kStemPrefix) + stem);
    for (const std::string& term : reached) {
      auto [it, fresh] = at.emplace(term, terms.size());
      if (fresh) terms.emplace_back(term, 0.0);
      terms[it->second].second = std::min(kept.mass, terms[it->second].second + weight);
    }
  }
  return terms;
}

std::vector<Xapian::Query> QueryTranslator::completions_of(const analysis::Token& token, bool positive,
                                                           bool through_stems) {
  std::vector<Xapian::Query> out;
  std::vector<std::string> searched;
  for (const auto& [term, weight] : completion_terms(token, through_stems)) {
    out.push_back(weight < 1.0 ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), weight)
                               : Xapian::Query(term));
    searched.push_back(term);
  }
  if (positive && !out.empty()) {
    out_.highlight.prefix_terms.resize(out_.highlight.prefixes.size());
    out_.highlight.prefixes.push_back(token.folded);
    out_.highlight.prefix_terms.push_back(std::move(searched));
  }
  return out;
}

// A word still being typed with no reading to raise (none of its completions is another word) stands for
// itself, when it is a word.
Xapian::Query QueryTranslator::unfinished_proximity_term(const analysis::Token& token) {
  std::set<std::string> stems;
  for (const auto& [stem, langs] : stems_searched_as_typed(token)) stems.insert(stem);
  return any_stem_query(stems, Xapian::Query::OP_OR);  // none: MatchNothing
}

// A finished word stands for its stems and, when no document holds it, those of the words a typo away.
Xapian::Query QueryTranslator::finished_proximity_term(const analysis::Token& token) {
  std::set<std::string> stems = stems_of(token);
  for (const std::string& variant : typo_candidates(token))
    if (!is_stopword(variant))
      stems.merge(std::set<std::string>(stems_of(analysis::Token{variant, variant})));
  return any_stem_query(stems, Xapian::Query::OP_OR);
}

const std::vector<std::string>& QueryTranslator::typo_candidates(const analysis::Token& token) {
  static const std::vector<std::string> kNone;
  if (!typo_tolerance_) return kNone;
  if (auto known = typos_memo_.find(token.folded); known != typos_memo_.end()) return known->second;
  std::vector<std::string> found;
  int budget = typo_budget(code_points(token.folded).size());
  bool digits =
      std::any_of(token.folded.begin(), token.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (budget > 0 && !digits && lookup_.documents_with(token.folded) <= kTypoIfAtMostDocuments)
    found = lookup_.similar_words(token.folded, budget, kTypoVariants);
  return typos_memo_.emplace(token.folded, std::move(found)).first->second;
}

std::optional<std::string> QueryTranslator::stopword_typo(const analysis::Token& token, bool positive) {
  if (!positive || is_stopword(token.folded)) return std::nullopt;
  const std::vector<std::string>& candidates = typo_candidates(token);
  if (candidates.empty() || !is_stopword(candidates.front())) return std::nullopt;
  return candidates.front();
}

QueryTranslator::TypoReadings QueryTranslator::typo_variants(const analysis::Token& token,
                                                             const std::string& typed,
                                                             const StemLanguages& stems, bool positive) {
  TypoReadings out;
  if (!positive) return out;
  const std::vector<std::string>& candidates = typo_candidates(token);
  if (candidates.empty()) return out;
  // The word as typed is no word of the index: its own stems (an inflection no document uses; a stem reached
  // by chance, "travali" → "traval" as "travaux", no longer comes: stems_of) are one more reading beside the
  // candidates, the likeliest by documents weighing most.
  double own = 0;
  for (const auto& [stem, langs] : stems)
    own += static_cast<double>(lookup_.documents_with(std::string(index::kStemPrefix) + stem));
  std::vector<std::pair<std::string, double>> variants;  // with their documents
  double top = std::max(1.0, own);
  std::u32string typed_points = code_points(token.folded);
  for (const std::string& variant : candidates) {
    if (stems_cover(variant, stems)) continue;  // another form of the word: its stems match it already
    double documents_of_variant = static_cast<double>(std::max<size_t>(1, lookup_.documents_with(variant)));
    if (typo_distance(typed_points, code_points(variant), 1) > 1) documents_of_variant *= kFartherTypoOdds;
    top = std::max(top, documents_of_variant);
    variants.emplace_back(variant, documents_of_variant);
  }
  out.own_weight = own / top;
  if (out_.corrected_word.empty() && !variants.empty()) {  // the first word corrected: its readings
    out_.corrected_word = typed;
    std::vector<std::pair<std::string, double>> likeliest = variants;
    std::stable_sort(likeliest.begin(), likeliest.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& variant : likeliest) out_.corrected_readings.push_back(variant.first);
  }
  for (const auto& [variant, documents_of_variant] : variants) {
    double weight = kTypoWeight * documents_of_variant / top;
    if (is_stopword(variant)) {  // indexed as itself, without stems
      out.variants.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(variant), weight);
      out_.highlight.words.insert(variant);
      out_.highlight.searched_words.insert(variant);
    } else {
      const std::set<std::string>& variant_stems = stems_of(analysis::Token{variant, variant});
      out.variants.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                any_stem_query(variant_stems, Xapian::Query::OP_SYNONYM), weight);
      out_.highlight.stems.insert(variant_stems.begin(), variant_stems.end());
    }
    out_.corrections.emplace(typed, variant);
  }
  return out;
}

}  // namespace sonda::query

// Binds a QueryNode tree to the index schema: analysed words → stems with accents restored → Xapian::Query.
#pragma once

#include <xapian.h>

#include <algorithm>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query_node.h"
#include "query/synonyms.h"
#include "query/term_lookup.h"
#include "translate/lexicon.h"

namespace sonda::query {

// What a snippet must mark: folded words (phrases, exact forms), folded stems, and word prefixes.
struct HighlightTerms {
  std::set<std::string> words;
  std::set<std::string> stems;
  std::vector<std::string> prefixes;
  // For each prefix that is a word being typed, the index terms its completions were searched as (stems
  // with their prefix, or words); empty for a `word*` prefix.
  std::vector<std::vector<std::string>> prefix_terms;
  // The words the query searches as themselves (phrase words, stop words); the other words are searched
  // through their stems, whose positions already cover theirs.
  std::set<std::string> searched_words;

  // False when `folded` (a folded word) cannot stem to any of `stems`: a stem begins as its word's folded
  // form does, at least in its first two bytes ("chevaux" / "cheval", "châtiments" / "chat"), so a word
  // beginning otherwise need not be stemmed.
  bool may_stem_to_one(std::string_view folded) const {
    return std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) {
      return folded.starts_with(std::string_view(stem).substr(0, kStemHeadBytes));
    });
  }
  static constexpr size_t kStemHeadBytes = 2;
};

// Whether every query word must match (the default) or any (the relaxed retry when nothing matches all).
enum class MatchMode { all, any };

// The translated query and what came out of analysing it.
struct Translation {
  Xapian::Query query;
  // `query` without its proximity clause (the clause only adds weight: both match the same documents).
  Xapian::Query without_proximity;
  HighlightTerms highlight;
  std::vector<std::string> words;  // positive plain words as typed, in order (for "did you mean")
  size_t positive_terms = 0;       // words, phrases and prefixes that must (or may) match
  bool browse = false;             // no positive term: every document matches
  // Words typed that no document holds, matched through indexed words a typo away: typed → folded word.
  std::map<std::string, std::string> corrections;
  // With a lexicon: words typed → the other language's words they also match, in order.
  std::map<std::string, std::vector<std::string>> translations;
  // The plain word still being typed: its likeliest readings, likeliest first, whose best hits the first
  // page shows: the word itself as typed, when a word (not when it is the likeliest and its completions weigh
  // under 0.1), and completions (folded), one per stem (a stop word, searched as itself, per form; beside
  // content words, where a finished stop word is dropped, the likeliest stop word only), then the other forms
  // of those words and of the word itself; typed with accents, the words written beginning so first.
  std::vector<std::string> readings;
  // That word as typed (lowercase): a completion read is written as documents write it beginning so.
  std::string typed_word;
  // The first plain word typed that no document holds and that matches words a typo away: as typed, and
  // those words (folded), likeliest first, whose best hits the first page shows too.
  std::string corrected_word;
  std::vector<std::string> corrected_readings;
};

// Translates query trees for a set of analysis languages ({"fr"}, {"es"} or both).
class QueryTranslator {
 public:
  QueryTranslator(analysis::Analyzer& analyzer, const TermLookup& lookup, std::vector<std::string> langs)
      : analyzer_(analyzer), lookup_(lookup), langs_(std::move(langs)) {}

  Translation translate(const QueryNode& root, MatchMode mode);

  // How the proximity clause ranks: documents holding the query's words within their count plus `slack`
  // positions gain the NEAR match's weight times `weight` (2 and 1 by default; weight 0 drops the clause).
  void set_proximity(Xapian::termpos slack, double weight) {
    proximity_slack_ = slack;
    proximity_weight_ = weight;
  }

  // In a query any of whose words may match, a finished word's own form (the folded word: accents and case
  // aside, its other forms not) also adds its weight times `weight` beside its stems' (0, the default: not).
  void set_exact_word_weight(double weight) { exact_word_weight_ = weight; }

  // The languages the searched documents may be written in (French and Spanish by default; one with a
  // `lang` filter). A stem one language's stemmer reaches from a query word matches no document of another
  // (the French stem `educ` of `education` is the Spanish one of `educación`): that is a translation's match.
  // Only stems the other language's documents hold are so restricted.
  void set_document_languages(std::vector<std::string> langs) { document_langs_ = std::move(langs); }

  // Whether a word no document holds also matches indexed words one or two typos away (on by default).
  void set_typo_tolerance(bool on) { typo_tolerance_ = on; }

  // Synonym groups whose other terms a query's words and phrases also match (none by default); must
  // outlive the translations.
  void set_synonyms(const Synonyms* synonyms) { synonyms_ = synonyms; }

  // With a lexicon, each word read in a language of the translator also matches its translations into the
  // other language, through that language's stems (none by default); it must outlive the translations.
  void set_lexicon(const translate::Lexicon* lexicon) { lexicon_ = lexicon; }

 private:
  // Stems, each with the languages whose stemmer reached it from a word.
  using StemLanguages = std::map<std::string, std::set<std::string>>;
  std::optional<Xapian::Query> node(const QueryNode& node, bool positive);
  std::optional<Xapian::Query> group(const QueryNode& node, bool positive);
  std::optional<Xapian::Query> word(std::string_view text, std::string_view stem_prefix,
                                    std::string_view word_prefix, bool positive, bool unfinished = false);
  std::optional<Xapian::Query> phrase(const std::vector<analysis::Token>& tokens,
                                      std::string_view word_prefix, bool positive, bool unfinished = false);
  // The indexed words that complete a word still being typed (itself, stop words and words of its own stem
  // left out), each weighted below the word itself and the more frequent completions; empty when none.
  // `through_stems`: each completion by its stems (every form of it), else as the word itself (phrases).
  std::vector<Xapian::Query> completions_of(const analysis::Token& token, bool positive, bool through_stems);
  // The stems the word being typed is searched through as typed: none when it is no word or a stop word
  // (searched as itself), so its completions of the same stems are not left out.
  const StemLanguages& stems_searched_as_typed(const analysis::Token& token);
  // The documents holding one of `terms`, and when the query has other finished words, one of each's stems
  // too (the documents a completion of the word being typed shares with them).
  size_t documents_in_context(const std::vector<std::string>& terms);
  // The completions a word being typed is matched through (memoized per folded word), most frequent first
  // (beside the query's other words, by the documents shared with them; those sharing none left out), and
  // the weight they share.
  struct KeptCompletions {
    std::vector<TermLookup::Completion> words;
    double documents = 0;  // theirs, each counting at least one
    double mass = 1;       // below 1 when the cut is a word of its own, by how likely it is unfinished
    size_t own = 0;        // the cut's own documents (its stems' beside the other words), when a word
    // The completions that are forms of the cut's own word (searched through its stems), most documents
    // first.
    std::vector<TermLookup::Completion> own_forms;
  };
  const KeptCompletions& kept_completions(const analysis::Token& token);
  // Its likeliest readings (Translation::readings), memoized per word as typed.
  const std::vector<std::string>& likely_readings(const analysis::Token& token);
  // True when `reading` (folded, or the word itself) is written by documents beginning as the token was
  // typed.
  bool written_beginning_as_typed(const std::string& reading, const analysis::Token& token) const;
  // True when `reading`, one of the token's readings, is a stop word (the word itself judged folded).
  bool reads_as_stopword(const analysis::Token& token, const std::string& reading) const;
  // Those whose best hits the first page shows (Translation::readings): the word itself left out when it is
  // the likeliest and its completions weigh little.
  std::vector<std::string> promoted_readings(const analysis::Token& token);
  // True when the likeliest reading of a word being typed is a stop word.
  bool likeliest_reading_is_stopword(const analysis::Token& token);
  // The terms of those completions with their weights, in the order of the completions.
  std::vector<std::pair<std::string, double>> completion_terms(const analysis::Token& token,
                                                               bool through_stems);
  // What the proximity clause counts for a word still being typed with no reading to raise (with readings,
  // the query has no proximity clause): its stems, when it is a word.
  Xapian::Query unfinished_proximity_term(const analysis::Token& token);
  // True when `stems` (with the languages reaching them) match every document holding `word`: its stem in
  // each language read is one of them, matching that language's documents (a French stem of a Spanish word
  // matching no Spanish document's term).
  bool stems_cover(const std::string& word, const StemLanguages& stems);
  // The other terms of the synonym groups holding `term` (folded words), each as a word (through its
  // stems) or a phrase, weighted below the words typed.
  std::vector<Xapian::Query> synonyms_of(const std::string& term, bool positive);
  // The facet terms of the entities `name` stands for (a gazetteer name of three letters or more, typed
  // positively); none otherwise.
  std::vector<std::string> entity_terms_of(std::string_view name, bool positive) const;
  // The documents tagged with `entity_terms`, each at a fixed weight, as a word match would weigh; only
  // those `typed` (the words' own query) does not match: those keep their ranking.
  std::vector<Xapian::Query> names_of(const std::vector<std::string>& entity_terms,
                                      const Xapian::Query& typed);
  // Runs of plain words in `node`'s children that are a multi-word synonym term, name or translated unit,
  // from child `start`.
  std::optional<Xapian::Query> synonym_run(const QueryNode& node, size_t start, size_t& length,
                                           bool positive);
  // The translations of `words` (one word, or a run of them) into the other language of each language they
  // are read in, each a word (through its stems) or a phrase, weighted below every match in its own
  // language; a one-word translation whose stem the words match in every document language (`matched`:
  // their stems with the languages reaching them) adds nothing.
  std::vector<Xapian::Query> translations_of(std::string_view words, const std::string& typed,
                                             const StemLanguages& matched, bool positive);
  // The proximity clause's term for a finished word: its stems, and its typo candidates' when it has some.
  Xapian::Query finished_proximity_term(const analysis::Token& token);
  // For a word of five letters or more that no document holds (digits never): the indexed words one or two
  // typos away, the nearest and most frequent first (memoized per folded word); none without typo tolerance.
  const std::vector<std::string>& typo_candidates(const analysis::Token& token);
  // The stop word a positive word no document holds most likely misspells, if its likeliest spelling is one.
  std::optional<std::string> stopword_typo(const analysis::Token& token, bool positive);
  // The readings of a word no document holds: its candidates as queries (stems, or a stop word as itself)
  // and the word's own stems, each weighted by its documents over those of the likeliest reading.
  struct TypoReadings {
    std::vector<Xapian::Query> variants;
    double own_weight = 1;  // of the word's own stems (an inflection no document uses)
  };
  TypoReadings typo_variants(const analysis::Token& token, const std::string& typed,
                             const StemLanguages& stems, bool positive);
  std::optional<Xapian::Query> prefix(std::string_view text, bool positive);
  std::optional<Xapian::Query> scope(const QueryNode& node, bool positive);
  std::vector<analysis::Token> tokens_of(std::string_view text);
  // The stems a word reaches (accents restored), remembered for the translator's lifetime: the
  // proximity clause and the relaxed retry ask again for the same words.
  const std::set<std::string>& stems_of(const analysis::Token& token);
  // Each of those stems with the languages whose stemmer reaches it from one of the word's spellings.
  const StemLanguages& stem_languages(const analysis::Token& token);
  // The stems of a word's spellings in each language read; stems_of keeps, for a word no document holds,
  // only those that stand for it (stem_stands_for).
  std::set<std::string> stems_of_spellings(const analysis::Token& token) const;
  // For a word no document holds, true when `stem` stands for it: the index holds a word going on from the
  // stem as it does (the same next letter) or, when it ends within a few letters of the stem, one ending so
  // too ("corporelles" → "corporels"); false for a stem reached by chance ("châtiments" → "chat", the stem of
  // "chats"), whose documents hold none of its forms.
  bool stem_stands_for(const std::string& folded, const std::string& stem);
  // A word's spellings that reach its stems: as typed, folded and as documents write it (so typed with or
  // without accents, a word reaches the same stems).
  std::set<std::string> spellings(const analysis::Token& token) const;
  // Stems of words, each language's apart: one language's stem of a word may be another's of an unrelated
  // word (the French stem of `casi` is the Spanish one of `caso`).
  using StemsByLanguage = std::map<std::string, std::set<std::string>>;
  // The analysis languages a word is read in: those whose documents hold it (every one when the index has
  // one language, or no document holds the word).
  std::vector<std::string> languages_reading(const analysis::Token& token);
  // The stems of `token`'s spellings in each language reading it.
  StemsByLanguage stems_by_language(const analysis::Token& token);
  // The stems as one term (OP_SYNONYM), each matching only the documents of the languages reaching it.
  Xapian::Query stem_query(const StemLanguages& stems, std::string_view stem_prefix);
  // The stems joined by `op`, whatever the documents' language (OP_OR: what OP_NEAR takes).
  static Xapian::Query any_stem_query(const std::set<std::string>& stems, Xapian::Query::op op);
  // True when documents of `lang` hold `folded` (a word), or the index has none of that language.
  bool language_holds(const std::string& lang, const std::string& folded);
  static std::string language_term(const std::string& lang);
  // `match` matching no document of the languages `left_out`: AND_NOT their language terms, or, over an
  // index of the document languages only, FILTER by the others' when those are fewer documents.
  Xapian::Query restricted(const Xapian::Query& match, const std::set<std::string>& left_out);
  // The document languages a stem's match leaves out (`reached`: the stem and the languages reaching it from
  // a word): those reaching it from no spelling of the word whose documents hold it (an unrelated word of
  // theirs: `relato`, for the French stem `relat` of `relation`); memoized.
  const std::set<std::string>& languages_left_out(const StemLanguages::value_type& reached);
  bool is_stopword(std::string_view folded) const;
  // A run of words typed as one (`qu'est-ce`, `appelle-t-on`, `états-unis`) loses the stop words at its
  // ends, as a query's own stop words are dropped: none left, it is dropped; one, it is a plain word.
  void trim_stopwords(std::vector<analysis::Token>& tokens) const;
  bool has_content_word(const QueryNode& node);
  // True for a stop word, and for a finished plain word (one of `tokens` tokens) that misspells one.
  bool reads_as_stopword(const QueryNode& word, size_t tokens, const analysis::Token& token);
  std::optional<Xapian::Query> proximity(const QueryNode& root);
  // With every word required, the top level's finished content words, each as its stem terms (none else).
  std::vector<std::vector<std::string>> finished_words(const QueryNode& root, MatchMode mode);

  analysis::Analyzer& analyzer_;
  const TermLookup& lookup_;
  std::vector<std::string> langs_;
  std::vector<std::string> document_langs_ = {"fr", "es"};
  MatchMode mode_ = MatchMode::all;
  bool drop_stopwords_ = true;
  bool typo_tolerance_ = true;
  Xapian::termpos proximity_slack_ = 2;
  double proximity_weight_ = 1.0;
  double exact_word_weight_ = 0.0;
  const Synonyms* synonyms_ = nullptr;
  const translate::Lexicon* lexicon_ = nullptr;
  Translation out_;
  std::map<std::string, std::set<std::string>> stems_memo_;
  std::map<std::string, StemLanguages> stem_languages_memo_;
  std::map<StemLanguages::value_type, std::set<std::string>> left_out_memo_;
  std::map<std::string, KeptCompletions> completions_memo_;
  std::map<std::string, std::vector<std::string>> readings_memo_;
  // The finished content words of the query, each as its stem terms: what a completion must stand beside.
  std::vector<std::vector<std::string>> context_;
  // The word being typed is one of the top level's required words, beside finished content words.
  bool cut_beside_content_ = false;
  std::map<std::string, std::vector<std::string>> typos_memo_;
};

}  // namespace sonda::query

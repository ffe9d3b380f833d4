// Binds a QueryNode tree to the index schema: analysed words → stems with accents restored → Xapian::Query.
#include "query/query_translator.h"

#include <algorithm>

#include "analysis/stopwords.h"
#include "analysis/text_cleaner.h"
#include "index/schema.h"
#include "query/match_all.h"
#include "query/typo_distance.h"
#include "util/strings.h"

namespace sonda::query {
namespace {

using Kind = QueryNode::Kind;
constexpr Xapian::termcount kPrefixExpansionLimit = 100;
// The weight of a synonym's match, below the words typed, their completions and typo variants.
constexpr double kSynonymWeight = 0.35;
// What a document tagged with an entity the query names gets, as a word match of average weight would.
constexpr double kNameWeight = 1.0;
// What a document holding a word typed with accents exactly as typed gets over one matching it only through
// folding (año above ano).
constexpr double kExactAccentWeight = 0.2;
constexpr size_t kMinNameBytes = 3;
// A word no document holds stands for a stem's other words when both end this close to the stem (an
// inflection: "corporelles", "corporels"); the words beginning as the stem looked at for one, most common
// first.
constexpr size_t kInflectionLetters = 3;
constexpr size_t kStemFamilyWords = 64;
// A translation's match, below the query's own words and everything they expand to.
constexpr double kTranslationWeight = 0.3;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

std::vector<analysis::Token> QueryTranslator::tokens_of(std::string_view text) {
  return analyzer_.tokens(analysis::clean_text(text));
}

bool QueryTranslator::is_stopword(std::string_view folded) const {
  for (const auto& lang : langs_)
    if (analysis::is_stopword(folded, lang)) return true;
  return false;
}

bool QueryTranslator::has_content_word(const QueryNode& node) {
  if (node.kind == Kind::word) {
    auto tokens = tokens_of(node.text);
    for (const auto& token : tokens)
      if (!reads_as_stopword(node, tokens.size(), token)) return true;
  }
  if (node.kind == Kind::phrase || node.kind == Kind::prefix) return true;
  if (node.kind == Kind::exclude) return false;
  for (const auto& child : node.children)
    if (has_content_word(child)) return true;
  return false;
}

bool QueryTranslator::reads_as_stopword(const QueryNode& word, size_t tokens, const analysis::Token& token) {
  if (is_stopword(token.folded)) return true;
  return tokens == 1 && !word.unfinished && stopword_typo(token, true);
}

// True when `word` reaches one of `stems` in some analysis language: the stem query matches it already. A
// stop word never does: it is indexed as itself, without stems.
bool QueryTranslator::stems_cover(const std::string& word, const StemLanguages& stems) {
  if (is_stopword(word)) return false;
  for (const auto& lang : langs_) {
    auto stem = stems.find(analyzer_.stem(word, lang));
    if (stem == stems.end() || languages_left_out(*stem).contains(lang)) return false;
  }
  return true;
}

void QueryTranslator::trim_stopwords(std::vector<analysis::Token>& tokens) const {
  auto content = [&](const analysis::Token& token) { return !is_stopword(token.folded); };
  auto first = std::find_if(tokens.begin(), tokens.end(), content);
  auto last = std::find_if(tokens.rbegin(), tokens.rend(), content).base();
  if (first >= last) {
    tokens.clear();
    return;
  }
  tokens = std::vector<analysis::Token>(first, last);
}

std::optional<Xapian::Query> QueryTranslator::word(std::string_view text, std::string_view stem_prefix,
                                                   std::string_view word_prefix, bool positive,
                                                   bool unfinished) {
  auto tokens = tokens_of(text);
  size_t typed = tokens.size();
  if (typed > 1 && !unfinished && drop_stopwords_) trim_stopwords(tokens);
  if (tokens.empty()) return std::nullopt;
  if (tokens.size() > 1) return phrase(tokens, word_prefix, positive, unfinished);
  analysis::Token token = tokens.front();
  if (typed > 1) text = token.word;  // the one word left of a run
  // A word no document holds whose likeliest spelling is a stop word stands for that stop word ("losque").
  if (auto stop_word = word_prefix.empty() && !unfinished ? stopword_typo(token, positive) : std::nullopt) {
    out_.corrections.emplace(std::string(text), *stop_word);
    token = analysis::Token{*stop_word, *stop_word};
    text = token.word;
  }
  bool stop = is_stopword(token.folded);
  if (unfinished && word_prefix.empty()) {
    std::vector<Xapian::Query> completions = completions_of(token, positive, true);
    if (!completions.empty()) {
      // The stems of a cut that is no word of its own match words it does not start ("travai" → "trav").
      std::optional<Xapian::Query> exact;
      if (lookup_.documents_with(token.folded) > 0)
        exact = word(text, stem_prefix, word_prefix, positive, false).value_or(Xapian::Query(token.folded));
      if (!exact && positive) ++out_.positive_terms;
      if (exact) completions.insert(completions.begin(), *exact);  // stop word too
      if (positive) {
        out_.readings = promoted_readings(token);
        out_.typed_word = token.word;
      }
      // Read most likely as a stop word, the cut is dropped as that word would be: it ranks as itself (when a
      // word), never restricts, and its completions reach the first page through their readings' bests.
      if (positive && cut_beside_content_ && likeliest_reading_is_stopword(token)) {
        completions.resize(exact ? 1 : 0);
        completions.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, match_all(), 0.0);
      }
      return combine(Xapian::Query::OP_OR, completions);
    }
  }
  if (stop && drop_stopwords_) return std::nullopt;
  if (positive) {
    out_.words.emplace_back(text);
    out_.highlight.words.insert(token.folded);
    ++out_.positive_terms;
  }
  if (stop) {
    if (positive) out_.highlight.searched_words.insert(token.folded);
    return Xapian::Query(std::string(word_prefix) + token.folded);
  }
  const std::set<std::string>& stems = stems_of(token);
  const StemLanguages& reached = stem_languages(token);
  if (positive) out_.highlight.stems.insert(stems.begin(), stems.end());
  Xapian::Query exact = stem_query(reached, stem_prefix);
  if (!word_prefix.empty()) return exact;
  if (positive && mode_ == MatchMode::any && exact_word_weight_ > 0)  // the form asked above its other forms
    exact = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, exact,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(token.folded), exact_word_weight_));
  if (token.word != token.folded && positive) {  // typed with accents: that form first
    std::string form =
        std::string(index::kAccentPrefix) + token.folded + index::kAccentSeparator + token.word;
    Xapian::Query weight((new Xapian::FixedWeightPostingSource(kExactAccentWeight))->release());
    exact = Xapian::Query(Xapian::Query::OP_AND_MAYBE, exact,
                          Xapian::Query(Xapian::Query::OP_FILTER, weight, Xapian::Query(form)));
  }
  TypoReadings typos = typo_variants(token, std::string(text), reached, positive);
  std::vector<Xapian::Query> variants = std::move(typos.variants);
  bool own_stems_held = typos.own_weight > 0 || variants.empty();
  if (own_stems_held && typos.own_weight < 1)
    exact = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, typos.own_weight);
  for (auto& synonym : synonyms_of(token.folded, positive)) variants.push_back(std::move(synonym));
  // (its own query again: one holding a posting source must not stand twice in a query tree)
  for (auto& name : names_of(entity_terms_of(text, positive), stem_query(reached, stem_prefix)))
    variants.push_back(std::move(name));
  for (auto& other : translations_of(token.word, std::string(text), reached, positive))
    variants.push_back(std::move(other));
  if (variants.empty()) return exact;
  if (own_stems_held) variants.insert(variants.begin(), exact);
  return combine(Xapian::Query::OP_OR, variants);
}

std::vector<Xapian::Query> QueryTranslator::synonyms_of(const std::string& term, bool positive) {
  std::vector<Xapian::Query> out;
  if (!synonyms_ || !positive) return out;
  for (const std::string& other : synonyms_->alternatives(term, langs_)) {
    std::vector<std::string> words = split_trimmed(other, ' ');
    Xapian::Query match;
    if (words.size() == 1) {
      analysis::Token token{words.front(), words.front()};
      const std::set<std::string>& stems = stems_of(token);
      out_.highlight.stems.insert(stems.begin(), stems.end());
      match = stem_query(stem_languages(token), index::kStemPrefix);
    } else {
      std::vector<Xapian::Query> terms(words.begin(), words.end());
      for (const auto& word : words)
        out_.highlight.words.insert(word), out_.highlight.searched_words.insert(word);
      match = Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    }
    out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, match, kSynonymWeight);
  }
  return out;
}

std::vector<std::string> QueryTranslator::entity_terms_of(std::string_view name, bool positive) const {
  if (!positive || name.size() < kMinNameBytes) return {};
  return lookup_.entity_terms(name);
}

std::vector<Xapian::Query> QueryTranslator::names_of(const std::vector<std::string>& entity_terms,
                                                     const Xapian::Query& typed) {
  std::vector<Xapian::Query> out;
  for (const std::string& term : entity_terms) {
    Xapian::Query weight((new Xapian::FixedWeightPostingSource(kNameWeight))->release());
    out.emplace_back(Xapian::Query::OP_AND_NOT,
                     Xapian::Query(Xapian::Query::OP_FILTER, weight, Xapian::Query(term)), typed);
  }
  return out;
}

std::optional<Xapian::Query> QueryTranslator::synonym_run(const QueryNode& node, size_t start, size_t& length,
                                                          bool positive) {
  constexpr size_t kLongestName = 6;  // words of the longest gazetteer name looked for
  size_t longest = std::max(synonyms_ ? synonyms_->longest_term() : 0, kLongestName);
  std::vector<std::string> words, typed;
  for (size_t i = start; i < node.children.size() && words.size() < longest; ++i) {
    const QueryNode& child = node.children[i];
    if (child.kind != Kind::word) break;
    auto tokens = tokens_of(child.text);
    if (tokens.size() != 1) break;
    words.push_back(tokens.front().folded);
    typed.push_back(child.text);
  }
  for (size_t count = words.size(); count >= 2; --count) {
    std::vector<std::string> run(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(count));
    std::vector<Xapian::Query> alternatives = synonyms_of(join(run, " "), positive);
    std::vector<std::string> typed_run(typed.begin(), typed.begin() + static_cast<std::ptrdiff_t>(count));
    std::string typed_text = join(typed_run, " ");
    for (auto& unit : translations_of(typed_text, typed_text, {}, positive))
      alternatives.push_back(std::move(unit));
    std::vector<std::string> entities = entity_terms_of(typed_text, positive);
    if (alternatives.empty() && entities.empty()) continue;
    std::vector<Xapian::Query> typed_words;
    for (size_t i = start; i < start + count; ++i)
      if (auto q = this->node(node.children[i], positive)) typed_words.push_back(*q);
    Xapian::Query typed_query = combine(Xapian::Query::OP_AND, typed_words);
    // The same words again, without their bonuses: a query holding a posting source must not stand twice
    // in a query tree (both places would move one source).
    std::vector<Xapian::Query> plain_words;
    for (size_t i = start; i < start + count; ++i)
      if (auto q = this->node(node.children[i], false)) plain_words.push_back(*q);
    for (auto& name : names_of(entities, combine(Xapian::Query::OP_AND, plain_words)))
      alternatives.push_back(std::move(name));
    if (alternatives.empty()) continue;
    alternatives.insert(alternatives.begin(), typed_query);
    length = count;
    return combine(Xapian::Query::OP_OR, alternatives);
  }
  return std::nullopt;
}

std::vector<Xapian::Query> QueryTranslator::translations_of(std::string_view words, const std::string& typed,
                                                            const StemLanguages& matched, bool positive) {
  std::vector<Xapian::Query> out;
  if (!lexicon_ || !positive) return out;
  std::set<std::string> seen;  // one-word translations' stems
  for (const std::string& from : langs_) {
    std::string to = translate::other_language(from);
    for (const std::string& lemma : lexicon_->translate(words, from)) {
      std::vector<Xapian::Query> words;
      std::vector<std::string> stems;
      for (const auto& word : tokens_of(lemma)) {
        stems.push_back(analyzer_.stem(word.word, to));
        words.emplace_back(std::string(index::kStemPrefix) + stems.back());
      }
      if (words.empty()) continue;
      if (words.size() == 1) {
        auto own = matched.find(stems.front());
        bool matched_in_target = own != matched.end() && languages_left_out(*own).empty();
        if (matched_in_target || !seen.insert(stems.front()).second) continue;
      }
      Xapian::Query match = words.size() == 1 ? words.front()
                                              : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(),
                                                              words.end(), words.size());
      out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, match, kTranslationWeight);
      out_.highlight.stems.insert(stems.begin(), stems.end());
      auto& listed = out_.translations[typed];
      if (std::find(listed.begin(), listed.end(), lemma) == listed.end()) listed.push_back(lemma);
    }
  }
  return out;
}

std::set<std::string> QueryTranslator::spellings(const analysis::Token& token) const {
  std::set<std::string> forms = {token.word, token.folded};
  for (auto& form : lookup_.accented_forms(token.folded)) forms.insert(std::move(form));
  return forms;
}

const std::set<std::string>& QueryTranslator::stems_of(const analysis::Token& token) {
  auto key = token.word;
  if (auto known = stems_memo_.find(key); known != stems_memo_.end()) return known->second;
  std::set<std::string> stems = stems_of_spellings(token);
  if (lookup_.documents_with(token.folded) == 0)
    std::erase_if(stems, [&](const std::string& stem) { return !stem_stands_for(token.folded, stem); });
  return stems_memo_.emplace(std::move(key), std::move(stems)).first->second;
}

const QueryTranslator::StemLanguages& QueryTranslator::stem_languages(const analysis::Token& token) {
  if (auto known = stem_languages_memo_.find(token.word); known != stem_languages_memo_.end())
    return known->second;
  const std::set<std::string>& stems = stems_of(token);
  StemLanguages reached;
  for (const auto& form : spellings(token))
    for (const auto& lang : langs_)
      if (std::string stem = analyzer_.stem(form, lang); stems.contains(stem)) reached[stem].insert(lang);
  // A stem both languages reach from a word the index holds (`determin`, French of `déterminer`, Spanish of
  // `determinadas`) stands for it in those whose documents hold the word.
  if (document_langs_.size() > 1 && lookup_.documents_with(token.folded) > 0)
    for (auto& [stem, langs] : reached) {
      if (langs.size() < 2) continue;
      std::set<std::string> holding = langs;
      std::erase_if(holding, [&](const std::string& lang) { return !language_holds(lang, token.folded); });
      if (!holding.empty()) langs = std::move(holding);
    }
  return stem_languages_memo_.emplace(token.word, std::move(reached)).first->second;
}

bool QueryTranslator::language_holds(const std::string& lang, const std::string& folded) {
  std::string term = language_term(lang);
  if (lookup_.documents_with(term) == 0) return true;
  return lookup_.any_document_with_both(folded, term);
}

std::string QueryTranslator::language_term(const std::string& lang) {
  static const std::optional<index::FacetField> kLanguage = index::find_facet("lang");
  return index::facet_term(*kLanguage, lang);
}

std::set<std::string> QueryTranslator::stems_of_spellings(const analysis::Token& token) const {
  std::set<std::string> stems;
  for (const auto& form : spellings(token))
    for (const auto& lang : langs_) stems.insert(analyzer_.stem(form, lang));
  return stems;
}

bool QueryTranslator::stem_stands_for(const std::string& folded, const std::string& stem) {
  if (!folded.starts_with(stem) || lookup_.documents_with(std::string(index::kStemPrefix) + stem) == 0)
    return true;  // the stemmer changed the word's letters, or the stem reaches no other word
  auto of_the_stem = [&](const std::string& word) {
    return word != folded && stems_of_spellings(analysis::Token{word, word}).contains(stem);
  };
  size_t rest = code_points(std::string_view(folded).substr(stem.size())).size();
  if (rest > 0) {
    size_t next = stem.size() + 1;  // the stem and the word's next letter
    while (next < folded.size() && (static_cast<unsigned char>(folded[next]) & 0xC0) == 0x80) ++next;
    for (const auto& other : lookup_.completions(std::string_view(folded).substr(0, next), kStemFamilyWords))
      if (of_the_stem(other.word)) return true;
  }
  if (rest > kInflectionLetters) return false;
  for (const auto& other : lookup_.completions(stem, kStemFamilyWords))
    if (code_points(std::string_view(other.word).substr(stem.size())).size() <= kInflectionLetters &&
        of_the_stem(other.word))
      return true;
  return false;
}

std::vector<std::string> QueryTranslator::languages_reading(const analysis::Token& token) {
  if (document_langs_.size() < 2 || lookup_.documents_with(token.folded) == 0) return langs_;
  std::vector<std::string> reading;
  for (const auto& lang : langs_)
    if (language_holds(lang, token.folded)) reading.push_back(lang);
  return reading.empty() ? langs_ : reading;
}

QueryTranslator::StemsByLanguage QueryTranslator::stems_by_language(const analysis::Token& token) {
  StemsByLanguage stems;
  std::vector<std::string> langs = languages_reading(token);
  for (const auto& form : spellings(token))
    for (const auto& lang : langs) stems[lang].insert(analyzer_.stem(form, lang));
  return stems;
}

Xapian::Query QueryTranslator::stem_query(const StemLanguages& stems, std::string_view stem_prefix) {
  std::map<std::set<std::string>, std::vector<Xapian::Query>> by_left_out;  // one restriction each
  for (const auto& reached : stems)
    by_left_out[languages_left_out(reached)].push_back(std::string(stem_prefix) + reached.first);
  std::vector<Xapian::Query> parts;
  for (const auto& [left_out, terms] : by_left_out)
    parts.push_back(restricted(combine(Xapian::Query::OP_SYNONYM, terms), left_out));
  return combine(Xapian::Query::OP_SYNONYM, parts);
}

Xapian::Query QueryTranslator::any_stem_query(const std::set<std::string>& stems, Xapian::Query::op op) {
  std::vector<Xapian::Query> terms;
  for (const auto& stem : stems) terms.emplace_back(std::string(index::kStemPrefix) + stem);
  return combine(op, terms);
}

Xapian::Query QueryTranslator::restricted(const Xapian::Query& match, const std::set<std::string>& left_out) {
  if (left_out.empty()) return match;
  std::vector<Xapian::Query> others, kept;
  size_t others_documents = 0, kept_documents = 0;
  for (const auto& lang : document_langs_) {
    std::string term = language_term(lang);
    size_t documents = lookup_.documents_with(term);
    if (left_out.contains(lang)) {
      others_documents += documents;
      others.emplace_back(std::move(term));
    } else {
      kept_documents += documents;
      kept.emplace_back(std::move(term));
    }
  }
  // Over an index of these languages only (the empty term: every document), the kept languages' list as a
  // filter when it is the shorter.
  bool all_documents = kept_documents + others_documents == lookup_.documents_with("");
  if (all_documents && kept_documents < others_documents && !kept.empty())
    return Xapian::Query(Xapian::Query::OP_FILTER, match, combine(Xapian::Query::OP_OR, kept));
  return Xapian::Query(Xapian::Query::OP_AND_NOT, match, combine(Xapian::Query::OP_OR, others));
}

const std::set<std::string>& QueryTranslator::languages_left_out(const StemLanguages::value_type& reached) {
  const auto& [stem, reached_in] = reached;
  auto [memo, fresh] = left_out_memo_.try_emplace(reached, std::set<std::string>{});
  if (!fresh) return memo->second;
  std::string term = std::string(index::kStemPrefix) + stem;
  for (const auto& lang : document_langs_) {
    if (reached_in.contains(lang)) continue;
    std::string language = language_term(lang);
    if (lookup_.documents_with(language) > 0 && lookup_.any_document_with_both(term, language))
      memo->second.insert(lang);
  }
  return memo->second;
}

std::optional<Xapian::Query> QueryTranslator::phrase(const std::vector<analysis::Token>& tokens,
                                                     std::string_view word_prefix, bool positive,
                                                     bool unfinished) {
  if (tokens.empty()) return std::nullopt;
  std::vector<Xapian::Query> terms;
  for (const auto& token : tokens) {
    terms.emplace_back(std::string(word_prefix) + token.folded);
    if (positive) {
      out_.highlight.words.insert(token.folded);
      out_.highlight.searched_words.insert(token.folded);
    }
  }
  if (word_prefix.empty() && tokens.size() > 1) {
    std::vector<std::string> words;
    for (const auto& token : tokens) words.push_back(token.folded);
    std::vector<Xapian::Query> synonyms = synonyms_of(join(words, " "), positive);
    std::vector<std::string> raw;
    for (const auto& token : tokens) raw.push_back(token.word);
    Xapian::Query phrase_query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    for (auto& name : names_of(entity_terms_of(join(raw, " "), positive), phrase_query))
      synonyms.push_back(std::move(name));
    if (!synonyms.empty() && !unfinished) {
      synonyms.insert(synonyms.begin(),
                      Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size()));
      if (positive) ++out_.positive_terms;
      return combine(Xapian::Query::OP_OR, synonyms);
    }
  }
  if (unfinished && word_prefix.empty()) {
    std::vector<Xapian::Query> last = completions_of(tokens.back(), positive, false);
    last.insert(last.begin(), terms.back());
    terms.back() = combine(Xapian::Query::OP_OR, last);
  }
  if (positive) ++out_.positive_terms;
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

std::optional<Xapian::Query> QueryTranslator::prefix(std::string_view text, bool positive) {
  auto tokens = tokens_of(text);
  if (tokens.empty()) return std::nullopt;
  if (tokens.size() > 1) return phrase(tokens, "", positive);
  const std::string& folded = tokens.front().folded;
  if (positive) {
    out_.highlight.prefixes.push_back(folded);
    ++out_.positive_terms;
  }
  // Expanded from the index's merged word list, not by Xapian's OP_WILDCARD, which expands in each shard
  // apart. OR, not OP_SYNONYM (which estimates its frequency from the words each shard holds, so its
  // weights differ between shard layouts) nor OP_MAX (which crashes Xapian 1.4.22 over several databases).
  std::vector<Xapian::Query> words;
  for (const auto& completion : lookup_.completions(folded, kPrefixExpansionLimit))
    words.emplace_back(completion.word);
  if (words.empty()) return Xapian::Query::MatchNothing;
  return combine(Xapian::Query::OP_OR, words);
}

std::optional<Xapian::Query> QueryTranslator::scope(const QueryNode& node, bool positive) {
  if (node.children.empty()) return std::nullopt;
  const QueryNode& value = node.children.front();
  if (node.field == "title") {
    if (value.kind == Kind::phrase)
      return phrase(tokens_of(join(value.words, " ")), index::kTitlePrefix, positive);
    return word(value.text, index::kTitleStemPrefix, index::kTitlePrefix, positive);
  }
  auto field = index::find_facet(node.field);
  if (!field) return std::nullopt;
  std::string text = value.kind == Kind::phrase ? join(value.words, " ") : value.text;
  if (positive) ++out_.positive_terms;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(index::facet_term(*field, lookup_.facet_value(field->name, text))), 0.0);
}

std::optional<Xapian::Query> QueryTranslator::group(const QueryNode& node, bool positive) {
  std::vector<Xapian::Query> included;
  std::vector<Xapian::Query> excluded;
  for (size_t i = 0; i < node.children.size(); ++i) {
    const QueryNode& child = node.children[i];
    size_t run = 0;
    if (child.kind == Kind::word && positive) {
      if (auto q = synonym_run(node, i, run, positive)) {
        included.push_back(*q);
        i += run - 1;
        continue;
      }
    }
    if (child.kind == Kind::exclude) {
      if (child.children.empty()) continue;
      if (auto q = this->node(child.children.front(), false)) excluded.push_back(*q);
    } else if (auto q = this->node(child, positive)) {
      included.push_back(*q);
    }
  }
  if (included.empty() && excluded.empty()) return std::nullopt;
  bool any = node.kind == Kind::any || mode_ == MatchMode::any;
  Xapian::Query query =
      included.empty() ? match_all() : combine(any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, included);
  if (!excluded.empty())
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, combine(Xapian::Query::OP_OR, excluded));
  return query;
}

std::optional<Xapian::Query> QueryTranslator::node(const QueryNode& node, bool positive) {
  switch (node.kind) {
    case Kind::word: return word(node.text, index::kStemPrefix, "", positive, node.unfinished);
    case Kind::prefix: return prefix(node.text, positive);
    case Kind::phrase: return phrase(tokens_of(join(node.words, " ")), "", positive, node.unfinished);
    case Kind::field: return scope(node, positive);
    case Kind::all:
    case Kind::any:
    case Kind::exclude: {
      if (node.kind != Kind::exclude) return group(node, positive);
      QueryNode wrapper{Kind::all};
      wrapper.children.push_back(node);
      return group(wrapper, positive);
    }
  }
  return std::nullopt;
}

// Documents where the query's words stand close together get extra weight. Stems carry positions,
// so singular, plural and unaccented forms of the query are boosted alike.
std::optional<Xapian::Query> QueryTranslator::proximity(const QueryNode& root) {
  if (root.kind != Kind::all) return std::nullopt;
  std::vector<Xapian::Query> words;
  for (const auto& child : root.children) {
    if (child.kind != Kind::word) continue;
    auto tokens = tokens_of(child.text);
    for (const auto& token : tokens) {
      if (reads_as_stopword(child, tokens.size(), token)) continue;
      if (child.unfinished && cut_beside_content_ && likeliest_reading_is_stopword(token))
        continue;  // dropped
      // NEAR takes OR (not SYNONYM) subqueries (1.4)
      words.push_back(child.unfinished ? unfinished_proximity_term(token) : finished_proximity_term(token));
    }
  }
  if (words.size() < 2 || proximity_weight_ <= 0) return std::nullopt;
  Xapian::Query near(Xapian::Query::OP_NEAR, words.begin(), words.end(),
                     static_cast<Xapian::termcount>(words.size()) + proximity_slack_);
  if (proximity_weight_ != 1.0) near = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, proximity_weight_);
  return near;
}

std::vector<std::vector<std::string>> QueryTranslator::finished_words(const QueryNode& root, MatchMode mode) {
  std::vector<std::vector<std::string>> words;
  if (mode != MatchMode::all || root.kind != Kind::all) return words;
  for (const auto& child : root.children) {
    if (child.kind != Kind::word || child.unfinished) continue;
    for (const auto& token : tokens_of(child.text)) {
      if (is_stopword(token.folded)) continue;
      std::vector<std::string> terms;
      for (const auto& stem : stems_of(token)) terms.push_back(std::string(index::kStemPrefix) + stem);
      words.push_back(std::move(terms));
    }
  }
  return words;
}

Translation QueryTranslator::translate(const QueryNode& root, MatchMode mode) {
  out_ = Translation{};
  mode_ = mode;
  drop_stopwords_ = has_content_word(root);
  std::vector<std::vector<std::string>> context = finished_words(root, mode);
  bool cut_beside_content = !context.empty() && root.kind == Kind::all &&
                            root.children.back().kind == Kind::word && root.children.back().unfinished;
  if (context != context_) completions_memo_.clear();
  if (context != context_ || cut_beside_content != cut_beside_content_) readings_memo_.clear();
  context_ = std::move(context);
  cut_beside_content_ = cut_beside_content;
  std::optional<Xapian::Query> query = node(root, true);
  out_.browse = out_.positive_terms == 0;
  if (!query) {
    out_.query = match_all();
    return std::move(out_);
  }
  out_.query = out_.without_proximity = *query;
  // A word being typed with readings to raise: the page's own ranking goes without the proximity clause,
  // whose position checks at every match were the slowest cuts' cost; each reading's best, ranked with it
  // as the finished query is, reaches the first page.
  if (!out_.readings.empty()) return std::move(out_);
  if (auto near = proximity(root)) out_.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out_.query, *near);
  return std::move(out_);
}

}  // namespace sonda::query

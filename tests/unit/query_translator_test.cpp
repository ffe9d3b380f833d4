// The translator without a database: accent restoration, stop words, phrases, scopes, relaxed mode.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/unicode_fold.h"
#include "query/query_parser.h"
#include "query/query_translator.h"
#include "translate/domain_lexicon.h"

namespace sonda::query {
namespace {

// Stands in for the index's XA terms.
class FakeLookup : public TermLookup {
 public:
  std::vector<std::string> accented_forms(std::string_view folded) const override {
    static const std::map<std::string, std::vector<std::string>, std::less<>> forms = {
        {"educacion", {"educación"}},
        {"parentalite", {"parentalité"}},
        {"protegees", {"protégées"}},
        {"chatiments", {"châtiments"}},
    };
    auto found = forms.find(folded);
    return found == forms.end() ? std::vector<std::string>{} : found->second;
  }
  std::vector<std::string> similar_words(std::string_view word, int, size_t) const override {
    if (word == "chatimens" || word == "chatimens2") return {"chatiments"};
    if (word == "netre") return {"notre"};
    if (word == "chats") return {"chaos"};
    if (word == "travali") return {"travail"};
    if (word == "peestamos") return {"prestamos", "pensamos"};  // one typo away, two
    if (word == "universidadees") return {"universidades"};
    if (word == "maisone") return {"maisonnette"};
    return {};
  }
  std::vector<std::string> entity_terms(std::string_view name) const override {
    std::string folded(name);
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (folded == "idb" || folded == "banco interamericano de desarrollo") return {"XOidb"};
    return {};
  }
  size_t documents_with(std::string_view term) const override {
    if (term == "travail" || term == "pensamos") return 5;
    if (term == "prestamos") return 1;
    if (term == "leur") return 4;
    if (term == "estamo" || term == "Zestam") return 2;
    if (term == "maison" || term == "Zmaison") return 100;
    if (term == "maisonnette") return 100;
    if (term == "Ztraval") return 2;  // as "travaux"
    if (term == "universidades") return 500;
    if (term == "Zuniversidad") return 1;  // a French document's stem (of "universidades" too)
    if (term == "abandon" || term == "Zabandon") return 71;
    return term == "chatiments" || term == "chat" || term == "Zchat" ? 3 : 0;
  }
  // Three documents, by their terms: what a completion shares with the query's other words.
  size_t documents_with_all(const std::vector<std::vector<std::string>>& groups) const override {
    static const std::vector<std::set<std::string>> documents = {
        {"Zcorporel", "chaton", "Zchaton", "leur", "leurs"},
        {"Zcorporel", "chaton", "Zchaton", "chatiments", "Zchat"},
        {"chateau", "Zchateau"},
        {"Zcorporel", "zzy"},
    };
    return std::count_if(documents.begin(), documents.end(), [&](const std::set<std::string>& terms) {
      return std::all_of(groups.begin(), groups.end(), [&](const std::vector<std::string>& group) {
        return std::any_of(group.begin(), group.end(),
                           [&](const std::string& t) { return terms.contains(t); });
      });
    });
  }
  std::vector<Completion> completions(std::string_view prefix, size_t limit) const override {
    std::vector<Completion> words = {
        {"chateau", 10}, {"chatiments", 8}, {"chaton", 5}, {"chats", 2},   {"notre", 6},  {"notes", 3},
        {"leurs", 3},    {"maison", 9},     {"marche", 8}, {"maladie", 7}, {"manger", 6}, {"matin", 5},
        {"mardi", 4},    {"mars", 3},       {"masque", 2}, {"maire", 1},   {"leur", 4},   {"estamos", 6}};
    words.push_back({"maisonnette", 2});
    words.push_back({"universidades", 500});
    words.push_back({"abandonne", 36});
    for (const Completion& c : {Completion{"caso", 40}, {"casi", 30}, {"castillo", 25}, {"casos", 20}})
      words.push_back(c);
    for (char last = 'a'; last <= 'y'; ++last)  // zza 50 … zzy 26: the 25th shares documents with corporels
      words.push_back({std::string("zz") + last, static_cast<size_t>(50 - (last - 'a'))});
    std::erase_if(words, [&](const Completion& c) { return !c.word.starts_with(prefix); });
    words.resize(std::min(words.size(), limit));
    return words;
  }
};

// How the translator renders `text` over FakeLookup: with `synonyms` when given, and with its last word
// still being typed when `typing`.
std::string translate(const std::string& text, std::vector<std::string> langs = {"fr", "es"},
                      MatchMode mode = MatchMode::all, const Synonyms* synonyms = nullptr,
                      bool typing = false) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, std::move(langs));
  translator.set_synonyms(synonyms);
  QueryNode root = parse_query(text);
  if (typing) mark_unfinished_word(root, text);
  return translator.translate(root, mode).query.get_description();
}

struct ContainsCase {
  std::string query;
  std::vector<std::string> langs;
  std::string fragment;
};

// Each case's query renders with its fragment in it.
template <size_t N>
void expect_fragments(const ContainsCase (&cases)[N], const Synonyms* synonyms = nullptr,
                      bool typing = false) {
  for (const ContainsCase& c : cases) {
    std::string query = translate(c.query, c.langs, MatchMode::all, synonyms, typing);
    EXPECT_NE(query.find(c.fragment), std::string::npos) << c.query << " → " << query;
  }
}

struct SameCase {
  std::string a;
  std::string b;
  std::vector<std::string> langs;
};

const SameCase kSameQueries[] = {
    {"educacion", "educación", {"es"}},
    {"educacion", "EDUCACIÓN", {"fr", "es"}},
    {"parentalite", "parentalité", {"fr"}},
    {"protegees", "protégées", {"fr"}},
    {"chatiments corporels", "châtiments corporels", {"fr"}},
    {"CHÂTIMENTS CORPORELS", "châtiments corporels", {"fr", "es"}},
    {"l’enfance", "enfance", {"fr"}},
    {"l'enfance", "l’enfance", {"fr"}},
    {"les châtiments", "châtiments", {"fr"}},
    {"el castigo", "castigo", {"es"}},
    // a run typed as one loses the stop words at its ends, as the query loses its own
    {"qu'est-ce que la petite enfance", "petite enfance", {"fr"}},
    {"est-ce que le gouvernement", "gouvernement", {"fr"}},
    {"appelle-t-on", "appelle", {"fr"}},
    {"sont-ils protégés", "protégés", {"fr"}},
};

// The stems both spellings reach; the queries are equal too when both are typed with the same accents (a
// form typed with accents adds a small bonus for the documents holding it exactly).
TEST(QueryTranslatorTable, EquivalentSpellingsReachTheSameStems) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  auto stems = [&](const std::string& text, const std::vector<std::string>& langs) {
    QueryTranslator translator(analyzer, lookup, langs);
    return translator.translate(parse_query(text), MatchMode::all).highlight.stems;
  };
  for (const SameCase& c : kSameQueries) {
    EXPECT_EQ(stems(c.a, c.langs), stems(c.b, c.langs)) << c.a;
    if (analysis::fold_case(c.a) == analysis::fold_case(c.b) || analysis::is_ascii(c.a + c.b)) {
      EXPECT_EQ(translate(c.a, c.langs), translate(c.b, c.langs)) << c.a;
    }
  }
}

const ContainsCase kContains[] = {
    {"educacion", {"es"}, "Zeduc"},
    {"castigos", {"es"}, "Zcastig"},
    {"\"petite enfance\"", {"fr"}, "(petite PHRASE 2 enfance)"},
    {"title:Pérou", {"fr"}, "ZSperou"},
    {"country:Pérou", {"fr"}, "XCperou"},
    {"a -b", {"fr"}, "AND_NOT"},
    {"chât*", {"fr"}, "(chateau OR chatiments OR chaton OR chats)"},
    {"chati*", {"fr"}, "chatiments"},
    {"zzz*", {"fr"}, "Query()"},  // no indexed word starts so: matches nothing
    {"castigo físico", {"es"}, "NEAR"},
    {"educación",
     {"es"},
     "AND_MAYBE (PostingSource(Xapian::FixedWeightPostingSource(wt=0.2000000000000000111)) FILTER "
     "XAeducacion:educación)"},
    {"le la les", {"fr"}, "le"},                 // only stop words: kept rather than matching nothing
    {"qu'est-ce", {"fr"}, "(est PHRASE 2 ce)"},  // likewise
    {"états-unis", {"fr"}, "(etats PHRASE 2 unis)"},
    {"pomme-de-terre", {"fr"}, "(pomme PHRASE 3 de PHRASE 3 terre)"},  // inner stop words stay
};

TEST(QueryTranslatorTable, ProducesTheExpectedTerms) {
  expect_fragments(kContains);
}

TEST(HighlightTerms, OnlyWordsBeginningAsAStemDoesAreWorthStemming) {
  HighlightTerms terms;
  terms.stems = {"chat", "cheval", "a"};
  struct Row {
    const char* folded;
    bool worth;
  };
  for (const Row& row : {Row{"chatiments", true}, Row{"chevaux", true}, Row{"chaque", true},
                         Row{"abus", true}, Row{"enfance", false}, Row{"c", false}, Row{"", false}})
    EXPECT_EQ(terms.may_stem_to_one(row.folded), row.worth) << row.folded;
  EXPECT_FALSE(HighlightTerms{}.may_stem_to_one("chat")) << "no stems, nothing to stem for";
}

TEST(QueryTranslator, DropsStopWordsOutsidePhrases) {
  std::string query = translate("la loi", {"fr"});
  EXPECT_EQ(query.find("Zla"), std::string::npos) << query;
  EXPECT_EQ(query.find(" la"), std::string::npos) << query;
  EXPECT_NE(translate("\"la loi\"", {"fr"}).find("la PHRASE"), std::string::npos);
}

TEST(QueryTranslator, RelaxedModeUsesOr) {
  EXPECT_NE(translate("castigo violencia", {"es"}, MatchMode::any).find(" OR "), std::string::npos);
  EXPECT_NE(translate("castigo violencia", {"es"}, MatchMode::all).find(" AND "), std::string::npos);
}

TEST(QueryTranslator, HighlightTermsAndWords) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr"});
  Translation t =
      translator.translate(parse_query("chatiments \"petite enfance\" -violence"), MatchMode::all);
  EXPECT_TRUE(t.highlight.stems.contains("chat"));
  EXPECT_TRUE(t.highlight.words.contains("petite"));
  EXPECT_FALSE(t.highlight.words.contains("violence"));
  EXPECT_EQ(t.highlight.searched_words, (std::set<std::string>{"enfance", "petite"}))
      << "phrase words are searched as themselves; chatiments only through its stem";
  EXPECT_EQ(t.words, (std::vector<std::string>{"chatiments"}));
  EXPECT_EQ(t.positive_terms, 2u);
  EXPECT_FALSE(t.browse);
}

// What a query typed up to here becomes, its last word still being typed (completions from FakeLookup).
const ContainsCase kTyping[] = {
    // the word itself at full weight, the completions sharing 0.6 × 15 / (15 + 3) by their documents (chateau
    // 10, chaton 5; the stem "chat" 3), through their stems; "chatiments" and "chats" have the stem of
    // "chat": no completions
    {"chat",
     {"fr"},
     "Query((Zchat OR 0.33333333333333331483 * Zchateau OR 0.16666666666666665741 * Zchaton))"},
    // in a phrase, the completions are words (positions of the words themselves)
    {"\"le chat",
     {"fr"},
     "(le PHRASE 2 (chat OR 0.33333333333333331483 * chateau OR 0.16666666666666665741 * chaton))"},
    // a cut that is no word: no stems of its own (they would match words it does not start), and its
    // completions share the whole weight (chatiments 8, chats 2 reach the same stem "chat": 1.0)
    {"chati", {"fr"}, "Query(Zchat)"},
    {"chato", {"fr"}, "Query(Zchaton)"},
    // a word being typed whose completions' readings are raised leaves out the proximity clause (below)
    {"corporels chati", {"fr"}, "Query((Zcorporel AND Zchat))"},
    // beside other words, a completion counts the documents it shares with them (chaton 2, chateau none:
    // left out), and so does the word itself (chat 1): 0.6 × 2 / (2 + 1)
    {"corporels chat", {"fr"}, "(Zcorporel AND (Zchat OR 0.39999999999999996669 * Zchaton))"},
    // a completion that is a stop word is searched as itself (stop words have no stems)
    {"notr", {"fr"}, "Query(notre)"},
    {"not", {"fr"}, "Query((0.66666666666666662966 * notre OR 0.33333333333333331483 * Znot))"},
    // a cut that is a stop word is searched as itself, not through its stems: its completions of the same
    // stem are kept
    {"leur", {"fr"}, "Query((leur OR 0.25714285714285711748 * leurs))"},  // 0.6 × 3 / (3 + 4)
    // beside a content word, a cut read most likely as a stop word (leur) is dropped as that word would
    // be: every document of the other words matches, and its readings' bests reach the first page apart
    {"chaton leu", {"fr"}, "Query((Zchaton AND 0 * <alldocuments>))"},
    // a stop word completing a word of the same stem is still a completion: no stem term reaches it
    {"estamo", {"es"}, "Query((Zestam OR 0.44999999999999995559 * estamos))"},  // 0.6 × 6 / (6 + 2)
    {"zzz", {"fr"}, "Query(Zzzz)"},  // nothing completes it: the word alone
    {"c", {"fr"}, "Query(c)"},       // one letter: too short to complete
};

// A cut is dropped only when read most likely as a stop word beside a content word, as it would be finished.
TEST(QueryTranslatorTable, ACutRestrictsTheMatchesUnlessItReadsAsAStopWordBesideOtherWords) {
  for (const std::string query : {"leu", "le leu", "corporels chat", "chaton \"leu", "chaton OR leu"})
    EXPECT_EQ(translate(query, {"fr"}, MatchMode::all, nullptr, true).find("<alldocuments>"),
              std::string::npos)
        << query;
  EXPECT_EQ(translate("chaton leu", {"fr"}, MatchMode::any, nullptr, true).find("<alldocuments>"),
            std::string::npos)
      << "any word matches: nothing to drop";
  EXPECT_EQ(translate("chaton leu", {"fr"}, MatchMode::all, nullptr, true).find("NEAR"), std::string::npos)
      << "dropped from the proximity clause too, as the stop word finished would be";
}

// While the last word is being typed and its readings' bests are raised (each ranked with the proximity
// clause, as its finished query is), the query's own ranking goes without the clause; finished, it has it.
TEST(QueryTranslatorTable, AWordBeingTypedWithReadingsLeavesOutTheProximityClause) {
  const struct {
    std::string query;
    bool typing;
    bool near;
  } cases[] = {
      {"corporels chat", true, false},        // readings chateau, chaton, chat…
      {"corporels chati", true, false},       // reading chatiments
      {"corporels chatiments", false, true},  // finished
      {"corporels chatiments ", true, true},  // finished by the space
      {"corporels travail", true, true},      // nothing completes travail: no reading
  };
  for (const auto& c : cases)
    EXPECT_EQ(translate(c.query, {"fr"}, MatchMode::all, nullptr, c.typing).find("NEAR") != std::string::npos,
              c.near)
        << c.query;
}

TEST(QueryTranslatorTable, TheWordBeingTypedAlsoMatchesItsCompletions) {
  expect_fragments(kTyping, nullptr, true);
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr"});
  QueryNode root = parse_query("chat");
  mark_unfinished_word(root, "chat");
  Translation translation = translator.translate(root, MatchMode::all);
  EXPECT_EQ(translation.highlight.prefixes, (std::vector<std::string>{"chat"}))
      << "snippets mark the completions";
  ASSERT_EQ(translation.highlight.prefix_terms.size(), 1u);
  for (const std::string& term : translation.highlight.prefix_terms.front())
    EXPECT_NE(translation.query.get_description().find(term), std::string::npos)
        << term << ": long bodies locate the word through the terms the query searched";
  EXPECT_FALSE(translation.highlight.prefix_terms.front().empty());
}

// The nine likeliest readings of the word being typed (the word itself as typed, when a word, and one
// completion per stem; a stop word, searched as itself, per form), likeliest first, then other forms of those
// words while there is room: the first page shows the best hit of each.
const struct {
  std::string query;
  std::vector<std::string> readings;
} kReadings[] = {
    // chateau 10, chaton 5, chat itself 3; then its other forms chatiments 8, chats 2 (stem "chat")
    {"chat", {"chateau", "chaton", "chat", "chatiments", "chats"}},
    // typed with an accent: itself and châtiments (written so) first, then the others as above
    {"Chât", {"chât", "chatiments", "chateau", "chaton", "chats"}},
    {"cha", {"chateau", "chatiments", "chaton", "chats"}},  // chats: another form of chatiments
    {"chati", {"chatiments"}},
    {"le chat", {"chateau", "chaton", "chat", "chatiments", "chats"}},
    // beside corporels: chaton 2, chat 1, chateau none; its own other forms by their documents anywhere
    {"corporels chat", {"chaton", "chat", "chatiments", "chats"}},
    {"leur", {"leur", "leurs"}},  // the word itself leads, its completions weighing 0.6 × 3 / (3 + 4)
    {"maison", {"maisonnette"}},  // it leads, its completions weighing under 0.1: not promoted
    {"leu", {"leur", "leurs"}},
    {"chaton leu", {"leurs"}},  // beside a content word a stop word is dropped: its readings are one   //
                                // stop words: one stem, two readings
    {"corporels zz", {"zzy"}},  // beside corporels, a completion past the 20 most frequent (of 40)
    {"chat ", {}},              // finished
    {"\"le chat", {}},          // in a phrase
    {"title:chat", {}},         // in a scope
    {"zzz", {}},                // nothing completes it
    {"ma",
     {"maison", "marche", "maladie", "manger", "matin", "mardi", "mars", "masque",
      "maisonnette"}},  // not maire, the tenth
};

TEST(QueryTranslatorTable, TheLikeliestReadingsOfTheWordBeingTypedAreNamed) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr"});
  for (const auto& c : kReadings) {
    QueryNode root = parse_query(c.query);
    mark_unfinished_word(root, c.query);
    EXPECT_EQ(translator.translate(root, MatchMode::all).readings, c.readings) << c.query;
  }
}

// `query`, its last word still being typed, read in French and Spanish at once.
Translation typed_in_both_languages(const std::string& query) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr", "es"});
  QueryNode root = parse_query(query);
  mark_unfinished_word(root, query);
  return translator.translate(root, MatchMode::all);
}

// A completion is another form of the word being typed only when the word's stems match it in every
// language read: `abandonne` shares its French stem with `abandon` (the word itself, 71 documents), not its
// Spanish one (`abandonn`), so it is a completion of its own, searched through that stem too, and its weight
// (0.6 × 36 / (36 + 71)) makes the word a reading beside it rather than the whole ranking.
TEST(QueryTranslatorTable, ACompletionStemmedLikeTheWordInOneLanguageOnlyIsACompletionOfItsOwn) {
  Translation t = typed_in_both_languages("abandon");
  EXPECT_NE(t.query.get_description().find("Zabandonn"), std::string::npos) << t.query.get_description();
  EXPECT_EQ(t.readings, (std::vector<std::string>{"abandon", "abandonne"}));
}

// Readings are other forms of one another only through a stem in the same language: `casi` (French stem
// `cas`) is no form of `caso` (Spanish stem `cas`), so it reads on its own, before the rarer `castillo`;
// `casos` (Spanish stem `cas`, as `caso`) is another form of `caso`, read after the distinct stems.
TEST(QueryTranslatorTable, ReadingsAreFormsOfOneAnotherThroughAStemOfOneLanguage) {
  EXPECT_EQ(typed_in_both_languages("cas").readings,
            (std::vector<std::string>{"caso", "casi", "castillo", "casos"}));
}

// Readings are forms of one another only through a stem of a language whose documents hold both: French
// documents do not hold Spanish `financiera`, whose French stem `financi` is that of French `financier`, so
// `financi` reads as `financiera` and `financier` apart, then as `financieras` (`financiera`'s Spanish form).
TEST(QueryTranslatorTable, ReadingsAreFormsOfOneAnotherOnlyInALanguageHoldingBoth) {
  class Lookup : public FakeLookup {
   public:
    size_t documents_with(std::string_view term) const override {
      if (term == "Lfr" || term == "Les") return 50;
      for (const Completion& c : completions("", 10))
        if (term == c.word) return c.documents;
      return 0;
    }
    size_t documents_with_all(const std::vector<std::vector<std::string>>& groups) const override {
      return groups.size() == 2 && held_.contains({groups[0].front(), groups[1].front()}) ? 1 : 0;
    }
    std::vector<Completion> completions(std::string_view prefix, size_t) const override {
      std::vector<Completion> words = {{"financiera", 30}, {"financieras", 20}, {"financier", 5}};
      std::erase_if(words, [&](const Completion& c) { return !c.word.starts_with(prefix); });
      return words;
    }

   private:
    const std::set<std::pair<std::string, std::string>> held_ = {
        {"financiera", "Les"}, {"financieras", "Les"}, {"financier", "Lfr"}};
  };
  analysis::Analyzer analyzer;
  Lookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr", "es"});
  QueryNode root = parse_query("financi");
  mark_unfinished_word(root, "financi");
  EXPECT_EQ(translator.translate(root, MatchMode::all).readings,
            (std::vector<std::string>{"financiera", "financier", "financieras"}));
}

// The proximity clause's window and weight follow set_proximity.
TEST(QueryTranslatorTable, TheProximityClauseTakesItsWindowAndWeight) {
  const struct {
    Xapian::termpos slack;
    double weight;
    std::string fragment;  // in the query of "castigo físico"; empty: no NEAR at all
  } cases[] = {
      {2, 1.0, "(Zcastig NEAR 4 Zfisic)"},
      {5, 1.0, "(Zcastig NEAR 7 Zfisic)"},
      {2, 0.5, "0.5 * (Zcastig NEAR 4 Zfisic)"},
      {2, 0.0, ""},
  };
  for (const auto& c : cases) {
    analysis::Analyzer analyzer;
    FakeLookup lookup;
    QueryTranslator translator(analyzer, lookup, {"es"});
    translator.set_proximity(c.slack, c.weight);
    std::string query =
        translator.translate(parse_query("castigo físico"), MatchMode::all).query.get_description();
    if (c.fragment.empty())
      EXPECT_EQ(query.find("NEAR"), std::string::npos) << query;
    else
      EXPECT_NE(query.find(c.fragment), std::string::npos) << query;
  }
}

TEST(QueryTranslatorTable, AQuestionsFinishedWordsAlsoWeighTheirOwnForm) {
  const struct {
    std::string query;
    MatchMode mode;
    double weight;
    bool typing;
    std::string fragment;  // in the query; empty: no term of the word's own form beside its stems
  } cases[] = {
      {"castigos físicos", MatchMode::any, 0.25, false, "(Zcastig AND_MAYBE 0.25 * castigos)"},
      {"castigos físicos", MatchMode::any, 0.25, false, "(Zfisic AND_MAYBE 0.25 * fisicos)"},  // folded
      {"castigos", MatchMode::any, 0.5, false, "(Zcastig AND_MAYBE 0.5 * castigos)"},
      {"castigos", MatchMode::all, 0.25, false, ""},  // words that must all match: their stems alone
      {"castigos", MatchMode::any, 0.0, false, ""},   // off
      {"\"castigos físicos\"", MatchMode::any, 0.25, false, ""},        // a phrase is its forms already
      {"el castigos", MatchMode::any, 0.25, false, "0.25 * castigos"},  // a stop word stays dropped
      {"castigo cast", MatchMode::any, 0.25, true,
       "(Zcastig AND_MAYBE 0.25 * castigo)"},  // the word typed: its completions
  };
  for (const auto& c : cases) {
    analysis::Analyzer analyzer;
    FakeLookup lookup;
    QueryTranslator translator(analyzer, lookup, {"es"});
    translator.set_exact_word_weight(c.weight);
    QueryNode root = parse_query(c.query);
    if (c.typing) mark_unfinished_word(root, c.query);
    std::string query = translator.translate(root, c.mode).query.get_description();
    if (c.fragment.empty()) {
      EXPECT_EQ(query.find("AND_MAYBE"), std::string::npos) << c.query << " → " << query;
    } else {
      EXPECT_NE(query.find(c.fragment), std::string::npos) << c.query << " → " << query;
    }
    EXPECT_EQ(query.find(" el"), std::string::npos) << query;
    if (c.typing) {
      EXPECT_EQ(query.find("* cast)"), std::string::npos) << query;
    }
  }
}

// Words no document holds also match indexed words a typo away, below the word itself.
const ContainsCase kTypos[] = {
    // the likeliest reading of a word no document holds weighs 0.7, below a word typed right; its own stems,
    // held by no document, are left out
    {"chatimens", {"fr"}, "Query(0.69999999999999984457 * Zchat)"},
    {"chatimens corporels", {"fr"}, "(0.69999999999999984457 * Zchat AND Zcorporel)"},
    {"chatimens corporels", {"fr"}, "((Zchat OR Zchatimen) NEAR 4 Zcorporel)"},  // proximity counts it too
    {"chatiments", {"fr"}, "Query(Zchat)"},  // the index holds it: no variants
    {"\"chatimens corporels\"", {"fr"}, "Query((chatimens PHRASE 2 corporels))"},  // never in phrases
    {"title:chatimens", {"fr"}, "Query(ZSchatimen)"},                              // never in scopes
    {"chatimens2", {"fr"}, "Query(Zchatimens2)"},                                  // never with digits
    // a word no document holds whose stem stands for it (an inflection none uses: `maisone` → `maison`):
    // its stem is one more reading beside the candidates (`maisonnette`, two typos away: 0.7 × 10 / 100)
    {"maisone", {"fr"}, "Query((Zmaison OR 0.070000000000000006661 * Zmaisonnet))"},
    // another word's stem reached by chance stands for nothing (`chats` → `chat`, `chatiments`'s stem;
    // `travali` → `traval`, the stem of `travaux`): the candidates alone
    {"chats", {"fr"}, "Query(0.69999999999999995559 * Zchaos)"},
    {"travali", {"fr"}, "Query(0.69999999999999995559 * Ztravail)"},
    // a word two typos away counts a tenth of its documents: 0.7 × 1 / max(1, 5 × 0.1) and 0.7 × 0.5 / 1
    {"peestamos", {"es"}, "Query((0.69999999999999995559 * Zprest OR 0.3499999999999999778 * Zpens))"},
    // a word a typo away that the typed word's stems match only in another language's documents (the French
    // stem of `universidades` is that of `universidadees`, their Spanish stems differ) is a reading of its
    // own
    {"universidadees", {"fr", "es"}, "OR 0.69999999999999995559 * (Zunivers SYNONYM Zuniversidad))"},
    // a misspelt stop word is that stop word: left out beside content words, else searched as itself
    {"netre chatiments", {"fr"}, "Query(Zchat)"},
    {"netre", {"fr"}, "Query(notre)"},
};

// A word no document holds reaches other words' documents through a stem only when one of them goes on from
// the stem as it does, or both end within a few letters of it.
const ContainsCase kStemsOfUnknownWords[] = {
    {"chatiment ", {"fr"}, "Query(Zchat)"},         // `chatiments` goes on as it does (`chati…`)
    {"maisons ", {"fr"}, "Query(Zmaison)"},         // `maison` ends as close to the stem
    {"abandonnement ", {"fr"}, "Query(Zabandon)"},  // `abandonne` goes on as it does (`abandonn…`)
    {"chats ", {"fr"}, "Query(0.69999999999999995559 * Zchaos)"},  // `chatiments` neither: `chat` left out
    {"chatons ", {"fr"}, "Query(Zchaton)"},    // the stem of `chaton`, which holds documents
    {"chateaux ", {"fr"}, "Query(Zchateau)"},  // reaches no document: kept, as it matches none
};

TEST(QueryTranslatorTable, AWordNoDocumentHoldsKeepsOnlyTheStemsThatStandForIt) {
  for (const ContainsCase& c : kStemsOfUnknownWords) {
    std::string query = translate(c.query, c.langs, MatchMode::all);
    EXPECT_EQ(query, c.fragment) << c.query;
  }
}

TEST(QueryTranslatorTable, UnknownWordsAlsoMatchWordsATypoAway) {
  expect_fragments(kTypos);
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr"});
  Translation t = translator.translate(parse_query("chatimens"), MatchMode::all);
  EXPECT_EQ(t.corrections, (std::map<std::string, std::string>{{"chatimens", "chatiments"}}));
  EXPECT_EQ(translator.translate(parse_query("netre chatiments"), MatchMode::all).corrections,
            (std::map<std::string, std::string>{{"netre", "notre"}}));
  EXPECT_TRUE(t.highlight.stems.contains("chat")) << "snippets mark the corrected word";
  EXPECT_EQ(t.corrected_word, "chatimens");
  EXPECT_EQ(t.corrected_readings, (std::vector<std::string>{"chatiments"}));
  Translation two = translator.translate(parse_query("castigo peestamos"), MatchMode::all);
  EXPECT_EQ(two.corrected_word, "peestamos");
  EXPECT_EQ(two.corrected_readings, (std::vector<std::string>{"prestamos", "pensamos"}))
      << "likeliest first: one typo and one document, before two typos and five";
  EXPECT_TRUE(translator.translate(parse_query("chatiments"), MatchMode::all).corrected_readings.empty())
      << "a word the index holds reads as itself";
  translator.set_typo_tolerance(false);
  EXPECT_EQ(translator.translate(parse_query("chatimens"), MatchMode::all).query.get_description(),
            "Query(Zchatimen)");
}

// Words, unquoted runs and phrases that are a synonym term also match the group's other terms.
const ContainsCase kSynonyms[] = {
    {"ONG ",
     {"fr"},
     "(Zong OR 0.3499999999999999778 * (organisation PHRASE 3 non PHRASE 3 gouvernementale))"},
    {"organisation non gouvernementale ", {"fr"}, "OR 0.3499999999999999778 * Zong"},
    {"\"organisation non gouvernementale\"", {"fr"}, "OR 0.3499999999999999778 * Zong"},
    {"ninez ", {"es"}, "(Zninez OR 0.3499999999999999778 * Zinfanci)"},
    {"ninez ", {"fr"}, "Query(Znin)"},      // a Spanish group
    {"title:ONG", {"fr"}, "Query(ZSong)"},  // never in scopes
};

TEST(QueryTranslatorTable, SynonymsMatchTheOtherTermsOfTheirGroup) {
  analysis::Analyzer analyzer;
  auto synonyms = Synonyms::parse("ONG, organisation non gouvernementale\nes: niñez, infancia\n", analyzer);
  ASSERT_TRUE(synonyms.ok());
  expect_fragments(kSynonyms, &*synonyms);
}

// A gazetteer name also matches the documents tagged with its entity, at a fixed weight, when the words
// do not match them already.
const ContainsCase kNames[] = {
    {"IDB ",
     {"es"},
     "(Zidb OR ((PostingSource(Xapian::FixedWeightPostingSource(wt=1)) FILTER XOidb) AND_NOT Zidb))"},
    {"Banco Interamericano de Desarrollo ",
     {"es"},
     "FILTER XOidb) AND_NOT (Zbanc AND Zinteramerican AND Zdesarroll))"},
    {"\"Banco Interamericano de Desarrollo\"",
     {"es"},
     "FILTER XOidb) AND_NOT (banco PHRASE 4 interamericano"},
    {"-IDB castigo ", {"es"}, "(Zcastig AND_NOT Zidb)"},  // never in an exclusion
};

TEST(QueryTranslatorTable, NamesAlsoMatchTheDocumentsTaggedWithTheirEntity) {
  expect_fragments(kNames);
}

// With a lexicon, each word also matches its translations, through the other language's stems.
TEST(QueryTranslatorTable, WordsAlsoMatchTheirTranslations) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  translate::MemoryLexicon lexicon({{"fr", {"enfance", "niñez"}},
                                    {"fr", {"enfance", "infancia"}},
                                    {"es", {"castigo", "punition"}},
                                    {"fr", {"visite", "visita"}},
                                    {"fr", {"prendre", "tener en cuenta"}}});
  const ContainsCase cases[] = {
      {"enfance ", {"fr"}, "(Zenfanc OR 0.2999999999999999889 * Zninez OR 0.2999999999999999889 * Zinfanci)"},
      {"castigo ", {"es"}, "(Zcastig OR 0.2999999999999999889 * Zpunit)"},
      {"castigo ", {"fr"}, "Query(Zcastigo)"},  // read as French: the lexicon has no French castigo
      {"visite ", {"fr"}, "Query(Zvisit)"},     // visita stems as visite does: matched already
      {"prendre ", {"fr"}, "0.2999999999999999889 * (Zten PHRASE 3 Zen PHRASE 3 Zcuent)"},
      {"-enfance castigo ", {"es"}, "AND_NOT Zenfanc"},  // never in an exclusion
  };
  for (const ContainsCase& c : cases) {
    QueryTranslator translator(analyzer, lookup, c.langs);
    translator.set_lexicon(&lexicon);
    std::string query = translator.translate(parse_query(c.query), MatchMode::all).query.get_description();
    EXPECT_NE(query.find(c.fragment), std::string::npos) << c.query << " → " << query;
  }
  QueryTranslator translator(analyzer, lookup, {"fr"});
  translator.set_lexicon(&lexicon);
  Translation t = translator.translate(parse_query("enfance visite "), MatchMode::all);
  EXPECT_EQ(t.translations,
            (std::map<std::string, std::vector<std::string>>{{"enfance", {"niñez", "infancia"}}}));
  EXPECT_TRUE(t.highlight.stems.contains("ninez")) << "snippets mark the translations";
}

// An index holding French and Spanish documents: which terms each language's documents hold.
class BilingualLookup : public FakeLookup {
 public:
  size_t documents_with(std::string_view term) const override {
    for (const auto& [held, lang] : held_)
      if (term == held || term == lang) return 10;
    return FakeLookup::documents_with(term);
  }
  size_t documents_with_all(const std::vector<std::vector<std::string>>& groups) const override {
    if (groups.size() == 2 && groups[0].size() == 1 && groups[1].size() == 1)
      return held_.contains({groups[0][0], groups[1][0]}) ? 1 : 0;
    return FakeLookup::documents_with_all(groups);
  }

 private:
  // French `éducation`, `déterminer`, `gestion`; Spanish `educación` (stem educ), `determinadas` (determin),
  // `gestión`, `relato` (relat).
  const std::set<std::pair<std::string, std::string>> held_ = {
      {"education", "Lfr"}, {"Zeduc", "Lfr"},     {"Zeduc", "Les"},    {"determiner", "Lfr"},
      {"Zdetermin", "Lfr"}, {"Zdetermin", "Les"}, {"gestion", "Lfr"},  {"gestion", "Les"},
      {"Zgestion", "Lfr"},  {"Zgestion", "Les"},  {"relation", "Lfr"}, {"Zrelat", "Lfr"}};
};

// A stem one language's stemmer reaches from a word matches no document of another language holding it:
// French `education` stems to `educ`, the Spanish stem of `educación`. A stem both reach stands for the word
// in the languages whose documents hold the word (`déterminer`, `determinadas`: `determin`). Through a
// translation, the other language's documents come at a translation's weight.
TEST(QueryTranslatorTable, AStemMatchesTheDocumentsOfTheLanguagesReadingTheWord) {
  analysis::Analyzer analyzer;
  BilingualLookup lookup;
  translate::MemoryLexicon lexicon({{"fr", {"éducation", "educación"}}});
  struct Case {
    std::string query;
    std::vector<std::string> document_langs;
    bool cross_language;
    std::string fragment;
    std::string absent;
  };
  const Case cases[] = {
      {"education ", {"fr", "es"}, false, "(Zeduc AND_NOT Les)", "Zeducation AND_NOT"},
      {"déterminer ", {"fr", "es"}, false, "(Zdetermin AND_NOT Les)", "Lfr"},
      {"gestion ", {"fr", "es"}, false, "Query(Zgestion)", "AND_NOT"},  // a word of both
      {"relation ", {"fr", "es"}, false, "Zrelat", "AND_NOT"},          // no Spanish document says relato
      {"education ", {"fr"}, false, "Zeduc", "AND_NOT"},                // French documents only: a filter's
      {"éducation ", {"fr", "es"}, true, "0.2999999999999999889 * Zeduc", "Zeducation AND_NOT"},
  };
  for (const Case& c : cases) {
    QueryTranslator translator(analyzer, lookup, {"fr", "es"});
    translator.set_document_languages(c.document_langs);
    if (c.cross_language) translator.set_lexicon(&lexicon);
    std::string query = translator.translate(parse_query(c.query), MatchMode::all).query.get_description();
    EXPECT_NE(query.find(c.fragment), std::string::npos) << c.query << " → " << query;
    EXPECT_EQ(query.find(c.absent), std::string::npos) << c.query << " → " << query;
  }
}

// A multi-word unit of the lexicon (whatever its inflection) also matches its translations as phrases.
TEST(QueryTranslatorTable, MultiWordUnitsAlsoMatchTheirTranslations) {
  analysis::Analyzer analyzer;
  FakeLookup lookup;
  auto lexicon = translate::DomainLexicon::parse(
      "petite enfance\tprimera infancia\nvisite à domicile\tvisita domiciliaria\nenfance\tinfancia\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  const ContainsCase cases[] = {
      {"petite enfance ", {"fr"}, "0.2999999999999999889 * (Zprimer PHRASE 2 Zinfanci)"},
      {"Petites enfances ", {"fr"}, "0.2999999999999999889 * (Zprimer PHRASE 2 Zinfanci)"},
      {"visites à domicile ", {"fr"}, "0.2999999999999999889 * (Zvisit PHRASE 2 Zdomiciliari)"},
      {"la petite enfance au Pérou ", {"fr"}, "(Zprimer PHRASE 2 Zinfanci)"},
      {"primera infancia ", {"es"}, "0.2999999999999999889 * (Zpetit PHRASE 2 Zenfanc)"},
  };
  for (const ContainsCase& c : cases) {
    QueryTranslator translator(analyzer, lookup, c.langs);
    translator.set_lexicon(lexicon->get());
    std::string query = translator.translate(parse_query(c.query), MatchMode::all).query.get_description();
    EXPECT_NE(query.find(c.fragment), std::string::npos) << c.query << " → " << query;
  }
  QueryTranslator translator(analyzer, lookup, {"fr"});
  translator.set_lexicon(lexicon->get());
  Translation t = translator.translate(parse_query("petite enfance "), MatchMode::all);
  EXPECT_EQ(t.translations, (std::map<std::string, std::vector<std::string>>{
                                {"enfance", {"infancia"}}, {"petite enfance", {"primera infancia"}}}));
  EXPECT_TRUE(t.highlight.stems.contains("primer")) << "snippets mark the unit's words";
}

TEST(QueryTranslator, EmptyQueryBrowses) {
  analysis::Analyzer analyzer;
  NoTermLookup lookup;
  QueryTranslator translator(analyzer, lookup, {"fr", "es"});
  for (const char* text : {"", "   ", "*", "((", "\"\""}) {
    Translation t = translator.translate(parse_query(text), MatchMode::all);
    EXPECT_TRUE(t.browse) << text;
  }
}

}  // namespace
}  // namespace sonda::query

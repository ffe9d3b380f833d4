// French and Spanish stop words (after Snowball's lists, plus interrogatives), kept in folded form.
#include "analysis/stopwords.h"

#include <string>
#include <unordered_set>

namespace sonda::analysis {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& french() {
  static const WordSet words = {
      "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient", "aurais", "aurait",
      "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais", "avait", "avec",
      "avez", "aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce", "ceci", "cela", "ces", "cet",
      "cette", "d", "dans", "de", "des", "du", "elle", "elles", "en", "es", "est", "et", "etaient", "etais",
      "etait", "etant", "ete", "etes", "etiez", "etions", "etre", "eu", "eue", "eues", "eurent", "eus", "eut",
      "eux", "fut", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais",
      "me", "meme", "memes", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ont", "ou", "par",
      "pas", "pour", "qu", "que", "qui", "s", "sa", "se", "sera", "serai", "seraient", "serais", "serait",
      "seras", "serez", "seriez", "serions", "serons", "seront", "ses", "soi", "soient", "sois", "soit",
      "sommes", "son", "sont", "soyez", "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu",
      "un", "une", "vos", "votre", "vous", "y",
      // interrogatives: a question's form, never its topic
      "combien", "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "quoi", "lequel",
      "laquelle", "lesquels", "lesquelles"};
  return words;
}

const WordSet& spanish() {
  static const WordSet words = {
      // interrogatives: a question's form, never its topic
      "cuanto",  "cuanta",   "cuantos", "cuantas", "cuales",  "a",      "al",      "algo",   "algunas",
      "algunos", "ante",     "antes",   "como",    "con",     "contra", "cual",    "cuando", "de",
      "del",     "desde",    "donde",   "durante", "e",       "el",     "ella",    "ellas",  "ellos",
      "en",      "entre",    "era",     "erais",   "eran",    "eras",   "eres",    "es",     "esa",
      "esas",    "ese",      "eso",     "esos",    "esta",    "estaba", "estado",  "estais", "estamos",
      "estan",   "estar",    "estas",   "este",    "esto",    "estos",  "estoy",   "fue",    "fueron",
      "fui",     "ha",       "hay",     "haber",   "habia",   "han",    "has",     "hasta",  "he",
      "la",      "las",      "le",      "les",     "lo",      "los",    "mas",     "me",     "mi",
      "mis",     "mucho",    "muchos",  "muy",     "nada",    "ni",     "no",      "nos",    "nosotros",
      "o",       "os",       "otra",    "otras",   "otro",    "otros",  "para",    "pero",   "poco",
      "por",     "porque",   "que",     "quien",   "quienes", "se",     "sea",     "ser",    "si",
      "sido",    "sin",      "sobre",   "son",     "su",      "sus",    "tambien", "te",     "tiene",
      "tienen",  "todo",     "todos",   "tu",      "tus",     "u",      "un",      "una",    "uno",
      "unos",    "vosotros", "y",       "ya",      "yo"};
  return words;
}

}  // namespace

bool is_stopword(std::string_view folded_word, std::string_view lang) {
  if (lang == "fr") return french().contains(folded_word);
  if (lang == "es") return spanish().contains(folded_word);
  return false;
}

}  // namespace sonda::analysis

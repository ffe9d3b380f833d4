// The Lexicon of Apertium's French–Spanish pair: its morphological analysers give a word's lemmas, its
// bilingual dictionaries their translations (lttoolbox, in process).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "translate/lexicon.h"
#include "util/result.h"

class FSTProcessor;

namespace sonda::translate {

// Where Debian's apertium-fr-es package puts its compiled dictionaries.
inline constexpr std::string_view kApertiumFolder = "/usr/share/apertium/apertium-fr-es";

// Loads the four automata (about 85 MB) once; one lock serialises look-ups (an lttoolbox processor is not
// thread-safe) and a bounded cache answers repeated words without it.
class ApertiumLexicon : public Lexicon {
 public:
  // Opens fr-es and es-fr .automorf.bin and .autobil.bin in `folder`; a missing or unreadable file is an
  // error naming it.
  static Result<std::unique_ptr<ApertiumLexicon>> open(
      const std::string& folder = std::string(kApertiumFolder));
  ~ApertiumLexicon() override;

  // Readings joined with '+' (contractions such as "aux") and words the analyser or the dictionary does
  // not know give nothing; a split lemma ("#") keeps its words.
  std::vector<std::string> translate(std::string_view word, std::string_view from) const override;

 private:
  struct Direction;
  ApertiumLexicon();
  std::vector<std::string> look_up(const std::string& word, Direction& direction) const;

  std::unique_ptr<Direction> fr_es_;
  std::unique_ptr<Direction> es_fr_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::vector<std::string>> cache_;  // from + '\x1f' + word
};

}  // namespace sonda::translate

// The Lexicon of Apertium's French–Spanish pair, through lttoolbox in process.
#include "translate/apertium_lexicon.h"

#include <lttoolbox/fst_processor.h>
#include <lttoolbox/input_file.h>
#include <unicode/unistr.h>
#include <unicode/ustdio.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "analysis/unicode_fold.h"
#include "translate/bilingual_entries.h"

namespace sonda::translate {
namespace {

constexpr size_t kMaxCachedWords = 100'000;
constexpr size_t kMaxTranslations = 8;  // per word, over all its readings
constexpr size_t kMaxWordBytes = 64;

// Loads one compiled automaton; false when the file cannot be read.
bool load(FSTProcessor& processor, const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  processor.load(file);
  std::fclose(file);
  return true;
}

// Letters, digits, apostrophes and hyphens only: anything else means something to the stream format.
bool plain_word(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  for (unsigned char c : word)
    if (c < 0x80 && !std::isalnum(c) && c != '\'' && c != '-') return false;
  return true;
}

std::string utf8(const UString& text) {
  std::string out;
  icu::UnicodeString(text.data(), static_cast<int32_t>(text.size())).toUTF8String(out);
  return out;
}

UString ustring(const std::string& text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  return UString(unicode.getBuffer(), static_cast<size_t>(unicode.length()));
}

// The readings of every "^surface/reading/reading$" unit of analysed text.
std::vector<std::string> readings_of(const std::string& analysed) {
  std::vector<std::string> out;
  for (size_t start = analysed.find('^'); start != std::string::npos; start = analysed.find('^', start + 1)) {
    size_t end = analysed.find('$', start);
    if (end == std::string::npos) break;
    std::string unit = analysed.substr(start + 1, end - start - 1);
    for (size_t slash = unit.find('/'); slash != std::string::npos;) {
      size_t next = unit.find('/', slash + 1);
      out.push_back(unit.substr(slash + 1, next == std::string::npos ? std::string::npos : next - slash - 1));
      slash = next;
    }
  }
  return out;
}

// The lemma of a reading or translation ("familia<n><f><pl>" → "familia", "faire<vblex># attention" →
// "faire attention"); "" for an unknown one ("*x", "@x") or a joined one ("à<pr>+le<det>").
std::string lemma_of(const std::string& reading) {
  if (reading.empty() || reading[0] == '*' || reading[0] == '@' || reading.find('+') != std::string::npos)
    return {};
  std::string lemma;
  bool in_tag = false;
  for (char c : reading) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      lemma += c == '#' ? ' ' : c;
  }
  size_t first = lemma.find_first_not_of(' ');
  return first == std::string::npos ? std::string{} : lemma.substr(first);
}

// The first tag of a reading or entry ("protection<n><f>" → "<n>"), its part of speech.
std::string first_tag(const std::string& reading) {
  size_t open = reading.find('<');
  size_t close = reading.find('>', open);
  return open == std::string::npos || close == std::string::npos ? std::string{}
                                                                 : reading.substr(open, close - open + 1);
}

// The key alternatives are filed under: a lemma and its part of speech ("protection<n>").
std::string alternative_key(const std::string& reading) {
  std::string lemma = lemma_of(reading);
  return lemma.empty() ? std::string{} : lemma + first_tag(reading);
}

}  // namespace

struct ApertiumLexicon::Direction {
  std::string from;
  FSTProcessor analyser;
  FSTProcessor bilingual;
  // Every lemma a lemma and part of speech may translate to, beyond the look-up's longest match: the
  // other entries of this direction's dictionary and the entries of the other direction that give it.
  std::unordered_map<std::string, std::vector<std::string>> alternatives;

  void add_alternative(const std::string& key, const std::string& lemma) {
    if (key.empty() || lemma.empty()) return;
    auto& listed = alternatives[key];
    if (std::find(listed.begin(), listed.end(), lemma) == listed.end()) listed.push_back(lemma);
  }
};

ApertiumLexicon::ApertiumLexicon() = default;
ApertiumLexicon::~ApertiumLexicon() = default;

Result<std::unique_ptr<ApertiumLexicon>> ApertiumLexicon::open(const std::string& folder) {
  std::unique_ptr<ApertiumLexicon> lexicon(new ApertiumLexicon());
  lexicon->fr_es_ = std::make_unique<Direction>();
  lexicon->es_fr_ = std::make_unique<Direction>();
  for (auto* direction : {lexicon->fr_es_.get(), lexicon->es_fr_.get()}) {
    std::string pair = direction == lexicon->fr_es_.get() ? "fr-es" : "es-fr";
    direction->from = pair.substr(0, 2);
    for (auto [processor, suffix] : {std::pair{&direction->analyser, ".automorf.bin"},
                                     std::pair{&direction->bilingual, ".autobil.bin"}}) {
      std::string path = folder + "/" + pair + suffix;
      try {
        if (!load(*processor, path))
          return Error{ErrorCode::not_found, "cannot read " + path + " (Debian package apertium-fr-es)"};
      } catch (const std::exception& error) {
        return Error{ErrorCode::corrupt, path + ": " + error.what()};
      }
    }
    direction->analyser.initAnalysis();
    direction->bilingual.initBiltrans();
    if (!direction->analyser.valid() || !direction->bilingual.valid())
      return Error{ErrorCode::corrupt, folder + ": the " + pair + " dictionaries are not valid"};
  }
  for (auto [direction, other] : {std::pair{lexicon->fr_es_.get(), lexicon->es_fr_.get()},
                                  std::pair{lexicon->es_fr_.get(), lexicon->fr_es_.get()}}) {
    auto entries =
        read_bilingual_entries(folder + "/" + direction->from + "-" + other->from + ".autobil.bin");
    if (!entries) return entries.error();
    for (const auto& [source, target] : *entries) {
      direction->add_alternative(alternative_key(source), lemma_of(target));
      other->add_alternative(alternative_key(target), lemma_of(source));
    }
  }
  return lexicon;
}

std::vector<std::string> ApertiumLexicon::look_up(const std::string& word, Direction& direction) const {
  std::string text = word + "\n";
  FILE* in = fmemopen(text.data(), text.size(), "r");
  char* buffer = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  if (!in || !out) {
    if (in) std::fclose(in);
    if (out) std::fclose(out);
    std::free(buffer);
    return {};
  }
  {
    InputFile input;
    input.wrap(in);  // it closes `in`
    UFILE* unicode_out = u_finit(out, nullptr, "UTF-8");
    direction.analyser.analysis(input, unicode_out);
    u_fclose(unicode_out);
  }
  std::fclose(out);
  std::string analysed(buffer, size);
  std::free(buffer);
  std::vector<std::string> lemmas;
  std::set<std::string> seen;
  auto keep = [&](const std::string& lemma) {
    if (!lemma.empty() && lemmas.size() < kMaxTranslations && seen.insert(lemma).second)
      lemmas.push_back(lemma);
  };
  std::vector<std::string> readings = readings_of(analysed);
  for (const std::string& reading : readings) {  // the look-up's choice for each reading first
    if (lemma_of(reading).empty()) continue;
    std::string translated = utf8(direction.bilingual.biltrans(ustring("^" + reading + "$")));
    for (const std::string& option : readings_of("^/" + translated.substr(translated.empty() ? 0 : 1)))
      keep(lemma_of(option));
  }
  for (const std::string& reading : readings)
    if (auto found = direction.alternatives.find(alternative_key(reading));
        found != direction.alternatives.end())
      for (const std::string& lemma : found->second) keep(lemma);
  return lemmas;
}

std::vector<std::string> ApertiumLexicon::translate(std::string_view word, std::string_view from) const {
  if ((from != "fr" && from != "es") || !plain_word(word)) return {};
  std::string folded = analysis::fold_case(word);
  std::string key = std::string(from) + '\x1f' + folded;
  std::lock_guard lock(mutex_);
  if (auto cached = cache_.find(key); cached != cache_.end()) return cached->second;
  std::vector<std::string> lemmas;
  try {
    lemmas = look_up(folded, from == "fr" ? *fr_es_ : *es_fr_);
  } catch (const std::exception&) {
    lemmas.clear();  // lttoolbox refused the word: no translation
  }
  if (cache_.size() >= kMaxCachedWords) cache_.clear();
  return cache_.emplace(key, std::move(lemmas)).first->second;
}

}  // namespace sonda::translate

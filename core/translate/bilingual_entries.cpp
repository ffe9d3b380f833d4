// Every entry of a compiled Apertium bilingual dictionary, by walking its transducer's paths.
#include "translate/bilingual_entries.h"

#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/transducer.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <map>
#include <set>

namespace sonda::translate {
namespace {

constexpr size_t kMaxPathSymbols = 160;  // no dictionary entry is longer; a cycle is cut there

std::string to_utf8(const UString& text) {
  std::string out;
  icu::UnicodeString(text.data(), static_cast<int32_t>(text.size())).toUTF8String(out);
  return out;
}

// Walks every path of one transducer from its initial state, each final state giving an entry.
class PathWalker {
 public:
  PathWalker(Transducer& transducer, Alphabet& alphabet, std::vector<BilingualEntry>& out, size_t max_entries)
      : transitions_(transducer.getTransitions()),
        finals_(transducer.getFinals()),
        alphabet_(alphabet),
        out_(out),
        max_entries_(max_entries) {}

  void walk(int state) {
    if (out_.size() >= max_entries_ || source_.size() > kMaxPathSymbols) return;
    if (finals_.count(state)) out_.emplace_back(to_utf8(source_), to_utf8(target_));
    auto found = transitions_.find(state);
    if (found == transitions_.end()) return;
    for (const auto& [label, destination] : found->second) {
      auto [in, out] = alphabet_.decode(label);
      size_t source_size = source_.size(), target_size = target_.size();
      append(source_, in);
      append(target_, out);
      walk(destination.first);
      source_.resize(source_size);
      target_.resize(target_size);
    }
  }

 private:
  void append(UString& text, int32_t symbol) {
    if (symbol < 0) {
      alphabet_.getSymbol(text, symbol);  // a tag ("<n>") or another multi-character symbol
    } else if (symbol > 0xFFFF) {
      text += static_cast<UChar>(U16_LEAD(symbol));
      text += static_cast<UChar>(U16_TRAIL(symbol));
    } else if (symbol > 0) {
      text += static_cast<UChar>(symbol);
    }
  }

  std::map<int, std::multimap<int, std::pair<int, double>>>& transitions_;
  std::map<int, double> finals_;
  Alphabet& alphabet_;
  std::vector<BilingualEntry>& out_;
  size_t max_entries_;
  UString source_, target_;
};

}  // namespace

Result<std::vector<BilingualEntry>> read_bilingual_entries(const std::string& path, size_t max_entries) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Error{ErrorCode::not_found, "cannot read " + path};
  std::set<UChar32> letters;
  Alphabet alphabet;
  std::map<UString, Transducer> sections;
  try {
    readTransducerSet(file, letters, alphabet, sections);
  } catch (const std::exception& error) {
    std::fclose(file);
    return Error{ErrorCode::corrupt, path + ": " + error.what()};
  }
  std::fclose(file);
  std::vector<BilingualEntry> entries;
  for (auto& [name, transducer] : sections) {
    if (to_utf8(name).rfind("main@", 0) != 0) continue;  // "final@…", regular expressions: patterns
    PathWalker(transducer, alphabet, entries, max_entries).walk(transducer.getInitial());
  }
  return entries;
}

}  // namespace sonda::translate

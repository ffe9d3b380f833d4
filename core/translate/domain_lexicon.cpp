// A bilingual list of the field's own terms, matched by the stems of their words.
#include "translate/domain_lexicon.h"

#include <algorithm>
#include <set>

#include "analysis/list_lines.h"
#include "analysis/stopwords.h"
#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::translate {

std::string_view builtin_domain_lexicon_text();  // embedded core/translate/domain_fr_es.tsv

std::string DomainLexicon::key_of(std::string_view text, std::string_view lang) const {
  std::vector<std::string> stems;
  for (const auto& token : analyzer_.tokens(analysis::clean_text(text)))
    if (!analysis::is_stopword(token.folded, lang)) stems.push_back(analyzer_.stem(token.word, lang));
  return join(stems, " ");
}

Result<std::unique_ptr<DomainLexicon>> DomainLexicon::parse(std::string_view text) {
  std::unique_ptr<DomainLexicon> out(new DomainLexicon());
  Status read =
      analysis::read_list_lines(text, kMaxDomainLineBytes, [&](std::string_view line) -> std::string {
        std::vector<std::string_view> sides = split_pieces(line, '\t');
        if (sides.size() != 2) return "expected French terms, one tab, Spanish terms";
        std::vector<std::pair<std::string, std::string>> terms[2];  // per side: (written, key)
        const char* langs[2] = {"fr", "es"};
        for (int side = 0; side < 2; ++side) {
          for (std::string_view piece : split_pieces(sides[side], ',')) {
            std::string_view term = trim(piece);
            if (term.empty()) return "an empty term";
            if (terms[side].size() == kMaxDomainTermsPerSide)
              return "more than " + std::to_string(kMaxDomainTermsPerSide) + " terms on a side";
            if (out->analyzer_.tokens(analysis::clean_text(term)).size() > kMaxDomainWordsPerTerm)
              return "a term of more than " + std::to_string(kMaxDomainWordsPerTerm) + " words";
            std::string key = out->key_of(term, langs[side]);
            if (key.empty()) return "the term '" + std::string(term) + "' has no word to match";
            terms[side].emplace_back(std::string(term), std::move(key));
          }
        }
        for (int side = 0; side < 2; ++side)
          for (const auto& [written, key] : terms[side]) {
            auto& translations = out->entries_[{langs[side], key}];
            for (const auto& other : terms[1 - side])
              if (std::find(translations.begin(), translations.end(), other.first) == translations.end())
                translations.push_back(other.first);
          }
        return {};
      });
  if (!read) return read.error();
  return out;
}

std::unique_ptr<DomainLexicon> DomainLexicon::builtin() {
  auto parsed = parse(builtin_domain_lexicon_text());
  return parsed ? std::move(*parsed) : std::unique_ptr<DomainLexicon>(new DomainLexicon());
}

std::vector<std::string> DomainLexicon::translate(std::string_view words, std::string_view from) const {
  if ((from != "fr" && from != "es") || words.size() > kMaxDomainLineBytes || !analysis::is_valid_utf8(words))
    return {};
  std::lock_guard lock(mutex_);
  auto found = entries_.find({std::string(from), key_of(words, from)});
  return found == entries_.end() ? std::vector<std::string>{} : found->second;
}

std::vector<std::string> LayeredLexicon::translate(std::string_view words, std::string_view from) const {
  std::vector<std::string> out = first_->translate(words, from);
  return out.empty() && fallback_ ? fallback_->translate(words, from) : out;
}

}  // namespace sonda::translate

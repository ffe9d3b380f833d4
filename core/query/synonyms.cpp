// Synonym groups (a file of one group a line), looked up by a query's folded words.
#include "query/synonyms.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "analysis/list_lines.h"
#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::query {
namespace {

// `fr` or `es` when the line starts with "fr:" or "es:", "" when it has no language, nullopt for an
// unknown one ("de:"); `rest` is what follows.
std::optional<std::string> language_of(std::string_view line, std::string_view& rest) {
  std::string_view trimmed = trim(line);
  size_t colon = trimmed.find(':');
  size_t comma = trimmed.find(',');
  rest = trimmed;
  if (colon == std::string_view::npos || (comma != std::string_view::npos && comma < colon)) return "";
  std::string_view name = trim(trimmed.substr(0, colon));
  if (name.size() != 2 || !std::isalpha(static_cast<unsigned char>(name[0])) ||
      !std::isalpha(static_cast<unsigned char>(name[1])))
    return "";  // a colon inside a term ("art. 3: …")
  rest = trimmed.substr(colon + 1);
  if (name == "fr" || name == "es") return std::string(name);
  return std::nullopt;
}

}  // namespace

Result<Synonyms> Synonyms::parse(std::string_view text, analysis::Analyzer& analyzer) {
  Synonyms out;
  Status read =
      analysis::read_list_lines(text, kMaxSynonymLineBytes, [&](std::string_view line) -> std::string {
        std::string_view rest;
        std::optional<std::string> lang = language_of(line, rest);
        if (!lang) return "unknown language (fr: or es:, or none for both)";
        Group group{*lang, {}};
        std::set<std::string> seen;
        for (std::string_view piece : split_pieces(rest, ',')) {
          std::string_view raw = trim(piece);
          if (raw.empty()) return "an empty term";
          if (group.terms.size() == kMaxTermsPerGroup)
            return "more than " + std::to_string(kMaxTermsPerGroup) + " terms";
          std::vector<std::string> words;
          for (const auto& token : analyzer.tokens(analysis::clean_text(raw))) words.push_back(token.folded);
          if (words.empty()) return "the term '" + std::string(raw) + "' has no word";
          if (words.size() > kMaxWordsPerTerm)
            return "a term of more than " + std::to_string(kMaxWordsPerTerm) + " words";
          if (seen.insert(join(words, " ")).second) group.terms.push_back(join(words, " "));
          out.longest_ = std::max(out.longest_, words.size());
        }
        if (group.terms.size() < 2) return "a group needs two different terms or more";
        for (const auto& term : group.terms) out.by_term_[term].push_back(out.groups_.size());
        out.groups_.push_back(std::move(group));
        return {};
      });
  if (!read) return read.error();
  return out;
}

std::vector<std::string> Synonyms::alternatives(const std::string& term,
                                                const std::vector<std::string>& langs) const {
  auto found = by_term_.find(term);
  if (found == by_term_.end()) return {};
  std::vector<std::string> out;
  std::set<std::string> seen = {term};
  for (size_t index : found->second) {
    const Group& group = groups_[index];
    bool applies = group.lang.empty() || std::find(langs.begin(), langs.end(), group.lang) != langs.end();
    if (!applies) continue;
    for (const auto& other : group.terms)
      if (seen.insert(other).second) out.push_back(other);
  }
  return out;
}

}  // namespace sonda::query

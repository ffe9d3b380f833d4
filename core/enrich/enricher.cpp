// Fills in what a document's metadata leaves out: language, canonical facet values, entities, year.
#include "enrich/enricher.h"

#include <algorithm>

#include "analysis/text_cleaner.h"
#include "enrich/date_finder.h"
#include "util/strings.h"

namespace sonda::enrich {
namespace {

constexpr size_t kTaggedBytes = 1u << 20;  // mentions are looked for in the first MiB of the body

std::string normalised_lang(std::string_view lang) {
  std::string code(trim(lang.substr(0, lang.find_first_of("-_"))));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code;
}

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

}  // namespace

void Enricher::canonicalise(index::Document& document) {
  if (document.topics.empty())  // keywords the gazetteer knows as topics are metadata topics
    for (const std::string& keyword : document.keywords)
      if (auto topic = gazetteer_.canonical("topic", keyword, analyzer_)) add_unique(document.topics, *topic);
  auto map_all = [&](std::vector<std::string>& values, std::string_view field) {
    std::vector<std::string> mapped;
    for (const std::string& value : values)
      add_unique(mapped, gazetteer_.canonical(field, value, analyzer_).value_or(value));
    values = std::move(mapped);
  };
  map_all(document.countries, "country");
  map_all(document.regions, "region");
  if (document.organisations.empty() && !document.author.empty())  // "UNICEF" as author names an organisation
    if (auto organisation = gazetteer_.canonical("organisation", document.author, analyzer_))
      document.organisations.push_back(*organisation);
  map_all(document.organisations, "organisation");
  map_all(document.topics, "topic");
  if (!document.type.empty())
    document.type = gazetteer_.canonical("type", document.type, analyzer_).value_or(document.type);
}

void Enricher::tag(index::Document& document, const Mentions& mentions) {
  auto fill = [&](std::vector<std::string>& values, std::string_view field) {
    auto found = mentions.find(field);
    if (!values.empty() || found == mentions.end()) return false;
    values = found->second;
    return true;
  };
  fill(document.countries, "country");
  bool tagged_regions = fill(document.regions, "region");
  fill(document.organisations, "organisation");
  fill(document.topics, "topic");
  if (!tagged_regions) return;
  for (const std::string& region : document.regions)
    if (const Entity* entity = gazetteer_.find("region", region); entity && !entity->parent.empty())
      add_unique(document.countries, entity->parent);
}

void Enricher::enrich(index::Document& document) {
  std::string text = analysis::clean_text(document.title);
  text += "\n\n";
  text += analysis::clean_text(document.description);
  text += "\n\n";
  text += analysis::clean_text(utf8_prefix(document.body, kTaggedBytes));
  document.lang = normalised_lang(document.lang);
  if (document.lang.empty()) document.lang = detector_.detect(text);
  canonicalise(document);
  std::vector<analysis::Token> tokens = analyzer_.tokens(text);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const analysis::Token& token : tokens) words.push_back(token.folded);
  tag(document, gazetteer_.mentions(words));
  if (document.type.empty()) {  // "Étude de cas — …", "Informe de alianza: …"
    std::vector<std::string> title_words;
    for (const analysis::Token& token : analyzer_.tokens(analysis::clean_text(document.title)))
      title_words.push_back(token.folded);
    document.type = gazetteer_.leading("type", title_words).value_or("");
  }
  if (!document.year && document.date.empty()) document.year = find_year(text, tokens);
}

}  // namespace sonda::enrich

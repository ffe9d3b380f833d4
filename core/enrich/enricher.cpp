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
  std::string title = analysis::clean_text(document.title);
  std::string description = analysis::clean_text(document.description);
  std::string body = analysis::clean_text(utf8_prefix(document.body, kTaggedBytes));
  index::AnalysedFields words{analyzer_.tokens(title), analyzer_.tokens(description), analyzer_.tokens(body)};
  enrich(document, title, description, body, words);
}

void Enricher::enrich(index::Document& document, const index::AnalysedFields& words) {
  enrich(document, document.title, document.description, utf8_prefix(document.body, kTaggedBytes), words);
}

void Enricher::enrich(index::Document& document, std::string_view title, std::string_view description,
                      std::string_view body, const index::AnalysedFields& words) {
  const std::pair<std::string_view, const std::vector<analysis::Token>*> fields[] = {
      {title, &words.title}, {description, &words.description}, {body, &words.body}};
  // The fields read as one text, paragraphs apart, and the words read with their offsets in it.
  std::string text;
  text.reserve(title.size() + description.size() + body.size() + 4);
  std::vector<WordAt> at_text;
  for (const auto& [field, field_words] : fields) {
    if (field_words != &words.title) text += "\n\n";
    auto shift = static_cast<uint32_t>(text.size());
    text += field;
    for (const analysis::Token& word : *field_words) {
      if (word.end > field.size()) break;  // past the body's part read
      at_text.push_back({word.folded, word.begin + shift, word.end + shift});
    }
  }
  document.lang = normalised_lang(document.lang);
  if (document.lang.empty()) document.lang = detector_.detect(text);
  canonicalise(document);
  std::vector<std::string> folded;
  folded.reserve(at_text.size());
  for (const WordAt& word : at_text) folded.emplace_back(word.folded);
  tag(document, gazetteer_.mentions(folded));
  if (document.type.empty()) {  // "Étude de cas — …", "Informe de alianza: …"
    std::vector<std::string> title_words;
    for (const analysis::Token& token : words.title) title_words.push_back(token.folded);
    document.type = gazetteer_.leading("type", title_words).value_or("");
  }
  if (!document.year && document.date.empty()) document.year = find_year(text, at_text);
}

}  // namespace sonda::enrich

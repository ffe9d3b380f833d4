// The gazetteer: canonical facet values, their labels in French and Spanish, and text tagging.
#include "enrich/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "util/strings.h"

namespace sonda::enrich {

std::string_view builtin_gazetteer_text();  // generated from gazetteer.tsv (see core/CMakeLists.txt)

namespace {

constexpr std::string_view kFields[] = {"country", "region", "organisation", "topic", "type"};

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> parts;
  while (true) {
    size_t tab = line.find('\t');
    parts.emplace_back(trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) return parts;
    line.remove_prefix(tab + 1);
  }
}

std::vector<std::string> folded_words(std::string_view name, analysis::Analyzer& analyzer) {
  std::vector<std::string> words;
  for (const analysis::Token& token : analyzer.tokens(name)) words.push_back(token.folded);
  return words;
}

std::string joined_key(std::string_view field, std::string_view name) {
  std::string key(field);
  key.push_back('\x1f');
  key.append(name);
  return key;
}

}  // namespace

Status Gazetteer::add_entity(Entity entity, std::string_view aliases, analysis::Analyzer& analyzer) {
  size_t index = entities_.size();
  // (name, taggable): the key maps only; labels and aliases tag, unless marked "=" or naming a type.
  bool tags = entity.field != "type";
  std::vector<std::pair<std::string, bool>> names = {
      {entity.key, false}, {entity.label_fr, tags}, {entity.label_es, tags}};
  std::set<std::string> mapping_only_names;
  names_.emplace_back();
  for (const std::string& alias : split_trimmed(aliases, '|')) {
    bool marked = alias.starts_with('=');
    names.emplace_back(marked ? alias.substr(1) : alias, !marked && tags);
    if (marked) mapping_only_names.insert(join(folded_words(alias.substr(1), analyzer), " "));
  }
  for (const auto& [name, taggable] : names) {
    std::vector<std::string> words = folded_words(name, analyzer);
    if (words.empty()) continue;
    std::string folded = join(words, " ");
    if (std::find(names_[index].begin(), names_[index].end(), folded) == names_[index].end())
      names_[index].push_back(folded);
    by_name_.emplace(joined_key(entity.field, folded), index);
    if (taggable && !mapping_only_names.contains(folded)) {
      auto& candidates = taggable_[words.front()];
      bool known = std::any_of(candidates.begin(), candidates.end(), [&](const Name& other) {
        return other.words == words && other.entity == index;
      });
      if (!known) candidates.push_back({std::move(words), index});
    }
  }
  by_key_.emplace(joined_key(entity.field, entity.key), index);
  entities_.push_back(std::move(entity));
  return Status::success();
}

Result<Gazetteer> Gazetteer::parse(std::string_view text) {
  Gazetteer gazetteer;
  analysis::Analyzer analyzer;
  size_t line_number = 0;
  for (const std::string& raw : split_trimmed(text, '\n')) {
    ++line_number;
    if (raw.starts_with('#')) continue;
    std::vector<std::string> parts = split_tabs(raw);
    auto where = [&] {
      return "gazetteer entry " + std::to_string(line_number) + " (" + raw.substr(0, 40) + ")";
    };
    if (parts.size() < 4 || parts[1].empty() || parts[2].empty() || parts[3].empty())
      return Error{ErrorCode::invalid_argument, where() + ": expected field, key, French and Spanish labels"};
    if (std::find(std::begin(kFields), std::end(kFields), parts[0]) == std::end(kFields))
      return Error{ErrorCode::invalid_argument, where() + ": unknown field '" + parts[0] + "'"};
    if (gazetteer.find(parts[0], parts[1]))
      return Error{ErrorCode::invalid_argument, where() + ": duplicate key '" + parts[1] + "'"};
    Entity entity{parts[0], parts[1], parts[2], parts[3], parts.size() > 5 ? parts[5] : ""};
    if (Status status = gazetteer.add_entity(std::move(entity), parts.size() > 4 ? parts[4] : "", analyzer);
        !status)
      return status.error();
  }
  return gazetteer;
}

std::string_view Gazetteer::builtin_text() {
  return builtin_gazetteer_text();
}

Result<Gazetteer> Gazetteer::load(const std::string& path) {
  if (path.empty()) return parse(builtin_text());
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::not_found, "cannot read gazetteer " + path};
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse(text.str());
  if (!parsed) return Error{ErrorCode::invalid_argument, path + ": " + parsed.error().message};
  return parsed;
}

std::vector<std::string> Gazetteer::folded_names(std::string_view field, std::string_view key) const {
  auto found = by_key_.find(joined_key(field, key));
  return found == by_key_.end() ? std::vector<std::string>{} : names_[found->second];
}

std::optional<std::string> Gazetteer::lookup_key(std::string_view field, std::string_view folded_name) const {
  auto found = by_name_.find(joined_key(field, folded_name));
  if (found == by_name_.end()) return std::nullopt;
  return entities_[found->second].key;
}

std::optional<std::string> Gazetteer::canonical(std::string_view field, std::string_view value,
                                                analysis::Analyzer& analyzer) const {
  if (const Entity* entity = find(field, value)) return entity->key;
  return lookup_key(field, folded_name(value, analyzer));
}

std::optional<std::string> Gazetteer::canonical_folded(std::string_view field, std::string_view value,
                                                       std::string_view folded) const {
  if (const Entity* entity = find(field, value)) return entity->key;
  return lookup_key(field, folded);
}

std::string Gazetteer::folded_name(std::string_view value, analysis::Analyzer& analyzer) {
  return join(folded_words(value, analyzer), " ");
}

const Entity* Gazetteer::find(std::string_view field, std::string_view key) const {
  auto found = by_key_.find(joined_key(field, key));
  return found == by_key_.end() ? nullptr : &entities_[found->second];
}

std::string Gazetteer::label(std::string_view field, std::string_view key, std::string_view lang) const {
  const Entity* entity = find(field, key);
  if (!entity) return std::string(key);
  return lang == "es" ? entity->label_es : entity->label_fr;
}

std::optional<std::string> Gazetteer::leading(std::string_view field,
                                              const std::vector<std::string>& words) const {
  constexpr size_t kLongestName = 8;
  for (size_t length = std::min(words.size(), kLongestName); length > 0; --length) {
    std::vector<std::string> first(words.begin(), words.begin() + static_cast<long>(length));
    if (auto key = lookup_key(field, join(first, " "))) return key;
  }
  return std::nullopt;
}

Mentions Gazetteer::mentions(const std::vector<std::string>& words) const {
  Mentions out;
  std::set<size_t> seen;
  for (size_t at = 0; at < words.size(); ++at) {
    auto candidates = taggable_.find(words[at]);
    if (candidates == taggable_.end()) continue;
    for (const Name& name : candidates->second) {
      if (at + name.words.size() > words.size() || seen.contains(name.entity)) continue;
      if (!std::equal(name.words.begin(), name.words.end(), words.begin() + static_cast<long>(at))) continue;
      seen.insert(name.entity);
      const Entity& entity = entities_[name.entity];
      out[entity.field].push_back(entity.key);
    }
  }
  return out;
}

}  // namespace sonda::enrich

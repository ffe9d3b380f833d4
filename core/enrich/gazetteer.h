// The gazetteer: canonical facet values (countries, regions, organisations, topics, types), their labels
// in French and Spanish, the names that mean them, and the entities a text mentions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "util/result.h"

namespace sonda::enrich {

// One canonical value of a facet field.
struct Entity {
  std::string field;  // "country", "region", "organisation", "topic", "type"
  std::string key;    // stored and filtered by: "PE", "corporal-punishment"…
  std::string label_fr;
  std::string label_es;
  std::string parent;  // a region's country key, else empty
};

// Entities a text mentions, by field, each key once, in order of first mention.
using Mentions = std::map<std::string, std::vector<std::string>, std::less<>>;

// Read-only after parsing, so one Gazetteer serves every thread.
class Gazetteer {
 public:
  // Parses the tab-separated format of gazetteer.tsv; an error names the line.
  static Result<Gazetteer> parse(std::string_view text);

  // The gazetteer built into Sonda (core/enrich/gazetteer.tsv, embedded at build time).
  static std::string_view builtin_text();

  // The gazetteer in file `path`, or the built-in one when `path` is empty.
  static Result<Gazetteer> load(const std::string& path);

  // The canonical key of `value` (a key, label or alias, any case or accents) in `field`, if known.
  // `analyzer` (one per thread) folds the value as the names were folded.
  std::optional<std::string> canonical(std::string_view field, std::string_view value,
                                       analysis::Analyzer& analyzer) const;
  // The same for a value already folded as names are (`folded_name`): one folding for every field.
  std::optional<std::string> canonical_folded(std::string_view field, std::string_view value,
                                              std::string_view folded) const;
  // `value` folded as names are: its folded words joined by spaces.
  static std::string folded_name(std::string_view value, analysis::Analyzer& analyzer);

  // The label of `key` in `lang` ("fr" or "es"; any other: French); `key` itself when unknown.
  std::string label(std::string_view field, std::string_view key, std::string_view lang) const;

  // The entity with `key` in `field`, if any.
  const Entity* find(std::string_view field, std::string_view key) const;

  // The entities whose taggable names occur in `words` (folded words of a text, in order) as whole-word
  // sequences. Types are never tagged from text.
  Mentions mentions(const std::vector<std::string>& words) const;

  // The key of the longest name in `field` that `words` (folded) start with: "Rapport annuel 2022…" →
  // "annual-report". Mapping-only names count; this reads titles, which name their own type.
  std::optional<std::string> leading(std::string_view field, const std::vector<std::string>& words) const;

  // Every name of `key` in `field` (key, labels, aliases), folded, words joined by spaces; none when unknown.
  std::vector<std::string> folded_names(std::string_view field, std::string_view key) const;

  size_t size() const { return entities_.size(); }

 private:
  struct Name {
    std::vector<std::string> words;  // folded
    size_t entity;
  };
  Status add_entity(Entity entity, std::string_view aliases, analysis::Analyzer& analyzer);
  // The key of the entity one of whose names, folded, is `folded_name` in `field`.
  std::optional<std::string> lookup_key(std::string_view field, std::string_view folded_name) const;

  std::vector<Entity> entities_;
  std::vector<std::vector<std::string>> names_;                  // per entity, its folded names
  std::unordered_map<std::string, size_t> by_name_;              // field + '\x1f' + folded name → entity
  std::unordered_map<std::string, size_t> by_key_;               // field + '\x1f' + key → entity
  std::unordered_map<std::string, std::vector<Name>> taggable_;  // first folded word → names
};

}  // namespace sonda::enrich

// What the query translator asks of the index: the accented forms documents use for a folded word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sonda::query {

// Read access to index vocabulary, kept abstract so that the translator is tested without a database.
class TermLookup {
 public:
  virtual ~TermLookup() = default;

  // The case-folded accented spellings documents use for `folded` ("educacion" → {"educación"}).
  virtual std::vector<std::string> accented_forms(std::string_view folded) const = 0;

  // An indexed word and how many documents hold it.
  struct Completion {
    std::string word;
    size_t documents = 0;
  };

  // Up to `limit` indexed words starting with the folded `prefix` (the prefix itself included when it is
  // a word), most documents first, ties alphabetical; none by default.
  virtual std::vector<Completion> completions(std::string_view /*prefix*/, size_t /*limit*/) const {
    return {};
  }

  // Up to `limit` indexed words within `max_distance` typos (typo_distance) of the folded `word`, itself
  // left out, nearest first, then most documents; none by default.
  virtual std::vector<std::string> similar_words(std::string_view /*word*/, int /*max_distance*/,
                                                 size_t /*limit*/) const {
    return {};
  }

  // How many documents hold `term`; 0 by default.
  virtual size_t documents_with(std::string_view /*term*/) const { return 0; }

  // Counts of documents holding a term of every group stop here: beside the other words of a query, a
  // completion this common is as likely as any other this common, and the count's work stays bounded
  // however large the corpus grows.
  static constexpr size_t kMaxSharedDocuments = 1000;

  // How many documents hold a term of every group, at most kMaxSharedDocuments; 0 by default.
  virtual size_t documents_with_all(const std::vector<std::vector<std::string>>& /*groups*/) const {
    return 0;
  }

  // Whether some document holds both terms (without counting them); by default, from documents_with_all.
  virtual bool any_document_with_both(std::string_view a, std::string_view b) const {
    return documents_with_all({{std::string(a)}, {std::string(b)}}) > 0;
  }

  // The facet terms of the entities `name` (a key, label or alias as typed, any case or accents) stands for
  // in every facet field ("IDB" → the organisation BID's term); none by default.
  virtual std::vector<std::string> entity_terms(std::string_view /*name*/) const { return {}; }

  // The stored value a facet value stands for ("Perú" → "PE" when a gazetteer knows it); by default
  // the value itself.
  virtual std::string facet_value(std::string_view /*field*/, std::string_view value) const {
    return std::string(value);
  }
};

// A TermLookup that knows no accented forms.
class NoTermLookup : public TermLookup {
 public:
  std::vector<std::string> accented_forms(std::string_view) const override { return {}; }
};

}  // namespace sonda::query

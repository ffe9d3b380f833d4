// TermLookup over a Xapian database: accented forms from the schema's XA terms.
#include "search/index_term_lookup.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "index/schema.h"
#include "query/typo_distance.h"
#include "util/strings.h"

namespace sonda::search {
namespace {
constexpr size_t kMaxForms = 16;

std::string forms_prefix(std::string_view folded) {
  return std::string(index::kAccentPrefix) + std::string(folded) + index::kAccentSeparator;
}

// The words of a database's word list that start with a prefix, in order, from the first.
class ListedWords {
 public:
  ListedWords(const Xapian::Database& database, const std::string& prefix)
      : term_(database.allterms_begin(prefix)), end_(database.allterms_end(prefix)) {}
  bool at_end() const { return term_ == end_; }
  std::string word() const { return *term_; }
  WordDocuments documents() const { return WordDocuments(term_); }
  void next() { ++term_; }
  void skip_to(const std::string& word) { term_.skip_to(word); }

 private:
  Xapian::TermIterator term_;
  Xapian::TermIterator end_;
};

// The words of a kept slice, in order, from the first that starts with a prefix.
class SlicedWords {
 public:
  SlicedWords(const WordSlice& slice, std::string_view prefix)
      : slice_(slice), at_(slice.first_at_least(prefix)) {}
  bool at_end() const { return at_ >= slice_.size(); }
  std::string_view word() const { return slice_.word_at(at_); }
  WordDocuments documents() const { return WordDocuments(slice_.documents_at(at_)); }
  void next() { ++at_; }
  void skip_to(const std::string& word) { at_ = slice_.first_at_least(word); }

 private:
  const WordSlice& slice_;
  size_t at_;
};

// The first string sorting after every word that begins with `word`'s first `bytes` bytes; nullopt: none.
std::optional<std::string> after_beginning(std::string_view word, size_t bytes) {
  std::string next(word.substr(0, bytes));
  while (!next.empty() && static_cast<unsigned char>(next.back()) == 0xFF) next.pop_back();
  if (next.empty()) return std::nullopt;
  next.back() = static_cast<char>(static_cast<unsigned char>(next.back()) + 1);
  return next;
}

// Visits `words` until one does not start with `prefix`, going on as `visit` says.
template <typename Words>
void walk(Words& words, std::string_view prefix,
          const std::function<WordStep(std::string_view, const WordDocuments&)>& visit) {
  while (!words.at_end()) {
    auto word = words.word();
    if (!std::string_view(word).starts_with(prefix)) return;
    WordStep step = visit(word, words.documents());
    if (step.stop) return;
    if (step.skip == 0) {
      words.next();
      continue;
    }
    std::optional<std::string> after = after_beginning(word, step.skip);
    if (!after) return;
    words.skip_to(*after);
  }
}
}  // namespace

std::vector<std::string> IndexTermLookup::accented_forms(std::string_view folded) const {
  if (!cache_) return scan_accented_forms(folded);
  if (auto known = cache_->accented_forms(folded)) return std::move(*known);
  auto found = scan_accented_forms(folded);
  cache_->remember_accented_forms(folded, found);
  return found;
}

std::vector<std::string> IndexTermLookup::scan_accented_forms(std::string_view folded) const {
  std::vector<std::string> forms;
  std::string prefix = forms_prefix(folded);
  for (auto term = database_.allterms_begin(prefix); term != database_.allterms_end(prefix); ++term) {
    forms.push_back((*term).substr(prefix.size()));
    if (forms.size() >= kMaxForms) break;
  }
  return forms;
}

std::string IndexTermLookup::display_form(std::string_view folded, std::string_view beginning) const {
  std::string best(folded);
  size_t best_count = 0;
  for (const std::string& form : accented_forms(folded)) {
    if (!form.starts_with(beginning)) continue;
    size_t count = documents_with(forms_prefix(folded) + form);
    if (count > best_count) {
      best_count = count;
      best = form;
    }
  }
  // Keep the unaccented spelling when documents mostly write the word without accents.
  if (folded.starts_with(beginning) && best_count * 2 < documents_with(folded)) return std::string(folded);
  return best;
}

std::vector<query::TermLookup::Completion> IndexTermLookup::completions(std::string_view prefix,
                                                                        size_t limit) const {
  if (!cache_) return scan_completions(prefix, limit);
  if (auto known = cache_->completions(prefix, limit)) return std::move(*known);
  auto found = scan_completions(prefix, limit);
  cache_->remember_completions(prefix, limit, found);
  return found;
}

std::vector<query::TermLookup::Completion> IndexTermLookup::scan_completions(std::string_view prefix,
                                                                             size_t limit) const {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  // A slice is not read for a prefix alone: a cut's few words cost less than its letter's thousands.
  each_word(prefix, false, [&](std::string_view word, const WordDocuments& documents) {
    if (found.size() >= kMaxCompletionsScanned) return WordStep{.stop = true};
    found.emplace_back(documents(), std::string(word));
    return WordStep{};
  });
  size_t kept = std::min(found.size(), limit);
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  std::vector<Completion> out;
  for (size_t i = 0; i < kept; ++i) out.push_back({std::move(found[i].second), found[i].first});
  return out;
}

std::vector<std::string> IndexTermLookup::similar_words(std::string_view word, int max_distance,
                                                        size_t limit) const {
  if (!cache_) return scan_similar(word, max_distance, limit);
  if (auto known = cache_->similar_words(word, max_distance, limit)) return std::move(*known);
  auto found = scan_similar(word, max_distance, limit);
  cache_->remember_similar(word, max_distance, limit, found);
  return found;
}

std::vector<std::string> IndexTermLookup::scan_similar(std::string_view word, int max_distance,
                                                       size_t limit) const {
  std::u32string typed = query::code_points(word);
  if (typed.empty() || max_distance <= 0) return {};
  std::string_view first = first_utf8_char(word);
  struct Found {
    int distance;
    Xapian::doccount documents;
    std::string word;
  };
  std::vector<Found> found;
  size_t scanned = 0;
  std::u32string points;  // reused
  each_word(first, true, [&](std::string_view candidate, const WordDocuments& documents) {
    if (++scanned > kMaxSimilarScanned) return WordStep{.stop = true};
    size_t hopeless = query::hopeless_beginning(typed, candidate, max_distance);
    if (hopeless != std::string_view::npos) return WordStep{.skip = hopeless};
    if (candidate == word) return WordStep{};
    query::code_points_into(candidate, points);
    int distance = query::typo_distance(typed, points, max_distance);
    if (distance <= max_distance) found.push_back({distance, documents(), std::string(candidate)});
    return WordStep{};
  });
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.documents != b.documents ? a.documents > b.documents : a.word < b.word;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size() && out.size() < limit; ++i) out.push_back(std::move(found[i].word));
  return out;
}

void IndexTermLookup::each_word(
    std::string_view prefix, bool read_slice,
    const std::function<WordStep(std::string_view, const WordDocuments&)>& visit) const {
  if (remote_ && cache_ && !prefix.empty()) {
    std::string_view letter = first_utf8_char(prefix);
    const WordSlice* slice = cache_->word_slice(letter);
    if (!slice && read_slice) slice = slice_of(letter);
    if (slice) {
      SlicedWords words(*slice, prefix);
      walk(words, prefix, visit);
      return;
    }
  }
  ListedWords words(database_, std::string(prefix));
  walk(words, prefix, visit);
}

const WordSlice* IndexTermLookup::slice_of(std::string_view letter) const {
  WordSlice slice;
  bool whole = true;
  each_word(letter, false,
            [&](std::string_view word, const WordDocuments& documents) {  // none kept: the list
              if (slice.size() >= kMaxSimilarScanned) {
                whole = false;
                return WordStep{.stop = true};
              }
              slice.add(word, documents());
              return WordStep{};
            });
  return whole ? cache_->remember_word_slice(letter, std::move(slice)) : nullptr;
}

size_t IndexTermLookup::documents_with(std::string_view term) const {
  if (!cache_) return database_.get_termfreq(std::string(term));
  if (auto known = cache_->documents_with(term)) return *known;
  size_t documents = database_.get_termfreq(std::string(term));
  cache_->remember_documents_with(term, documents);
  return documents;
}

size_t IndexTermLookup::documents_with_all(const std::vector<std::vector<std::string>>& groups) const {
  if (!cache_) return count_documents_with_all(groups);
  if (auto known = cache_->documents_with_all(groups)) return *known;
  size_t documents = count_documents_with_all(groups);
  cache_->remember_documents_with_all(groups, documents);
  return documents;
}

bool IndexTermLookup::any_document_with_both(std::string_view a, std::string_view b) const {
  if (cache_)
    if (auto known = cache_->both_held(a, b)) return *known;
  if (shared_)
    if (auto known = shared_->both_held(*version_, a, b)) {
      if (cache_) cache_->remember_both_held(a, b, *known);
      return *known;
    }
  bool held = false;
  if (remote_) {
    held = match_documents_with_all({{std::string(a)}, {std::string(b)}}) > 0;
  } else {
    std::string first_term(a), second_term(b);
    auto first = database_.postlist_begin(first_term), first_end = database_.postlist_end(first_term);
    auto second = database_.postlist_begin(second_term), second_end = database_.postlist_end(second_term);
    while (first != first_end && second != second_end && !held) {
      if (*first < *second)
        first.skip_to(*second);
      else if (*second < *first)
        second.skip_to(*first);
      else
        held = true;
    }
  }
  if (cache_) cache_->remember_both_held(a, b, held);
  if (shared_) shared_->remember_both_held(*version_, a, b, held);
  return held;
}

size_t IndexTermLookup::count_documents_with_all(const std::vector<std::vector<std::string>>& groups) const {
  if (remote_ || groups.size() < 2) return match_documents_with_all(groups);
  size_t postings = 0;
  for (auto group = groups.begin(); group + 1 != groups.end(); ++group)
    for (const std::string& term : *group) postings += documents_with(term);
  if (postings > kMaxListedPostings) return match_documents_with_all(groups);  // a match skips through them
  const std::vector<Xapian::docid>& listed = documents_of({groups.data(), groups.size() - 1});
  std::vector<Xapian::docid> found;
  for (const std::string& term : groups.back()) {
    if (listed.size() * kSkipOdds < documents_with(term))
      shared_by_skipping(term, listed, found);
    else
      shared_by_merging(term, listed, found);
  }
  if (groups.back().size() > 1) {  // a document holding two of its terms counts once
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
  }
  return std::min(found.size(), kMaxSharedDocuments);
}

void IndexTermLookup::shared_by_merging(const std::string& term, const std::vector<Xapian::docid>& listed,
                                        std::vector<Xapian::docid>& found) const {
  auto next = listed.begin();
  size_t of_term = 0;  // a term reaching the bound brings the count to it
  for (auto posting = database_.postlist_begin(term);
       posting != database_.postlist_end(term) && next != listed.end() && of_term < kMaxSharedDocuments;
       ++posting) {
    while (next != listed.end() && *next < *posting) ++next;
    if (next != listed.end() && *next == *posting) {
      found.push_back(*posting);
      ++of_term;
    }
  }
}

void IndexTermLookup::shared_by_skipping(const std::string& term, const std::vector<Xapian::docid>& listed,
                                         std::vector<Xapian::docid>& found) const {
  auto posting = database_.postlist_begin(term);
  const auto end = database_.postlist_end(term);
  size_t of_term = 0;
  for (auto next = listed.begin(); posting != end && next != listed.end() && of_term < kMaxSharedDocuments;
       ++next) {
    if (*next < *posting) continue;
    posting.skip_to(*next);
    if (posting == end) break;
    if (*posting == *next) {
      found.push_back(*next);
      ++of_term;
    }
  }
}

const std::vector<Xapian::docid>& IndexTermLookup::documents_of(
    std::span<const std::vector<std::string>> groups) const {
  std::string key = groups_key(groups);
  if (key == listed_key_) return listed_;
  std::vector<Xapian::docid> all, group_documents, kept;
  for (size_t k = 0; k < groups.size(); ++k) {
    group_documents.clear();
    for (const std::string& term : groups[k]) {  // each term's postings ascending: merged into the group's
      auto middle = static_cast<std::ptrdiff_t>(group_documents.size());
      for (auto posting = database_.postlist_begin(term); posting != database_.postlist_end(term); ++posting)
        group_documents.push_back(*posting);
      std::inplace_merge(group_documents.begin(), group_documents.begin() + middle, group_documents.end());
    }
    group_documents.erase(std::unique(group_documents.begin(), group_documents.end()), group_documents.end());
    if (k == 0) {
      all.swap(group_documents);
      continue;
    }
    kept.clear();
    std::set_intersection(all.begin(), all.end(), group_documents.begin(), group_documents.end(),
                          std::back_inserter(kept));
    all.swap(kept);
  }
  listed_key_ = std::move(key);
  listed_ = std::move(all);
  return listed_;
}

size_t IndexTermLookup::match_documents_with_all(const std::vector<std::vector<std::string>>& groups) const {
  std::vector<Xapian::Query> all;
  for (const auto& group : groups) {
    if (group.empty()) return 0;
    all.emplace_back(Xapian::Query::OP_OR, group.begin(), group.end());
  }
  if (all.empty()) return 0;
  Xapian::Enquire enquire(database_);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()));
  Xapian::MSet counted = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(kMaxSharedDocuments));
  return std::min<size_t>(counted.get_matches_lower_bound(), kMaxSharedDocuments);
}

std::vector<std::string> IndexTermLookup::entity_terms(std::string_view name) const {
  std::vector<std::string> out;
  if (!gazetteer_ || !analyzer_) return out;
  std::string folded = enrich::Gazetteer::folded_name(name, *analyzer_);
  for (const auto& field : index::facet_fields())
    if (auto key = gazetteer_->canonical_folded(field.name, name, folded))
      out.push_back(index::facet_term(field, *key));
  return out;
}

std::string IndexTermLookup::facet_value(std::string_view field, std::string_view value) const {
  if (!gazetteer_ || !analyzer_) return std::string(value);
  return gazetteer_->canonical(field, value, *analyzer_).value_or(std::string(value));
}

}  // namespace sonda::search

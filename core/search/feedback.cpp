// Pseudo-relevance feedback from the best documents' stems (Xapian's expansion set).
#include "search/feedback.h"

#include <vector>

#include "index/schema.h"

namespace sonda::search {
namespace {

// Stems only (not title stems), none of the query's own.
class StemsNotTyped : public Xapian::ExpandDecider {
 public:
  explicit StemsNotTyped(const std::set<std::string>& own) : own_(own) {}
  bool operator()(const std::string& term) const override {
    std::string_view stem_prefix = index::kStemPrefix, title_prefix = index::kTitleStemPrefix;
    if (!term.starts_with(stem_prefix) || term.starts_with(title_prefix)) return false;
    return !own_.contains(term.substr(stem_prefix.size()));
  }

 private:
  const std::set<std::string>& own_;
};

}  // namespace

std::optional<Xapian::Query> feedback_terms(const Xapian::Database& database, const Xapian::MSet& best,
                                            const std::set<std::string>& own_stems, const Ranking& ranking) {
  Xapian::RSet lent;
  Xapian::doccount taken = 0;
  for (auto hit = best.begin(); hit != best.end() && taken < ranking.feedback_documents; ++hit, ++taken)
    lent.add_document(*hit);
  if (lent.empty()) return std::nullopt;
  Xapian::Enquire enquire(database);
  StemsNotTyped decider(own_stems);
  // Exact term frequencies: the approximation from one sub-database would differ between shard layouts.
  Xapian::ESet expansion =
      enquire.get_eset(ranking.feedback_terms, lent, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  if (expansion.empty()) return std::nullopt;
  double most = expansion.begin().get_weight();
  if (most <= 0) return std::nullopt;
  std::vector<Xapian::Query> terms;
  for (auto term = expansion.begin(); term != expansion.end(); ++term)
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*term),
                       ranking.feedback_weight * term.get_weight() / most);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace sonda::search

// The first page of a query being typed holds the best hit of each likely reading of its last word.
#include "search/completion_promotion.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/schema.h"
#include "query/query_parser.h"

namespace sonda::search {
namespace {

constexpr auto kFirstPage = static_cast<Xapian::doccount>(kPromotionPage);
// When the first page's hits all weigh the same, how far above them the promoted documents land.
constexpr double kAboveTies = 1e-2;

// A document to raise: its number in the database searched, and its id (to match it again).
struct Promoted {
  Xapian::docid docid;
  std::string id;
};

Xapian::Enquire ranked(const PromotionContext& context, const Xapian::Query& query) {
  Xapian::Enquire enquire(context.database);
  enquire.set_weighting_scheme(context.weighting);
  enquire.set_sort_by_relevance_then_value(index::kIdSlot, false);  // as the search itself ranks
  enquire.set_query(query);
  return enquire;
}

// The best document of each completed query not already in `shown`, in the completions' order (only those
// documents are read: over remote shards each read is a round trip).
std::vector<Promoted> best_of_completions(const PromotionContext& context, const query::Translation& text,
                                          std::set<Xapian::docid>& shown) {
  std::vector<Promoted> promoted;
  for (const std::string& completion : text.completions) {
    query::Translation completed =
        context.translator.translate(query::with_word_completed(context.parsed, completion), context.mode);
    Xapian::MSet best = ranked(context, restrict(completed.query, context.filters.all())).get_mset(0, 1);
    if (best.empty() || !shown.insert(*best.begin()).second) continue;
    promoted.push_back({*best.begin(), best.begin().get_document().get_value(index::kIdSlot)});
  }
  return promoted;
}

}  // namespace

std::optional<Xapian::Query> promote_completions(const PromotionContext& context,
                                                 const query::Translation& text,
                                                 const Xapian::MSet* first_page) {
  if (text.completions.empty()) return std::nullopt;
  Xapian::Query mixture = restrict(text.query, context.filters.all());
  Xapian::MSet first = first_page ? *first_page : ranked(context, mixture).get_mset(0, kFirstPage);
  if (first.size() < kFirstPage) return std::nullopt;  // every match is on the first page already
  // Promoted documents land between the page's last hit and the next heavier one, the likeliest highest.
  double bar = (first.begin() + (kFirstPage - 1)).get_weight();
  double above = bar * (1 + kAboveTies);
  std::set<Xapian::docid> shown;
  for (auto hit = first.begin(); hit != first.begin() + kFirstPage; ++hit) {
    if (hit.get_weight() > bar * (1 + 1e-9)) above = hit.get_weight();
    shown.insert(*hit);
  }
  std::vector<Promoted> promoted = best_of_completions(context, text, shown);
  if (promoted.empty()) return std::nullopt;

  std::vector<Xapian::Query> ids;
  for (const Promoted& document : promoted) ids.emplace_back(index::id_term(document.id));
  Xapian::Query among(Xapian::Query::OP_OR, ids.begin(), ids.end());
  std::map<Xapian::docid, double> own;  // their weights in the mixture; absent: the mixture does not match it
  Xapian::MSet matched = ranked(context, Xapian::Query(Xapian::Query::OP_FILTER, mixture, among))
                             .get_mset(0, static_cast<Xapian::doccount>(promoted.size()));
  for (auto hit = matched.begin(); hit != matched.end(); ++hit) own[*hit] = hit.get_weight();

  std::vector<Xapian::Query> raises;
  for (size_t place = 0; place < promoted.size(); ++place) {
    auto weight = own.find(promoted[place].docid);
    if (weight == own.end()) continue;
    double share = static_cast<double>(promoted.size() - place) / static_cast<double>(promoted.size() + 1);
    double raise = bar + (above - bar) * share - weight->second;
    if (raise <= 0) continue;
    Xapian::Query fixed((new Xapian::FixedWeightPostingSource(raise))->release());
    raises.emplace_back(Xapian::Query::OP_FILTER, fixed, Xapian::Query(index::id_term(promoted[place].id)));
  }
  if (raises.empty()) return std::nullopt;
  Xapian::Query raised(Xapian::Query::OP_AND_MAYBE, mixture,
                       Xapian::Query(Xapian::Query::OP_OR, raises.begin(), raises.end()));
  if (!first_page) return raised;
  for (auto hit = first.begin(); hit != first.end(); ++hit)  // the whole page asked for
    ids.emplace_back(index::id_term(hit.get_document().get_value(index::kIdSlot)));
  return Xapian::Query(Xapian::Query::OP_FILTER, raised,
                       Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

}  // namespace sonda::search

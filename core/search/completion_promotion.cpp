// The first page of a query being typed or mistyped holds the best hit of each likely reading of its word.
#include "search/completion_promotion.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "index/schema.h"
#include "query/query_parser.h"

namespace sonda::search {
namespace {

constexpr auto kFirstPage = static_cast<Xapian::doccount>(kPromotionPage);
// When the first page's hits all weigh the same, how far above them the promoted documents land.
constexpr double kAboveTies = 1e-2;

// The best document of a likely completion: its number in the database searched, and its place on the
// first page (npos: not on it).
struct Best {
  Xapian::docid docid;
  size_t place;
};

Xapian::Enquire ranked(const PromotionContext& context, const Xapian::Query& query) {
  Xapian::Enquire enquire(context.database);
  enquire.set_weighting_scheme(context.weighting);
  enquire.set_sort_by_relevance_then_value(index::kIdSlot, false);  // as the search itself ranks
  enquire.set_query(query);
  return enquire;
}

// The queries as each reading would have them: the word being typed completed, then the word corrected.
std::vector<query::QueryNode> read_queries(const PromotionContext& context, const query::Translation& text) {
  std::vector<query::QueryNode> queries;
  for (const std::string& completion : text.readings)  // as the documents write it (`probl` → `problèmes`)
    queries.push_back(query::with_word_completed(
        context.parsed, completion == text.typed_word
                            ? completion
                            : context.lookup.display_form(completion, text.typed_word)));
  for (const std::string& correction : text.corrected_readings)
    queries.push_back(query::with_word_replaced(context.parsed, text.corrected_word,
                                                context.lookup.display_form(correction)));
  return queries;
}

// The best document of `query` (restricted), keyed `key`: 0 when nothing matches. Two forms of a word may
// read as one query (`general`, `generales`): the second finds the first's best remembered.
Xapian::docid best_of(const PromotionContext& context, const Xapian::Query& query, const std::string& key) {
  if (auto known = context.bests.find(key)) return *known;
  Xapian::MSet best = ranked(context, query).get_mset(0, 1);
  Xapian::docid docid = best.empty() ? 0 : *best.begin();
  context.bests.remember(key, docid);
  return docid;
}

// The best document of each reading's query, each once, in the readings' order.
std::vector<Best> best_of_completions(const PromotionContext& context, const query::Translation& text,
                                      const std::vector<Xapian::docid>& page) {
  std::vector<Best> bests;
  std::string weighting = context.weighting.name() + '\n' + context.weighting.serialise();
  for (const query::QueryNode& read : read_queries(context, text)) {
    query::Translation completed = context.translator.translate(read, context.mode);
    Xapian::Query query = restrict(completed.query, context.filters.all());
    std::string key = weighting + '\n' + query.get_description();
    Xapian::docid docid = best_of(context, query, key);
    if (docid == 0) continue;
    if (std::any_of(bests.begin(), bests.end(), [&](const Best& b) { return b.docid == docid; })) continue;
    auto on_page = std::find(page.begin(), page.end(), docid);
    bests.push_back(
        {docid, on_page == page.end() ? std::string::npos : static_cast<size_t>(on_page - page.begin())});
  }
  return bests;
}

// Where the raised documents land: above the first hit of the page that leaves it for them (`bar`, at
// `place`), and below the next heavier hit (`above`).
struct Landing {
  size_t place;
  double bar;
  double above;
};

// Every hit of the first page that is no best of a completion stays on it while there is room beside the
// bests; the first that finds none is the landing's floor. nullopt: every best is on the page already.
std::optional<Landing> landing_for(const Xapian::MSet& first, const std::vector<Best>& bests) {
  size_t room = kFirstPage - bests.size();
  size_t place = 0;
  for (size_t kept = 0; place < kFirstPage; ++place) {
    bool a_best = std::any_of(bests.begin(), bests.end(), [&](const Best& b) { return b.place == place; });
    if (!a_best && kept++ == room) break;
  }
  if (place == kFirstPage) return std::nullopt;
  double bar = (first.begin() + static_cast<Xapian::doccount>(place)).get_weight();
  double above = bar * (1 + kAboveTies);
  for (auto hit = first.begin(); hit != first.begin() + static_cast<Xapian::doccount>(place); ++hit)
    if (hit.get_weight() > bar * (1 + 1e-9)) above = hit.get_weight();
  return Landing{place, bar, above};
}

}  // namespace

std::optional<Xapian::Query> promote_completions(const PromotionContext& context,
                                                 const query::Translation& text,
                                                 const Xapian::MSet* first_page) {
  if (text.readings.empty() && text.corrected_readings.empty()) return std::nullopt;
  Xapian::Query mixture = restrict(text.query, context.filters.all());
  Xapian::MSet first =  // every match weighed, as the first page itself was
      first_page ? *first_page
                 : ranked(context, mixture).get_mset(0, kFirstPage, context.database.get_doccount());
  if (first.size() < kFirstPage) return std::nullopt;  // every match is on the first page already
  std::vector<Xapian::docid> page(first.begin(), first.begin() + kFirstPage);
  std::vector<Best> bests = best_of_completions(context, text, page);
  if (bests.size() >= kFirstPage) bests.resize(kFirstPage - 1);
  // The bests below the landing's floor (or off the page) are raised above it, the likeliest highest.
  std::optional<Landing> landing = landing_for(first, bests);
  if (!landing) return std::nullopt;
  std::erase_if(bests, [&](const Best& b) { return b.place < landing->place; });

  std::vector<Xapian::docid> raised_docids;
  for (const Best& best : bests) raised_docids.push_back(best.docid);
  std::vector<std::string> raised_ids;
  std::vector<Xapian::Query> ids;
  for (const Xapian::Document& document : context.documents.documents(raised_docids)) {
    raised_ids.push_back(document.get_value(index::kIdSlot));
    ids.emplace_back(index::id_term(raised_ids.back()));
  }
  Xapian::Query among(Xapian::Query::OP_OR, ids.begin(), ids.end());
  std::map<Xapian::docid, double> own;  // their weights in the mixture; absent: the mixture does not match it
  Xapian::MSet matched = ranked(context, Xapian::Query(Xapian::Query::OP_FILTER, mixture, among))
                             .get_mset(0, static_cast<Xapian::doccount>(bests.size()));
  for (auto hit = matched.begin(); hit != matched.end(); ++hit) own[*hit] = hit.get_weight();

  std::vector<Xapian::Query> raises;
  for (size_t place = 0; place < bests.size(); ++place) {
    auto weight = own.find(bests[place].docid);
    if (weight == own.end()) continue;
    double share = static_cast<double>(bests.size() - place) / static_cast<double>(bests.size() + 1);
    double raise = landing->bar + (landing->above - landing->bar) * share - weight->second;
    if (raise <= 0) continue;
    Xapian::Query fixed((new Xapian::FixedWeightPostingSource(raise))->release());
    raises.emplace_back(Xapian::Query::OP_FILTER, fixed, Xapian::Query(index::id_term(raised_ids[place])));
  }
  if (raises.empty()) return std::nullopt;
  Xapian::Query raised(Xapian::Query::OP_AND_MAYBE, mixture,
                       Xapian::Query(Xapian::Query::OP_OR, raises.begin(), raises.end()));
  if (!first_page) return raised;
  for (const Xapian::Document& document :  // the whole page asked for
       context.documents.documents(std::vector<Xapian::docid>(first.begin(), first.end())))
    ids.emplace_back(index::id_term(document.get_value(index::kIdSlot)));
  return Xapian::Query(Xapian::Query::OP_FILTER, raised,
                       Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

}  // namespace sonda::search

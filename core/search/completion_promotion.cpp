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

std::optional<Promotion> promote_completions(const PromotionContext& context, const query::Translation& text,
                                             const Xapian::MSet* first_page) {
  if (text.readings.empty() && text.corrected_readings.empty()) return std::nullopt;
  Xapian::Query mixture = restrict(text.query, context.filters.all());
  Promotion promotion;
  promotion.first =  // every match weighed, as the first page itself was
      first_page ? *first_page
                 : ranked(context, mixture).get_mset(0, kFirstPage, context.database.get_doccount());
  const Xapian::MSet& first = promotion.first;
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
  // Which of them the query matches, and how much each weighs on its own: a hit of the first page's weight
  // is its own; another's is asked in a Boolean sense only (beside the proximity clause under a filter,
  // Xapian 1.4.22 may weigh a document with another's weight: README, Known limits).
  std::map<Xapian::docid, double> own;
  Xapian::MSet matched =
      ranked(context, Xapian::Query(Xapian::Query::OP_FILTER, mixture,
                                    Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())))
          .get_mset(0, static_cast<Xapian::doccount>(bests.size()));
  for (auto hit = matched.begin(); hit != matched.end(); ++hit) own[*hit] = hit.get_weight();
  for (auto hit = first.begin(); hit != first.end(); ++hit)
    if (own.contains(*hit)) own[*hit] = hit.get_weight();

  promotion.place = landing->place;
  for (size_t place = 0; place < bests.size(); ++place) {
    auto weight = own.find(bests[place].docid);
    if (weight == own.end()) continue;
    double share = static_cast<double>(bests.size() - place) / static_cast<double>(bests.size() + 1);
    double target = landing->bar + (landing->above - landing->bar) * share;
    if (target <= weight->second) continue;
    promotion.raised.push_back({bests[place].docid, target, first.convert_to_percent(target)});
    promotion.ids.push_back(raised_ids[place]);
  }
  if (promotion.raised.empty()) return std::nullopt;
  return promotion;
}

std::vector<RankedHit> promoted_hits(const PromotionContext& context, const query::Translation& text,
                                     const Promotion& promotion, Xapian::doccount offset,
                                     Xapian::doccount count) {
  size_t raised = promotion.raised.size(), landed = promotion.place + raised;
  // The promoted ranking begins with the query's own first hits before the landing and the raised ones,
  // ordered by weight (a raised one weighs more than the hits tied at the landing, less than the next
  // heavier); then come the query's own hits, the raised ones left out.
  size_t begin = offset, end = size_t{offset} + count;
  size_t own_begin = begin < landed ? 0 : begin - raised;
  size_t own_end = end <= landed ? promotion.place : end - raised;
  auto is_raised = [&](Xapian::docid docid) {
    return std::any_of(promotion.raised.begin(), promotion.raised.end(),
                       [&](const RankedHit& hit) { return hit.docid == docid; });
  };
  std::vector<RankedHit> own;  // the query's own hits [own_begin, own_end), the raised ones left out
  for (const RankedHit& hit : ranked_hits(promotion.first, promotion.first.size()))
    if (!is_raised(hit.docid)) own.push_back(hit);
  if (own.size() >= own_end) {
    own = std::vector<RankedHit>(own.begin() + static_cast<std::ptrdiff_t>(own_begin),
                                 own.begin() + static_cast<std::ptrdiff_t>(own_end));
  } else {
    std::vector<Xapian::Query> ids;
    for (const std::string& id : promotion.ids) ids.emplace_back(index::id_term(id));
    Xapian::Query without(Xapian::Query::OP_AND_NOT, restrict(text.query, context.filters.all()),
                          Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
    own = ranked_hits(
        ranked(context, without)
            .get_mset(static_cast<Xapian::doccount>(own_begin),
                      static_cast<Xapian::doccount>(own_end - own_begin), context.database.get_doccount()),
        own_end - own_begin);
  }
  std::vector<RankedHit> ranking;  // the promoted ranking from hit `begin` on
  if (begin < landed) {
    ranking.assign(own.begin(),
                   own.begin() + static_cast<std::ptrdiff_t>(std::min(promotion.place, own.size())));
    ranking.insert(ranking.end(), promotion.raised.begin(), promotion.raised.end());
    std::stable_sort(ranking.begin(), ranking.end(),
                     [](const RankedHit& a, const RankedHit& b) { return a.weight > b.weight; });
    ranking.insert(ranking.end(),
                   own.begin() + static_cast<std::ptrdiff_t>(std::min(promotion.place, own.size())),
                   own.end());
    ranking.erase(ranking.begin(),
                  ranking.begin() + static_cast<std::ptrdiff_t>(std::min(begin, ranking.size())));
  } else {
    ranking = std::move(own);
  }
  if (ranking.size() > count) ranking.resize(count);
  return ranking;
}

}  // namespace sonda::search

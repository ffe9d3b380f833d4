// The protocol-agnostic search entry point: one Searcher per serving thread over its own Database.
#include "search/searcher.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>
#include <tuple>

#include "analysis/stopwords.h"
#include "index/schema.h"
#include "index/stored_fields.h"
#include "index/xapian_error.h"
#include "query/query_parser.h"
#include "query/query_translator.h"
#include "search/completion_promotion.h"
#include "search/facet_counter.h"
#include "search/facet_labels.h"
#include "search/facet_tally.h"
#include "search/feedback.h"
#include "search/hit_renderer.h"
#include "search/index_term_lookup.h"
#include "search/matched_documents.h"
#include "search/query_plan.h"
#include "search/retry.h"
#include "search/speller.h"
#include "util/strings.h"

namespace sonda::search {
namespace {

// `lang` when it names one of the analysed languages, else both.
std::vector<std::string> languages_of(const std::string& lang) {
  if (lang == "fr" || lang == "es") return {lang};
  return {"fr", "es"};
}

// The languages the query is read in: the documents' language, or with crossLanguage the query's own
// (queryLang, else both), since its words are translated into the other.
std::vector<std::string> analysis_languages(const SearchRequest& request) {
  return languages_of(request.cross_language ? request.query_lang : request.lang);
}

void apply_sort(Xapian::Enquire& enquire, SortOrder sort, bool browse) {
  if (sort == SortOrder::date_asc) {
    enquire.set_sort_by_value_then_relevance(index::kDateSlot, false);
  } else if (sort == SortOrder::date_desc || browse) {
    enquire.set_sort_by_value_then_relevance(index::kDateSlot, true);
  } else {
    enquire.set_sort_by_relevance_then_value(index::kIdSlot, false);  // ties: by id, ascending
  }
}

// Whether a search whose words may match `any` of them ranks by the questions' model (Ranking).
bool as_question(const SearchRequest& request, bool any) {
  return any && request.any_as_question;
}

// An Enquire over `database` ranking `query` as searches rank (weighting, order), without spies.
Xapian::Enquire ranking(const Xapian::Database& database, const Xapian::Weight& weighting, SortOrder sort,
                        bool browse, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(weighting);
  apply_sort(enquire, sort, browse);
  enquire.set_query(query);
  return enquire;
}

// Feeds `spies` every document `query` matches, in a match of its own (no ranking, no sorting).
void count_apart(const Xapian::Database& database, const std::vector<Xapian::MatchSpy*>& spies,
                 const Xapian::Query& query) {
  Xapian::Enquire counting(database);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  for (Xapian::MatchSpy* spy : spies) counting.add_matchspy(spy);
  counting.set_query(query);
  counting.get_mset(0, 0, database.get_doccount());
}

// Facet counts (and numeric facets' bounds) in the order asked: from the main run's tally, or, for a facet
// the request filters on, from a run without that facet's own filter (multi-select).
void count_facets(const Xapian::Database& database, const SearchRequest& request, const FacetTally& tally,
                  FacetSource source, const Xapian::Query& text, const FilterSet& filters,
                  SearchResponse& response) {
  for (const auto& name : request.facets) {
    auto field = index::find_facet(name);
    if (!field) continue;
    JoinedCounts joined;
    if (tally.counts(*field)) {
      joined = tally.joined(*field);
    } else {
      FacetTally own({*field}, source);
      count_apart(database, own.spies(), restrict(text, filters.all_but(std::string(field->name))));
      joined = own.joined(*field);
    }
    response.facets.push_back(facet_counts(joined, *field, request.max_values_per_facet));
    if (field->numeric)
      if (auto stats = numeric_stats(joined, *field)) response.facet_stats.push_back(*stats);
  }
}

// True when no two hits of `matches` weigh the same.
bool weights_all_differ(const Xapian::MSet& matches) {
  for (auto hit = matches.begin(); hit != matches.end(); ++hit)
    if (hit != matches.begin() && std::prev(hit).get_weight() == hit.get_weight()) return false;
  return true;
}

// When `path` was created (its birth time where the file system keeps one, else its change time) and last
// changed (a folder's version file, rewritten by each commit, or the stub file).
std::pair<long long, long long> index_times(const std::string& path) {
  struct statx created {};
  long long born = 0;
  if (::statx(AT_FDCWD, path.c_str(), 0, STATX_BTIME | STATX_CTIME, &created) == 0)
    born = (created.stx_mask & STATX_BTIME) ? created.stx_btime.tv_sec : created.stx_ctime.tv_sec;
  struct stat changed {};
  long long updated = born;
  for (const std::string& file : {path + "/iamglass", path})
    if (::stat(file.c_str(), &changed) == 0) {
      updated = changed.st_mtim.tv_sec;
      break;
    }
  return {born, std::max(born, updated)};
}

}  // namespace

std::string Searcher::file_identity(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || S_ISDIR(status.st_mode)) return {};
  return std::to_string(status.st_ino) + ":" + std::to_string(status.st_mtim.tv_sec) + "." +
         std::to_string(status.st_mtim.tv_nsec);
}

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& path, const enrich::Gazetteer& gazetteer,
                                                 const RemoteOptions& remote) {
  std::string identity = file_identity(path);
  auto shards = ShardSet::open(path, remote);
  if (!shards) return shards.error();
  return std::unique_ptr<Searcher>(
      new Searcher(path, std::move(identity), std::move(*shards), gazetteer, remote));
}

template <typename Operation>
auto Searcher::with_retry(const char* what, Operation operation) -> decltype(operation()) {
  auto reopen = [&] {
    forget_answers();
    shards_.database().reopen();
    note_version();
  };
  auto reconnect = [&] {
    forget_answers();
    Status reconnected = shards_.reconnect();
    note_version();
    return reconnected;
  };
  return with_retries(what, operation, reopen, reconnect);
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
  if (request.cross_language && !lexicon_)
    return Error{ErrorCode::invalid_argument, "cross-language search is not available on this server"};
  return with_retry("search failed", [&]() -> Result<SearchResponse> {
    SearchResponse response = run(request);
    response.unavailable_shards = shards_.unavailable();
    return response;
  });
}

// With feedback, the page is ranked again with its best documents' stems, without the proximity clause
// (beside more optional terms under a filter, Xapian 1.4.22 weighs NEAR wrongly: README, Known limits);
// `text.query` becomes the query ranked. Exhaustive, as every ranking here (BENCHMARKS.md, Profiles: pruned
// ranking weighs wrongly beside NEAR).
void Searcher::rank_with_feedback(const SearchRequest& request, const Xapian::Weight& weighting,
                                  query::Translation& text, const FilterSet& filters, Xapian::doccount offset,
                                  Xapian::MSet& page) {
  Xapian::Database& database = shards_.database();
  Xapian::doccount everything = database.get_doccount();
  Xapian::MSet best = page;
  if (offset != 0 || page.size() < ranking_.feedback_documents)
    best = ranking(database, weighting, request.sort, text.browse, restrict(text.query, filters.all()))
               .get_mset(0, ranking_.feedback_documents, everything);
  auto lent = feedback_terms(database, best, text.highlight.stems, ranking_);
  if (!lent) return;
  text.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, text.without_proximity, *lent);
  page = ranking(database, weighting, request.sort, text.browse, restrict(text.query, filters.all()))
             .get_mset(offset, static_cast<Xapian::doccount>(request.hits_per_page), everything);
}

SearchResponse Searcher::run(const SearchRequest& request, bool label) {
  auto started = std::chrono::steady_clock::now();
  IndexTermLookup lookup(shards_.database(), &gazetteer_, &analyzer_, &term_cache_, shards_.has_remote());
  if (shared_answers_) lookup.share_answers(shared_answers_, &index_version_);
  query::QueryTranslator translator(analyzer_, lookup, analysis_languages(request));
  translator.set_document_languages(languages_of(request.lang));
  if (request.cross_language) translator.set_lexicon(lexicon_);
  translator.set_typo_tolerance(request.typo_tolerance);
  translator.set_proximity(ranking_.proximity_slack, ranking_.proximity_weight);
  translator.set_exact_word_weight(request.any_as_question ? ranking_.any_exact_word : 0.0);
  std::shared_ptr<const query::Synonyms> synonyms = synonyms_ ? synonyms_->current() : nullptr;
  translator.set_synonyms(synonyms.get());
  query::QueryNode parsed = query::parse_query(request.q);
  if (request.prefix) query::mark_unfinished_word(parsed, request.q);
  query::Translation text =
      translator.translate(parsed, request.match_any ? query::MatchMode::any : query::MatchMode::all);
  FilterSet filters(request, lookup);
  Xapian::doccount everything = shards_.database().get_doccount();

  SearchResponse response;
  response.planning_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  response.page = request.page;
  response.hits_per_page = request.hits_per_page;
  Xapian::Enquire enquire(shards_.database());
  std::unique_ptr<Xapian::Weight> scheme = ranking_.weighting(as_question(request, request.match_any));
  DocumentMemo documents(
      [this](const std::vector<Xapian::docid>& docids) { return shards_.documents(docids); });
  // Counts and facets alone (no page asked, as a widget's facet panel or InstantSearch's disjunctive facet
  // queries ask): a Boolean match, without weights or the proximity clause's position checks.
  if (request.hits_per_page > 0)
    enquire.set_weighting_scheme(*scheme);
  else
    enquire.set_weighting_scheme(Xapian::BoolWeight());
  apply_sort(enquire, request.sort, text.browse);
  std::vector<index::FacetField> spied_fields;
  for (const auto& name : request.facets) {
    auto field = index::find_facet(name);
    if (field && !filters.filters(std::string(field->name))) spied_fields.push_back(*field);
  }
  FacetSource source = facet_source();
  FacetTally tally(spied_fields, source);
  std::vector<Xapian::MatchSpy*> spies = tally.spies();
  Xapian::doccount offset = static_cast<Xapian::doccount>(
      request.offset ? *request.offset : (request.page - 1) * request.hits_per_page);
  response.offset = offset;
  // Xapian 1.4's matcher, in any match not sorted by relevance alone (ours breaks ties by id), feeds the
  // local spies a remote shard's documents that sort below the page it keeps, which that shard's own
  // server has already counted. So over remote shards a request for counts alone is matched by relevance
  // alone with the spies (no page to order), and a first page ranked by relevance too, one hit more than
  // the page: when no two of those weights tie, ties by id could not have ordered them otherwise. Else the
  // counts get a pass of their own.
  bool counts_alone = request.hits_per_page == 0;
  bool spied_by_relevance =
      shards_.has_remote() && !spies.empty() &&
      (counts_alone || (offset == 0 && request.sort == SortOrder::relevance && !text.browse));
  bool spies_apart = shards_.has_remote() && !spied_by_relevance;
  if (spied_by_relevance) enquire.set_sort_by_relevance();
  // Over local databases whose facets are tallied by document number, a page's matches are counted (and
  // tallied) by Sonda from the posting lists, and the ranked match asks for the page and one hit more alone,
  // so Xapian may skip what cannot reach it; a shape Sonda does not evaluate (a phrase…) is counted by
  // Xapian's exhaustive match, its spies fed as it goes.
  bool sonda_counts = counts_by_sonda_ && !shards_.has_remote() && !counts_alone && tally.counts_by_docid();
  auto asked = static_cast<Xapian::doccount>(request.hits_per_page +
                                             ((spied_by_relevance && !counts_alone) || sonda_counts ? 1 : 0));
  Xapian::doccount total = 0;
  auto match = [&](const Xapian::Query& query, bool question) {
    std::optional<MatchedDocuments> counted;
    if (sonda_counts && ranking_.bounds_hold(question))
      counted = MatchedDocuments::of(shards_.database(), query);
    enquire.clear_matchspies();
    if (!counted && !spies_apart)
      for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
    enquire.set_query(query);
    if (!counted) {
      Xapian::MSet page = enquire.get_mset(offset, asked, everything);
      total = page.get_matches_estimated();
      return page;
    }
    total = counted->size();
    counted->each([&](Xapian::docid docid) { tally.count(docid); });
    Xapian::MSet page = enquire.get_mset(offset, asked, Xapian::doccount{0});
    // Xapian 1.4 may skip a document weighing as much as the least it keeps, though ties go by id: when the
    // page's last hit weighs as much as the one after it, the page is asked of every match.
    if (page.size() == asked && asked >= 2 && request.sort == SortOrder::relevance && !text.browse &&
        (page.end() - 2).get_weight() == (page.end() - 1).get_weight())
      page = enquire.get_mset(offset, asked, everything);
    return page;
  };
  query::MatchMode mode = request.match_any ? query::MatchMode::any : query::MatchMode::all;
  Xapian::MSet matches = match(restrict(text.query, filters.all()), as_question(request, request.match_any));
  if (total == 0 && text.positive_terms > 1 && !request.match_any && request.relax_when_empty) {
    text = translator.translate(parsed, query::MatchMode::any);
    mode = query::MatchMode::any;
    response.partial_match = true;
    scheme = ranking_.weighting(as_question(request, true));  // ranked as match=any ranks
    if (request.hits_per_page > 0) enquire.set_weighting_scheme(*scheme);
    matches = match(restrict(text.query, filters.all()), as_question(request, true));
  }
  response.total_hits = total;
  const Xapian::Weight& weighting = *scheme;
  if (spied_by_relevance && !weights_all_differ(matches))  // ranked again as every search ranks (exhaustive)
    matches =
        ranking(shards_.database(), weighting, request.sort, text.browse, restrict(text.query, filters.all()))
            .get_mset(offset, request.hits_per_page, everything);
  if (request.feedback && request.sort == SortOrder::relevance && !text.browse && request.hits_per_page > 0 &&
      response.total_hits > 0)
    rank_with_feedback(request, weighting, text, filters, offset, matches);
  // Ranked by relevance, the best hit of each likely completion of the word being typed is on the first
  // page: those raised are put in their places among the query's own hits (the same documents match, so the
  // counts and the total stand; a first page is ordered from the hits in hand, no match again).
  auto page_size = static_cast<size_t>(request.hits_per_page);
  std::vector<RankedHit> ranked = ranked_hits(matches, page_size);  // not the hit after the page
  if (request.sort == SortOrder::relevance && !text.browse && request.hits_per_page > 0) {
    PromotionContext context{
        shards_.database(), documents, weighting, translator, parsed, mode, filters, lookup, best_hits_};
    bool first_page_known = offset == 0 && page_size >= kPromotionPage;
    if (auto promotion = promote_completions(context, text, first_page_known ? &matches : nullptr))
      ranked = promoted_hits(context, text, *promotion, offset, static_cast<Xapian::doccount>(page_size));
  }
  response.total_pages =
      request.hits_per_page > 0
          ? static_cast<int>((response.total_hits + request.hits_per_page - 1) / request.hits_per_page)
          : 0;

  if (spies_apart && !spies.empty())
    count_apart(shards_.database(), spies, restrict(text.query, filters.all()));
  for (const auto& [typed, other] : text.translations) response.translations.emplace_back(typed, other);
  for (const auto& [typed, folded] : text.corrections)
    response.corrections.emplace_back(typed, lookup.display_form(folded));
  count_facets(shards_.database(), request, tally, source, text.query, filters, response);
  std::string_view labels_lang =
      request.labels_lang.empty() ? std::string_view(request.lang) : request.labels_lang;
  if (labels_lang == "any") labels_lang = "";
  std::vector<Xapian::docid> page;
  for (const RankedHit& hit : ranked) page.push_back(hit.docid);
  response.hits = render_hits(
      shards_.database(), ranked, documents.documents(page), analyzer_,
      {text, request, gazetteer_, labels_lang, shards_.has_remote(),
       [this](Xapian::docid docid, const std::string& key) { return shards_.metadata(docid, key); }});
  if (label) label_facets(response.facets, gazetteer_, labels_lang);
  // Corrects only when the words found nothing whole, and some word is not in the index.
  if (!text.words.empty() && (response.total_hits == 0 || response.partial_match)) {
    Speller speller(shards_.database(), analyzer_);
    response.suggestion = speller.correct(text.words);
  }
  response.processing_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response;
}

namespace {

// True when some word of `name` (folded words joined by spaces) starts a run that `typed` begins.
bool starts_a_word(std::string_view name, std::string_view typed) {
  for (size_t at = 0; at < name.size(); ++at) {
    if (at > 0 && name[at - 1] != ' ') continue;
    if (name.substr(at).starts_with(typed)) return true;
  }
  return false;
}

std::string folded_text(analysis::Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> words;
  for (const analysis::Token& token : analyzer.tokens(text)) words.push_back(token.folded);
  return join(words, " ");
}

}  // namespace

Result<FacetCounts> Searcher::facet_search(const SearchRequest& request, const std::string& field,
                                           const std::string& typed, size_t limit) {
  auto facet = index::find_facet(field);
  if (!facet) return Error{ErrorCode::invalid_argument, "unknown facet '" + field + "'"};
  SearchRequest counting = request;
  counting.facets = {std::string(facet->name)};
  counting.hits_per_page = 0;
  counting.offset.reset();
  counting.page = 1;
  counting.disjunctive_facets = false;
  counting.marking.reset();
  counting.max_values_per_facet = std::numeric_limits<int>::max();
  return with_retry("facet search failed", [&]() -> Result<FacetCounts> {
    SearchResponse response = run(counting, false);
    FacetCounts found{std::string(facet->name), {}};
    std::string wanted = folded_text(analyzer_, typed);
    for (const auto& [value, count] : response.facets.front().values) {
      std::vector<std::string> names = gazetteer_.folded_names(facet->name, value);
      names.push_back(folded_text(analyzer_, value));
      if (wanted.empty() || std::any_of(names.begin(), names.end(),
                                        [&](const std::string& name) { return starts_a_word(name, wanted); }))
        found.values.emplace_back(value, count);
      if (found.values.size() == limit) break;
    }
    std::vector<FacetCounts> labelled = {std::move(found)};
    std::string_view labels_lang =
        request.labels_lang.empty() ? std::string_view(request.lang) : request.labels_lang;
    label_facets(labelled, gazetteer_, labels_lang == "any" ? "" : labels_lang);
    return std::move(labelled.front());
  });
}

namespace {

// Keeps the plain words of an expansion: no prefixed term, no stop word, no number, three letters or more.
class CharacteristicWord : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || std::isupper(static_cast<unsigned char>(term[0]))) return false;
    if (std::all_of(term.begin(), term.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return false;
    return !analysis::is_stopword(term, "fr") && !analysis::is_stopword(term, "es");
  }
};

}  // namespace

Status Searcher::each_match(SearchRequest request, size_t limit,
                            const std::function<bool(const Hit&, size_t total_hits)>& visit) {
  // Each batch ranks every match again, so batches double from the first (its records reach the client at
  // once) up to the largest (memory stays bounded): a walk of 10,000 takes six matches, not forty.
  constexpr size_t kFirstBatch = 256;
  constexpr size_t kLargestBatch = 4096;
  request.facets.clear();
  request.snippets = false;
  request.locate = true;
  request.marking.reset();
  for (size_t done = 0, size = kFirstBatch; done < limit; size = std::min(2 * size, kLargestBatch)) {
    request.offset = static_cast<int>(done);
    request.hits_per_page = static_cast<int>(std::min(size, limit - done));
    auto batch = search(request);
    if (!batch) return batch.error();
    for (const Hit& hit : batch->hits)
      if (!visit(hit, batch->total_hits)) return Status::success();
    done += batch->hits.size();
    if (batch->hits.size() < static_cast<size_t>(request.hits_per_page) || done >= batch->total_hits) break;
  }
  return Status::success();
}

Result<SearchResponse> Searcher::similar(const std::string& id, SearchRequest request) {
  constexpr Xapian::termcount kWords = 24;
  auto words = with_retry("similar documents failed", [&]() -> Result<std::string> {
    std::string term = index::id_term(id);
    auto posting = shards_.database().postlist_begin(term);
    if (posting == shards_.database().postlist_end(term))
      return Error{ErrorCode::not_found, "no document with this id"};
    Xapian::RSet relevant;
    relevant.add_document(*posting);
    Xapian::Enquire enquire(shards_.database());
    CharacteristicWord decider;
    // Exact term frequencies over shards, so several databases choose the words one would.
    Xapian::ESet expansion =
        enquire.get_eset(kWords, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<std::string> chosen(expansion.begin(), expansion.end());
    // The names of its topics and countries in both languages, so the other language's documents on the
    // subject come too (the gazetteer bridges what the words alone do not).
    auto stored = index::decode_stored_record(shards_.database().get_document(*posting).get_data(),
                                              index::BodyReading::deferred);  // its facets, not its text
    if (stored)
      for (const auto& [field, keys] :
           {std::pair{"topic", stored->topics}, std::pair{"country", stored->countries}})
        for (const std::string& key : keys)
          for (const char* lang : {"fr", "es"}) chosen.push_back(gazetteer_.label(field, key, lang));
    return join(chosen, " ");
  });
  if (!words) return words.error();
  request.q = *words;
  request.match_any = true;
  request.any_as_question = false;  // its words are a document's most significant, not a question's
  request.prefix = false;
  request.typo_tolerance = false;
  request.excluded_ids.push_back(id);
  return search(request);
}

Result<index::Document> Searcher::document(const std::string& id) {
  return with_retry("document lookup failed", [&]() -> Result<index::Document> {
    std::string term = index::id_term(id);
    auto posting = shards_.database().postlist_begin(term);
    if (posting == shards_.database().postlist_end(term)) {
      if (!shards_.unavailable().empty())
        return Error{ErrorCode::unavailable, "no document with this id in the shards that can be reached"};
      return Error{ErrorCode::not_found, "no document with this id"};
    }
    auto stored = index::decode_stored_fields(
        shards_.database().get_document(*posting).get_data(), index::BodyReading::whole,
        [this, docid = *posting](const std::string& key) { return shards_.metadata(docid, key); });
    if (!stored) return Error{ErrorCode::corrupt, "stored document data is unreadable"};
    label_document(*stored, gazetteer_, "");
    return *stored;
  });
}

Result<std::vector<std::string>> Searcher::complete(const std::string& typed, size_t limit) {
  return with_retry("completion failed", [&]() -> Result<std::vector<std::string>> {
    return Speller(shards_.database(), analyzer_).complete(typed, limit);
  });
}

Result<bool> Searcher::refresh() {
  Result<bool> changed = reopen();
  if (!changed || *changed) forget_answers();  // the word list and the bests may differ now
  return changed;
}

void Searcher::forget_answers() {
  term_cache_.clear();
  best_hits_.clear();
}

Result<bool> Searcher::reopen() {
  Result<bool> changed = reopen_shards();
  note_version();
  return changed;
}

Result<bool> Searcher::reopen_shards() {
  std::string identity = file_identity(path_);
  if (identity != identity_) {  // a full rebuild switched the stub: open the databases it now names
    auto shards = ShardSet::open(path_, remote_);
    if (!shards) return shards.error();
    shards_ = std::move(*shards);
    identity_ = identity;
    return true;
  }
  bool returned = shards_.retry_unavailable();
  try {
    return shards_.database().reopen() || returned;
  } catch (const Xapian::NetworkError&) {
    if (Status reconnected = shards_.reconnect(); !reconnected) return reconnected.error();
    return true;
  } catch (const Xapian::Error& error) {
    return index::xapian_error(error, "index reopen failed");
  }
}

FacetSource Searcher::facet_source() {
  if (!shards_.has_remote() && shards_.size() == 1) {
    // A local database's UUID and revision name its content (a folder rebuilt in place restarts its
    // revisions).
    std::string version = shards_.database().get_uuid() + "@" + index_version_;
    if (facet_columns_version_ != version) {
      if (facet_column_store_) {
        facet_columns_ = facet_column_store_->columns(shards_.database(), version);
      } else {
        auto loaded = FacetColumns::load(shards_.database());
        facet_columns_ = loaded ? std::make_shared<const FacetColumns>(std::move(*loaded)) : nullptr;
      }
      facet_columns_version_ = version;
    }
    if (facet_columns_) return {true, &*facet_columns_};
  }
  return {facets_in_one_slot(shards_.database(), shards_.has_remote()), nullptr};
}

void Searcher::note_version() {
  index_version_ = identity_ + "|" + shards_.revisions();
}

std::string Searcher::version() {
  if (!synonyms_) return index_version_;
  return index_version_ + "|s" + std::to_string(synonyms_->generation());
}

Result<IndexStats> Searcher::stats() {
  return with_retry("index statistics failed", [&]() -> Result<IndexStats> {
    IndexStats stats{shards_.database().get_doccount(), shards_.revision(), shards_.size(),
                     shards_.unavailable()};
    std::tie(stats.created_unix, stats.updated_unix) = index_times(path_);
    return stats;
  });
}

}  // namespace sonda::search

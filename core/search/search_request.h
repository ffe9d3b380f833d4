// A search as any front end (HTTP today) asks it: text, language, filters, facets, sort and page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/filter.h"
#include "util/result.h"

namespace sonda::search {

// How hits are ordered.
enum class SortOrder { relevance, date_desc, date_asc };

// Limits a request must respect; the server may lower them.
struct RequestLimits {
  size_t max_query_chars = 1000;
  int max_hits_per_page = 100;
  int max_page = 10000;
  int max_offset = 100000;
};

// How hits' fields are marked for a client that lays them out itself (the Meilisearch API's `_formatted`).
struct FieldMarking {
  std::vector<std::string> highlight;                // fields whose matched words are wrapped
  std::vector<std::pair<std::string, size_t>> crop;  // fields cut to about N words around the best passage
  std::string pre_tag = "<em>";
  std::string post_tag = "</em>";
  std::string crop_marker = "…";
  size_t text_words = 30;  // the body (`text`) is always cropped, to this many words unless listed in `crop`
  bool escape_html = false;  // the text between tags is escaped (else raw: the client escapes)
};

// One search. Field names follow the HTTP API (and Meilisearch's where one exists).
struct SearchRequest {
  std::string q;
  std::string lang;         // "fr", "es", or empty / "any" for both
  std::string labels_lang;  // "fr"/"es": language of facet labels; empty: `lang`, else per document
  FilterNode filter;        // every syntax's filters, as one tree (empty: none)
  std::vector<std::string> facets;
  std::optional<int> year_from;
  std::optional<int> year_to;
  SortOrder sort = SortOrder::relevance;
  int page = 1;
  int hits_per_page = 10;
  int max_values_per_facet = 20;
  std::optional<int> offset;  // when set, hits start at this rank (and `page` is ignored)
  bool highlight = true;
  bool disjunctive_facets = true;  // a facet's counts leave out the filter conditions on that facet alone
  bool relax_when_empty = true;    // nothing matches every word: rank the documents matching some of them
  bool with_body = false;          // hits carry the document body
  bool snippets = true;            // hits carry a snippet (exports of many documents go without)
  bool locate = false;  // without snippets: hits with pages or sections still say where their best passage is
  int passages =
      1;  // above 1, hits also carry that many best passages of their whole body, each with its page
  std::vector<std::string> excluded_ids;  // documents never returned (a document's own similar ones)
  bool match_positions = false;  // hits carry the byte spans of matched words in title, description, text
  std::optional<FieldMarking> marking;
  bool match_any = false;       // "match=any": rank documents with any of the words (questions, long queries)
  bool any_as_question = true;  // with match_any: ranked by the questions' model (Ranking), else by BM25
  bool prefix = true;           // the last word, when q ends inside it, also matches its completions
  bool typo_tolerance = true;   // a word no document holds also matches indexed words a typo away
  bool cross_language = false;  // the words' translations into the other language match too
  bool feedback = false;        // the page ranked again with its best documents' most significant stems
  std::string query_lang;       // "fr"/"es": the language the query is written in; empty: read both ways
};

// Checks `request` against the schema and `limits`: unknown filter or facet fields, bad pages,
// overlong or invalid UTF-8 text are ErrorCode::invalid_argument with a message for the client.
Status validate(const SearchRequest& request, const RequestLimits& limits);

}  // namespace sonda::search

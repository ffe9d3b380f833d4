// A Meilisearch search query (a JSON body, or GET parameters) read into a core SearchRequest plus how to
// shape its answer.
#include "server/meilisearch/search_query.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>

#include "index/document_fields.h"
#include "index/schema.h"
#include "search/request_key.h"
#include "server/meilisearch/filter_expression.h"

namespace sonda::server::meilisearch {
namespace {

using Json = nlohmann::json;
using search::FilterNode;
using Field = std::function<std::optional<ApiError>(SearchQuery&, const Json&)>;

constexpr size_t kDefaultTextWords = 30;  // the body in _formatted when no crop length is asked

std::optional<ApiError> wrong(const std::string& code, const std::string& message) {
  return bad(code, message);
}

Result<int, ApiError> natural(const Json& value, const std::string& name, const std::string& code) {
  if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 1000000000)
    return bad(code, "`" + name + "` must be a non-negative integer");
  return static_cast<int>(value.get<long long>());
}

Result<std::vector<std::string>, ApiError> strings(const Json& value, const std::string& name,
                                                   const std::string& code) {
  if (!value.is_array()) return bad(code, "`" + name + "` must be an array of strings");
  std::vector<std::string> out;
  for (const Json& item : value) {
    if (!item.is_string()) return bad(code, "`" + name + "` must be an array of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

// A field holding a non-negative integer, stored in `member`; `pages` switches the answer to page mode.
Field natural_field(const char* name, const char* code, int SearchQuery::*member, bool pages) {
  return [=](SearchQuery& query, const Json& value) -> std::optional<ApiError> {
    auto number = natural(value, name, code);
    if (!number) return number.error();
    query.*member = *number;
    query.page_mode = query.page_mode || pages;
    return std::nullopt;
  };
}

std::optional<ApiError> text_field(const Json& value, const std::string& name, const std::string& code,
                                   std::string& target) {
  if (!value.is_string()) return wrong(code, "`" + name + "` must be a string");
  target = value.get<std::string>();
  return std::nullopt;
}

std::optional<ApiError> flag_field(const Json& value, const std::string& name, const std::string& code,
                                   bool& target) {
  if (!value.is_boolean()) return wrong(code, "`" + name + "` must be a boolean");
  target = value.get<bool>();
  return std::nullopt;
}

// Array form: outer AND, inner arrays OR, strings are expressions; a string is one expression.
Result<FilterNode, ApiError> read_filter(const Json& value) {
  auto expression = [](const std::string& text) -> Result<FilterNode, ApiError> {
    auto parsed = parse_filter_expression(text);
    if (!parsed) return bad("invalid_search_filter", parsed.error().message);
    return std::move(*parsed);
  };
  if (value.is_string()) return expression(value.get<std::string>());
  if (!value.is_array())
    return bad("invalid_search_filter",
               "`filter` must be a string or an array of strings and arrays of strings");
  std::vector<FilterNode> all;
  for (const Json& item : value) {
    if (item.is_string()) {
      auto node = expression(item.get<std::string>());
      if (!node) return node;
      if (!node->keeps_everything()) all.push_back(std::move(*node));
      continue;
    }
    if (!item.is_array())
      return bad("invalid_search_filter", "an item of `filter` must be a string or an array of strings");
    std::vector<FilterNode> any;
    for (const Json& inner : item) {
      if (!inner.is_string())
        return bad("invalid_search_filter", "`filter` nests arrays at most two deep, of strings");
      auto node = expression(inner.get<std::string>());
      if (!node) return node;
      any.push_back(std::move(*node));
    }
    all.push_back(any.size() == 1 ? std::move(any.front()) : FilterNode::any_of(std::move(any)));
  }
  return all.size() == 1 ? std::move(all.front()) : FilterNode::all_of(std::move(all));
}

std::optional<ApiError> read_sort(SearchQuery& query, const Json& value) {
  auto criteria = strings(value, "sort", "invalid_search_sort");
  if (!criteria) return criteria.error();
  for (auto it = criteria->rbegin(); it != criteria->rend(); ++it) {  // the first criterion decides
    const std::string& criterion = *it;
    size_t colon = criterion.rfind(':');
    std::string field = criterion.substr(0, colon == std::string::npos ? criterion.size() : colon);
    std::string direction = colon == std::string::npos ? "" : criterion.substr(colon + 1);
    if (field != "date" && field != "year")
      return wrong("invalid_search_sort",
                   "cannot sort by `" + field + "`: the sortable attributes are date and year");
    if (direction != "asc" && direction != "desc")
      return wrong("invalid_search_sort",
                   "`" + criterion + "` must be `" + field + ":asc` or `" + field + ":desc`");
    query.request.sort = direction == "asc" ? search::SortOrder::date_asc : search::SortOrder::date_desc;
  }
  return std::nullopt;
}

std::optional<ApiError> read_facets(SearchQuery& query, const Json& value) {
  auto names = strings(value, "facets", "invalid_search_facets");
  if (!names) return names.error();
  query.facets_asked = true;
  query.request.facets.clear();
  for (const std::string& name : *names) {
    if (name == "*") {
      for (const auto& field : index::facet_fields()) query.request.facets.emplace_back(field.name);
      continue;
    }
    auto field = index::find_facet(name);
    if (!field)
      return wrong("invalid_search_facets",
                   "`" + name +
                       "` is not a facet: the filterable attributes are country, region, organisation, "
                       "topic, type, lang, year and format");
    query.request.facets.emplace_back(field->name);
  }
  return std::nullopt;
}

// Field names a list asks for, "*" meaning `everything`; names that are no field are left out.
std::vector<std::string> field_names(const std::vector<std::string>& asked,
                                     const std::vector<std::string>& everything) {
  std::vector<std::string> out;
  for (const std::string& name : asked) {
    if (name == "*") {
      for (const std::string& field : everything)
        if (std::find(out.begin(), out.end(), field) == out.end()) out.push_back(field);
    } else if (index::field_text(index::Document{}, name) &&
               std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(name);
    }
  }
  return out;
}

std::vector<std::string> all_but_text() {
  std::vector<std::string> out;
  for (std::string_view name : index::document_field_names())
    if (name != "text") out.emplace_back(name);
  return out;
}

const std::map<std::string, Field>& search_fields() {
  static const std::map<std::string, Field> fields{
      {"q",
       [](SearchQuery& s, const Json& v) { return text_field(v, "q", "invalid_search_q", s.request.q); }},
      {"filter",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         auto filter = read_filter(v);
         if (!filter) return filter.error();
         s.request.filter = std::move(*filter);
         return std::nullopt;
       }},
      {"facets", read_facets},
      {"sort", read_sort},
      {"offset", natural_field("offset", "invalid_search_offset", &SearchQuery::offset, false)},
      {"limit", natural_field("limit", "invalid_search_limit", &SearchQuery::limit, false)},
      {"page", natural_field("page", "invalid_search_page", &SearchQuery::page, true)},
      {"hitsPerPage",
       natural_field("hitsPerPage", "invalid_search_hits_per_page", &SearchQuery::hits_per_page, true)},
      {"attributesToRetrieve",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         auto names = strings(v, "attributesToRetrieve", "invalid_search_attributes_to_retrieve");
         if (!names) return names.error();
         s.retrieved = field_names(*names, all_but_text());
         return std::nullopt;
       }},
      {"attributesToHighlight",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         auto names = strings(v, "attributesToHighlight", "invalid_search_attributes_to_highlight");
         if (!names) return names.error();
         s.request.marking->highlight = *names;  // "*" is resolved once the retrieved fields are known
         return std::nullopt;
       }},
      {"attributesToCrop",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         auto names = strings(v, "attributesToCrop", "invalid_search_attributes_to_crop");
         if (!names) return names.error();
         for (const std::string& name : *names) {
           size_t colon = name.rfind(':');
           size_t words = 0;  // 0: cropLength
           if (colon != std::string::npos) {
             std::string_view digits = std::string_view(name).substr(colon + 1);
             auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), words);
             if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
               return wrong("invalid_search_attributes_to_crop",
                            "`" + name + "` must be `attribute` or `attribute:N`");
           }
           s.request.marking->crop.emplace_back(name.substr(0, colon), words);
         }
         return std::nullopt;
       }},
      {"cropLength",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         auto n = natural(v, "cropLength", "invalid_search_crop_length");
         if (!n) return n.error();
         s.crop_length = static_cast<size_t>(*n);
         s.crop_length_set = true;
         return std::nullopt;
       }},
      {"cropMarker",
       [](SearchQuery& s, const Json& v) {
         return text_field(v, "cropMarker", "invalid_search_crop_marker", s.request.marking->crop_marker);
       }},
      {"highlightPreTag",
       [](SearchQuery& s, const Json& v) {
         return text_field(v, "highlightPreTag", "invalid_search_highlight_pre_tag",
                           s.request.marking->pre_tag);
       }},
      {"highlightPostTag",
       [](SearchQuery& s, const Json& v) {
         return text_field(v, "highlightPostTag", "invalid_search_highlight_post_tag",
                           s.request.marking->post_tag);
       }},
      {"showMatchesPosition",
       [](SearchQuery& s, const Json& v) {
         return flag_field(v, "showMatchesPosition", "invalid_search_show_matches_position",
                           s.matches_position);
       }},
      {"showRankingScore",
       [](SearchQuery& s, const Json& v) {
         return flag_field(v, "showRankingScore", "invalid_search_show_ranking_score", s.ranking_score);
       }},
      {"matchingStrategy",
       [](SearchQuery& s, const Json& v) -> std::optional<ApiError> {
         std::string strategy;
         if (auto error = text_field(v, "matchingStrategy", "invalid_search_matching_strategy", strategy))
           return error;
         if (strategy != "last" && strategy != "all" && strategy != "frequency")
           return wrong("invalid_search_matching_strategy",
                        "`matchingStrategy` must be `last`, `all` or `frequency`");
         s.request.relax_when_empty = strategy == "last";
         s.request.match_any = strategy == "frequency";
         return std::nullopt;
       }},
      // Sonda's own options.
      {"lang", [](SearchQuery& s,
                  const Json& v) { return text_field(v, "lang", "invalid_search_lang", s.request.lang); }},
      {"hl", [](SearchQuery& s,
                const Json& v) { return text_field(v, "hl", "invalid_search_hl", s.request.labels_lang); }},
      {"queryLang",
       [](SearchQuery& s, const Json& v) {
         return text_field(v, "queryLang", "invalid_search_query_lang", s.request.query_lang);
       }},
      {"crossLanguage",
       [](SearchQuery& s, const Json& v) {
         return flag_field(v, "crossLanguage", "invalid_search_cross_language", s.request.cross_language);
       }},
      {"prefix",
       [](SearchQuery& s, const Json& v) {
         return flag_field(v, "prefix", "invalid_search_prefix", s.request.prefix);
       }},
      {"typoTolerance",
       [](SearchQuery& s, const Json& v) {
         return flag_field(v, "typoTolerance", "invalid_search_typo_tolerance", s.request.typo_tolerance);
       }},
  };
  return fields;
}

// Meilisearch fields that change nothing here (Sonda has one ranking, no vectors, no distinct attribute).
bool accepted_without_effect(const std::string& name) {
  static const char* kNames[] = {"showRankingScoreDetails", "attributesToSearchOn",
                                 "rankingScoreThreshold",   "locales",
                                 "retrieveVectors",         "distinct",
                                 "federationOptions",       "indexUid"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* known) { return name == known; });
}

// Resolves "*" and default lengths once every field is read, and drops the marking when nothing is marked.
void finish(SearchQuery& query, bool retrieve_asked) {
  if (!retrieve_asked) query.retrieved = all_but_text();
  search::FieldMarking& marking = *query.request.marking;
  std::vector<std::pair<std::string, size_t>> crops;
  for (const auto& [name, words] : marking.crop) {
    std::vector<std::string> fields = field_names({name}, query.retrieved);
    for (const std::string& field : fields)
      if (std::none_of(crops.begin(), crops.end(), [&](const auto& crop) { return crop.first == field; }))
        crops.emplace_back(field, words ? words : query.crop_length);
  }
  marking.crop = std::move(crops);
  std::vector<std::string> shown = query.retrieved;  // "*" highlights every field _formatted shows
  for (const auto& [field, words] : marking.crop)
    if (std::find(shown.begin(), shown.end(), field) == shown.end()) shown.push_back(field);
  marking.highlight = field_names(marking.highlight, shown);
  marking.text_words = query.crop_length_set ? query.crop_length : kDefaultTextWords;
  query.formatted = !marking.highlight.empty() || !marking.crop.empty();
  if (!query.formatted) query.request.marking.reset();
}

}  // namespace

ApiResult<SearchQuery> read_search_query(const Json& body, QueryKind kind) {
  if (!body.is_object()) return bad("bad_request", "a search query must be a JSON object");
  SearchQuery query;
  query.request.marking.emplace();
  query.request.marking->highlight.clear();
  query.request.snippets = false;  // no native snippet: _formatted carries the marked text
  for (const auto& [name, value] : body.items()) {
    if (name == "indexUid" && kind == QueryKind::multi_search) {
      if (!value.is_string()) return bad("invalid_index_uid", "`indexUid` must be a string");
      query.index_uid = value.get<std::string>();
      continue;
    }
    if (kind == QueryKind::facet_search && (name == "facetName" || name == "facetQuery")) {
      if (value.is_null()) continue;
      std::string& target = name == "facetName" ? query.facet_name : query.facet_query;
      std::string code =
          name == "facetName" ? "invalid_facet_search_facet_name" : "invalid_facet_search_facet_query";
      if (auto error = text_field(value, name, code, target)) return *error;
      continue;
    }
    if (name == "vector" || name == "hybrid")
      return bad(name == "vector" ? "invalid_search_vector" : "invalid_search_hybrid_query",
                 "Sonda has no vector search: `" + name + "` is not supported");
    auto field = search_fields().find(name);
    if (field == search_fields().end()) {
      if (accepted_without_effect(name) || kind == QueryKind::facet_search) continue;
      return bad("bad_request",
                 "Unknown field `" + name + "`: Sonda reads the fields of Meilisearch's search API");
    }
    if (value.is_null()) continue;
    if (auto error = field->second(query, value)) return *error;
  }
  finish(query, body.contains("attributesToRetrieve") && !body["attributesToRetrieve"].is_null());
  return query;
}

ApiResult<SearchQuery> read_search_params(const HttpRequest& request) {
  static const std::vector<std::string> kLists = {"facets", "sort", "attributesToRetrieve",
                                                  "attributesToHighlight", "attributesToCrop"};
  static const std::vector<std::string> kNumbers = {"offset", "limit", "page", "hitsPerPage", "cropLength"};
  static const std::vector<std::string> kFlags = {"showMatchesPosition", "showRankingScore",
                                                  "crossLanguage",       "prefix",
                                                  "typoTolerance",       "showRankingScoreDetails"};
  auto is = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  Json body = Json::object();
  for (const auto& [name, value] : request.params) {
    if (is(kLists, name)) {
      Json list = Json::array();
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        std::string item =
            value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) list.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      body[name] = std::move(list);
    } else if (is(kNumbers, name)) {
      long long number = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      body[name] = ec == std::errc() && end == value.data() + value.size() && !value.empty() ? Json(number)
                                                                                             : Json(value);
    } else if (is(kFlags, name)) {
      body[name] = value == "true" ? Json(true) : value == "false" ? Json(false) : Json(value);
    } else {
      body[name] = value;
    }
  }
  return read_search_query(body, QueryKind::search);
}

std::string query_key(const SearchQuery& query) {
  static_assert(sizeof(void*) != 8 || sizeof(SearchQuery) == 720, "write the new field into the key");
  std::string key = search::request_key(query.request);
  search::KeyWriter write(key);
  write.text(query.index_uid);
  write.flag(query.page_mode);
  write.number(query.page);
  write.number(query.hits_per_page);
  write.number(query.limit);
  write.number(query.offset);
  write.texts(query.retrieved);
  write.flag(query.formatted);
  write.flag(query.facets_asked);
  write.flag(query.ranking_score);
  write.flag(query.matches_position);
  write.number(static_cast<long long>(query.crop_length));
  write.flag(query.crop_length_set);
  write.text(query.facet_name);
  write.text(query.facet_query);
  return key;
}

}  // namespace sonda::server::meilisearch

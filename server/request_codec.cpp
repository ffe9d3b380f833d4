// Reads a SearchRequest from query parameters (GET) or a JSON body (POST).
#include "server/request_codec.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace sonda::server {
namespace {

using search::SearchRequest;
using search::SortOrder;

Error invalid(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

Result<int> parse_int(const std::string& name, const std::string& text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    return invalid(name + " must be an integer");
  return value;
}

Result<bool> parse_bool(const std::string& name, const std::string& text) {
  if (text == "true" || text == "1" || text == "on") return true;
  if (text == "false" || text == "0" || text == "off") return false;
  return invalid(name + " must be true or false");
}

Status parse_sort(SearchRequest& request, const std::string& text) {
  if (text == "relevance" || text.empty())
    request.sort = SortOrder::relevance;
  else if (text == "date:desc")
    request.sort = SortOrder::date_desc;
  else if (text == "date:asc")
    request.sort = SortOrder::date_asc;
  else
    return invalid("sort must be relevance, date:desc or date:asc");
  return Status::success();
}

Status add_filter(SearchRequest& request, const std::string& text) {
  size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    return invalid("filter must be field:value");
  request.filter.children.push_back(
      search::FilterNode::equality(text.substr(0, colon), text.substr(colon + 1)));
  return Status::success();
}

// The filters were collected one `field:value` at a time; values of one field are alternatives.
SearchRequest& group_filters(SearchRequest& request) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& node : request.filter.children) pairs.emplace_back(node.field, node.value);
  request.filter = search::facet_value_filter(pairs);
  return request;
}

void add_facets(SearchRequest& request, const std::string& list) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!name.empty()) request.facets.push_back(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

// Applies one named field, given as text, to the request.
Status apply(SearchRequest& request, const std::string& name, const std::string& value) {
  auto set_int = [&](auto& target) -> Status {
    auto parsed = parse_int(name, value);
    if (!parsed) return parsed.error();
    target = *parsed;
    return Status::success();
  };
  if (name == "q")
    request.q = value;
  else if (name == "lang")
    request.lang = value;
  else if (name == "hl")
    request.labels_lang = value;
  else if (name == "queryLang")
    request.query_lang = value;
  else if (name == "match") {
    if (value != "all" && value != "any") return invalid("match must be all or any");
    request.match_any = value == "any";
  } else if (name == "filter")
    return add_filter(request, value);
  else if (name == "facets")
    add_facets(request, value);
  else if (name == "from")
    return set_int(request.year_from);
  else if (name == "to")
    return set_int(request.year_to);
  else if (name == "sort")
    return parse_sort(request, value);
  else if (name == "page")
    return set_int(request.page);
  else if (name == "hitsPerPage")
    return set_int(request.hits_per_page);
  else if (name == "maxValuesPerFacet")
    return set_int(request.max_values_per_facet);
  else if (name == "passages")
    return set_int(request.passages);
  else if (name == "highlight" || name == "prefix" || name == "typoTolerance" || name == "crossLanguage" ||
           name == "feedback") {
    auto parsed = parse_bool(name, value);
    if (!parsed) return parsed.error();
    bool& flag = name == "highlight"       ? request.highlight
                 : name == "prefix"        ? request.prefix
                 : name == "typoTolerance" ? request.typo_tolerance
                 : name == "feedback"      ? request.feedback
                                           : request.cross_language;
    flag = *parsed;
  }
  return Status::success();
}

std::string as_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return value.dump();
}

}  // namespace

Result<SearchRequest> search_request_from_params(const HttpRequest& http) {
  SearchRequest request;
  for (const auto& [name, value] : http.params)
    if (Status status = apply(request, name, value); !status) return status.error();
  return group_filters(request);
}

Result<SearchRequest> search_request_from_json(const std::string& body) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) return invalid("the body is not valid JSON");
  if (!json.is_object()) return invalid("the body must be a JSON object");
  SearchRequest request;
  for (const auto& [name, value] : json.items()) {
    if (value.is_null()) continue;
    if (value.is_array() && (name == "filter" || name == "facets")) {
      for (const auto& item : value)
        if (Status status = apply(request, name, as_text(item)); !status) return status.error();
      continue;
    }
    if (value.is_array() || value.is_object()) return invalid(name + " has the wrong type");
    if (name == "page" || name == "hitsPerPage" || name == "from" || name == "to" ||
        name == "maxValuesPerFacet" || name == "passages")
      if (!value.is_number_integer()) return invalid(name + " must be an integer");
    if (Status status = apply(request, name, as_text(value)); !status) return status.error();
  }
  return group_filters(request);
}

}  // namespace sonda::server

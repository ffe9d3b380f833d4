// The vocabulary a request generator draws from, read from a running server through its own API.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/request_generator.h"
#include "support/running_server.h"

namespace sonda::testing {

// The words (every seventh of each text, and the titles'), adjacent title words, facet values, years and
// ids of the first 100 documents `server` browses.
inline Vocabulary served_vocabulary(server::RunningServer& server) {
  auto get = [&](const std::string& target) {
    auto response = server.client().Get(target.c_str());
    return response ? nlohmann::json::parse(response->body, nullptr, false) : nlohmann::json();
  };
  Vocabulary words;
  nlohmann::json all = get(
      "/search?q=&hitsPerPage=100&maxValuesPerFacet=100&hl=fr&facets=country,region,organisation,topic,type,"
      "lang,year,format");
  for (const auto& [field, values] : all["facetDistribution"].items())
    for (const auto& [value, count] : values.items()) {
      words.facet_values[field].push_back(value);
      if (field == "year") words.years.push_back(std::stoi(value));
    }
  for (const auto& hit : all["hits"]) {
    std::string id = hit["id"].get<std::string>();
    words.ids.push_back(id);
    nlohmann::json document = get("/documents/" + httplib::detail::encode_query_param(id));
    std::vector<std::string> title = words_of(document["title"].get<std::string>());
    for (size_t i = 0; i + 1 < title.size(); ++i) words.adjacent.emplace_back(title[i], title[i + 1]);
    std::vector<std::string> text = words_of(document["text"].get<std::string>());
    for (size_t i = 0; i < text.size(); i += 7) words.words.push_back(text[i]);
    words.words.insert(words.words.end(), title.begin(), title.end());
  }
  return words;
}

}  // namespace sonda::testing

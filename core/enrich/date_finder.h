// Finds the year of the first date written in a text ("12 mars 2021", "marzo de 2021", "2021-03-12",
// "12/03/2021").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <cstdint>

namespace sonda::enrich {

// A word of a text: its folded form and its byte range in the text.
struct WordAt {
  std::string_view folded;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The year (1900–2099) of the first date in `text`, whose words are `words`: a French or Spanish month
// name followed by a year ("mars 2021", "marzo de 2021"), day/month/year with '/', '-' or '.', or
// year-month-day. A bare number is not a date.
std::optional<int> find_year(std::string_view text, const std::vector<WordAt>& words);

}  // namespace sonda::enrich

// Finds the year of the first date written in a text ("12 mars 2021", "marzo de 2021", "2021-03-12",
// "12/03/2021").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace sonda::enrich {

// The year (1900–2099) of the first date in `text`, whose tokens are `tokens`: a French or Spanish month
// name followed by a year ("mars 2021", "marzo de 2021"), day/month/year with '/', '-' or '.', or
// year-month-day. A bare number is not a date.
std::optional<int> find_year(std::string_view text, const std::vector<analysis::Token>& tokens);

}  // namespace sonda::enrich

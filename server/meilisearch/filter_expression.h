// Meilisearch's filter expressions ("country = Pérou AND year 2018 TO 2020") parsed into the core filter
// tree.
#pragma once

#include <string_view>

#include "search/filter.h"
#include "util/result.h"

namespace sonda::server::meilisearch {

// Parses one expression with the grammar of Meilisearch's filter parser: OR < AND < NOT < condition,
// parentheses, `= != > >= < <=`, `a v1 TO v2`, `IN [...]`, `NOT IN`, `EXISTS`, `NOT EXISTS`,
// `IS [NOT] NULL`, `IS [NOT] EMPTY`; keywords in capitals; values bare (letters, digits, `_ - .`) or
// quoted with ' or " (backslash escapes). An empty or blank expression is no filter. Errors are
// ErrorCode::invalid_argument with a message that says what was expected where. Field names are not
// checked here (search::validate_filter does).
Result<search::FilterNode> parse_filter_expression(std::string_view expression);

}  // namespace sonda::server::meilisearch

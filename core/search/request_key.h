// The canonical text of a search request: what caches key its answers by.
#pragma once

#include <string>

#include "search/search_request.h"

namespace sonda::search {

// A text two requests share exactly when every field that shapes their answer is equal, whatever syntax
// they were written in (GET parameters in any order, a POST body, defaults left out or spelled out).
// Strings are length-prefixed, so no value can pass for another field.
std::string request_key(const SearchRequest& request);

}  // namespace sonda::search

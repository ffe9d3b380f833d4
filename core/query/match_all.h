// A query matching every document, made fresh for each use.
#pragma once

#include <xapian.h>

#include <string>

namespace sonda::query {

// Xapian's match-all query (the empty term), a new object each call. Xapian::Query::MatchAll is one static
// object whose reference count Xapian 1.4 updates without atomics: serving threads copying it at once
// corrupt the count, and the server crashed once it reached zero (ThreadSanitizer reports the race).
inline Xapian::Query match_all() {
  return Xapian::Query(std::string());
}

}  // namespace sonda::query

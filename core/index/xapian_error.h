// Maps Xapian exceptions to Sonda Errors, so no Xapian exception crosses a module boundary.
#pragma once

#include <xapian.h>

#include <string>

#include "util/result.h"

namespace sonda::index {

// An Error for `error` whose message starts with `what` (what Sonda was doing) and whose code
// tells a lock, corruption, a missing database or an invalid argument apart from other failures.
Error xapian_error(const Xapian::Error& error, const std::string& what);

}  // namespace sonda::index

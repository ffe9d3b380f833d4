// The built-in gazetteer, parsed once for a whole test program.
#pragma once

#include <stdexcept>

#include "enrich/gazetteer.h"

namespace sonda::testing {

// The gazetteer sonda-index and sonda-serve use by default.
inline const enrich::Gazetteer& builtin_gazetteer() {
  static const enrich::Gazetteer gazetteer = [] {
    auto parsed = enrich::Gazetteer::load("");
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return std::move(*parsed);
  }();
  return gazetteer;
}

}  // namespace sonda::testing

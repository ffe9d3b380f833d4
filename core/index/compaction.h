// Merging databases into one: how the parts of a parallel full rebuild become the new generation.
#pragma once

#include <string>
#include <vector>

#include "util/result.h"

namespace sonda::index {

// Compacts `sources` (documents renumbered in order, user metadata of all kept) into a new database at
// `destination`, which must not exist yet.
Status compact_databases(const std::vector<std::string>& sources, const std::string& destination);

// Documents in the database at `path`.
Result<unsigned> count_documents(const std::string& path);

}  // namespace sonda::index

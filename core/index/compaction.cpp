// Merging databases into one: how the parts of a parallel full rebuild become the new generation.
#include "index/compaction.h"

#include <xapian.h>

#include "index/xapian_error.h"

namespace sonda::index {

Status compact_databases(const std::vector<std::string>& sources, const std::string& destination) {
  try {
    Xapian::Database combined;
    for (const std::string& source : sources) combined.add_database(Xapian::Database(source));
    combined.compact(destination);
    return Status::success();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot merge the rebuilt parts into " + destination);
  }
}

Result<unsigned> count_documents(const std::string& path) {
  try {
    return Xapian::Database(path).get_doccount();
  } catch (const Xapian::Error& error) {
    return xapian_error(error, "cannot open " + path);
  }
}

}  // namespace sonda::index

// Maps Xapian exceptions to Sonda Errors, so no Xapian exception crosses a module boundary.
#include "index/xapian_error.h"

#include <cstring>

namespace sonda::index {

Error xapian_error(const Xapian::Error& error, const std::string& what) {
  std::string type = error.get_type();
  std::string detail = what + ": " + error.get_msg();
  if (const char* reason = error.get_error_string(); reason && *reason)
    detail += std::string(" (") + reason + ")";
  if (type == "DatabaseLockError")
    return {ErrorCode::locked, what + ": the database is locked by another writer"};
  // A full disk (or a file size limit) shows as a DatabaseError "Error writing block …".
  if (type == "DatabaseError" && error.get_msg().find("writing") != std::string::npos)
    return {ErrorCode::io_error, detail};
  // A damaged table shows as DatabaseCorruptError, or as a plain DatabaseError ("EOF reading block").
  if (type == "DatabaseCorruptError" || type == "DatabaseError") return {ErrorCode::corrupt, detail};
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" || type == "DatabaseVersionError")
    return {ErrorCode::unavailable, detail};
  if (type == "InvalidArgumentError") return {ErrorCode::invalid_argument, detail};
  if (type == "DatabaseModifiedError") return {ErrorCode::unavailable, detail};
  if (type == "NetworkError" || type == "NetworkTimeoutError") return {ErrorCode::unavailable, detail};
  return {ErrorCode::io_error, detail};
}

}  // namespace sonda::index

// The exit codes of sonda-index, as documented in --help and the README.
#pragma once

namespace sonda::indexer {

// What a sonda-index run ended with.
enum class ExitCode {
  ok = 0,           // every document indexed
  some_failed = 1,  // some documents or files were reported and skipped; the rest is indexed
  usage = 2,        // bad command line, or (bad_path) a path that does not exist
  bad_path = 2,
  database_error = 3,  // the database cannot be created, opened or written
  locked = 4,          // another writer holds the database
};

}  // namespace sonda::indexer

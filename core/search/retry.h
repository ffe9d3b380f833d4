// Runs a read of the index again when Xapian says the revision it read is gone or a shard's network failed.
#pragma once

#include <xapian.h>

#include "index/xapian_error.h"
#include "util/result.h"

namespace sonda::search {

// Attempts before giving up: when a commit discarded the revision read (the indexer may commit faster than a
// slow search ends: batches re-indexed in place under a sanitizer failed three attempts in a row), and when
// a remote shard's network failed (each attempt may wait for a timeout, so fewer).
inline constexpr int kRevisionAttempts = 8;
inline constexpr int kNetworkAttempts = 3;

// `operation()` (a Result), run again after `reopen()` (which may throw a Xapian::Error) when the revision it
// read was discarded, or after `reconnect()` (a Status) when the network failed; a failure past the attempts,
// or any other Xapian error, as an Error about `what`.
template <typename Operation, typename Reopen, typename Reconnect>
auto with_retries(const char* what, Operation operation, Reopen reopen, Reconnect reconnect)
    -> decltype(operation()) {
  for (int revisions = 1, networks = 1;;) {
    try {
      return operation();
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (revisions++ == kRevisionAttempts) return index::xapian_error(error, what);
      try {
        reopen();
      } catch (const Xapian::Error& reopen_error) {
        return index::xapian_error(reopen_error, what);
      }
    } catch (const Xapian::NetworkError& error) {
      if (networks++ == kNetworkAttempts) return index::xapian_error(error, what);
      Status reconnected = reconnect();
      if (!reconnected) return reconnected.error();
    } catch (const Xapian::Error& error) {
      return index::xapian_error(error, what);
    }
  }
}

}  // namespace sonda::search

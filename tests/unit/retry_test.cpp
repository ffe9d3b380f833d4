// Reads retried on a new revision or a reconnected shard: how many failures each outlasts, and what is said
// when it gives up (failures thrown → the result and the retries made).
#include "search/retry.h"

#include <gtest/gtest.h>

#include <string>

namespace sonda::search {
namespace {

enum class Failure { revision, network, other };

struct Row {
  const char* name;
  Failure failure;
  int failures;             // thrown before the operation succeeds
  bool reconnect_works;     // what reconnect() answers
  bool succeeds;            // the result is the operation's own
  int reopens, reconnects;  // the retries made
};

const Row kRows[] = {
    {"a revision discarded seven times: the eighth attempt answers", Failure::revision, 7, true, true, 7, 0},
    {"a revision discarded at every attempt: given up after eight", Failure::revision, 100, true, false, 7,
     0},
    {"the network failing twice: the third attempt answers", Failure::network, 2, true, true, 0, 2},
    {"the network failing at every attempt: given up after three", Failure::network, 100, true, false, 0, 2},
    {"a shard that cannot be reconnected: its error at once", Failure::network, 1, false, false, 0, 1},
    {"any other Xapian error: no retry", Failure::other, 1, true, false, 0, 0},
};

TEST(Retry, EachFailureIsRetriedAsOftenAsItsKindAllows) {
  for (const Row& row : kRows) {
    int calls = 0, reopens = 0, reconnects = 0;
    auto operation = [&]() -> Result<int> {
      if (calls++ < row.failures) {
        if (row.failure == Failure::revision) throw Xapian::DatabaseModifiedError("revision discarded");
        if (row.failure == Failure::network) throw Xapian::NetworkError("connection reset");
        throw Xapian::DatabaseCorruptError("bad block");
      }
      return 42;
    };
    auto reopen = [&] { ++reopens; };
    auto reconnect = [&]() -> Status {
      ++reconnects;
      if (!row.reconnect_works) return Error{ErrorCode::unavailable, "shard down"};
      return {};
    };
    Result<int> result = with_retries("search failed", operation, reopen, reconnect);
    EXPECT_EQ(result.ok(), row.succeeds) << row.name;
    if (result.ok()) EXPECT_EQ(*result, 42) << row.name;
    if (!result.ok() && row.reconnect_works) {
      EXPECT_NE(result.error().message.find("search failed"), std::string::npos) << row.name;
    }
    EXPECT_EQ(reopens, row.reopens) << row.name;
    EXPECT_EQ(reconnects, row.reconnects) << row.name;
  }
}

TEST(Retry, AReopenThatFailsEndsTheRetries) {
  int calls = 0;
  Result<int> result = with_retries(
      "search failed",
      [&]() -> Result<int> {
        ++calls;
        throw Xapian::DatabaseModifiedError("revision discarded");
      },
      [] { throw Xapian::DatabaseOpeningError("no index"); }, []() -> Status { return {}; });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::unavailable);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace sonda::search

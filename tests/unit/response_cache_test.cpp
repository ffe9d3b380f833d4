// The response cache: its bound, its least-recently-used order, one index version at a time, and the
// processing times it rewrites.
#include "server/response_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace sonda::server {
namespace {

std::string answer(const std::string& word, size_t size = 100) {
  std::string body = R"({"hits":[")" + word + R"("],"processingTimeMs":12.345,"pad":")";
  body.resize(size > body.size() + 2 ? size - 2 : body.size(), 'x');
  return body + "\"}";
}

TEST(ResponseCache, AStoredAnswerComesBackWithTheServingRequestsTime) {
  ResponseCache cache(1 << 20);
  EXPECT_FALSE(cache.find("v1", "q=a", "0.010")) << "nothing stored yet";
  cache.store("v1", "q=a",
              R"({"processingTimeMs":12.5,"x":{"processingTimeMs":3},"text":"\"processingTimeMs\":7"})");
  auto found = cache.find("v1", "q=a", "0.010");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found,
            R"({"processingTimeMs":0.010,"x":{"processingTimeMs":0.010},"text":"\"processingTimeMs\":7"})")
      << "every key rewritten, never a string's text";
  EXPECT_FALSE(cache.find("v1", "q=b", "0")) << "another request";
  CacheStats stats = cache.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 2u);
  EXPECT_EQ(stats.entries, 1u);
}

TEST(ResponseCache, AnAnswerServesOnlyItsVersionAndAnotherVersionDropsThemAll) {
  ResponseCache cache(1 << 20);
  cache.store("v1", "q=a", answer("a"));
  cache.store("v1", "q=b", answer("b"));
  EXPECT_FALSE(cache.find("v2", "q=a", "0")) << "an answer of v1 is no answer under v2";
  EXPECT_TRUE(cache.find("v1", "q=a", "0")) << "a searcher still on v1 may use it";
  cache.store("v2", "q=a", answer("a2"));
  EXPECT_FALSE(cache.find("v1", "q=b", "0")) << "v2's first answer dropped v1's";
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().drops, 1u);
  EXPECT_NE(cache.find("v2", "q=a", "0")->find("a2"), std::string::npos);
  cache.store("v1", "q=b", answer("b"));  // a searcher not yet refreshed answers late
  EXPECT_FALSE(cache.find("v2", "q=a", "0")) << "dropped, never served for v1";
  EXPECT_FALSE(cache.find("v1", "q=a", "0")) << "nor is v2's answer served for v1";
  EXPECT_TRUE(cache.find("v1", "q=b", "0"));
  EXPECT_EQ(cache.stats().drops, 2u);
}

TEST(ResponseCache, StaysWithinItsBoundDroppingTheLeastRecentlyUsed) {
  const size_t bound = 8 * 1024;
  ResponseCache cache(bound);
  for (int i = 0; i < 40; ++i) {
    cache.store("v", "q=" + std::to_string(i), answer(std::to_string(i), 500));
    if (i > 0) {
      EXPECT_TRUE(cache.find("v", "q=0", "0")) << "used at every step, so kept: " << i;
    }
    EXPECT_LE(cache.stats().bytes, bound);
  }
  EXPECT_TRUE(cache.find("v", "q=39", "0"));
  EXPECT_FALSE(cache.find("v", "q=1", "0")) << "the least recently used went first";
  EXPECT_GT(cache.stats().evictions, 0u);
  EXPECT_LT(cache.stats().entries, 40u);
}

TEST(ResponseCache, KeepsNoAnswerLargerThanAnEighthOfItsBoundAndNothingWhenOff) {
  ResponseCache cache(8 * 1024);
  cache.store("v", "q=big", answer("big", 2000));
  EXPECT_FALSE(cache.find("v", "q=big", "0"));
  cache.store("v", "q=small", answer("small", 500));
  EXPECT_TRUE(cache.find("v", "q=small", "0"));
  ResponseCache off(0);
  EXPECT_FALSE(off.enabled());
  off.store("v", "q=small", answer("small", 500));
  EXPECT_FALSE(off.find("v", "q=small", "0"));
  EXPECT_EQ(off.stats().bytes, 0u);
}

TEST(ResponseCache, StoringAnAnswerAgainReplacesIt) {
  ResponseCache cache(1 << 20);
  cache.store("v", "q=a", answer("first"));
  size_t bytes = cache.stats().bytes;
  cache.store("v", "q=a", answer("again"));
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, bytes);
  EXPECT_NE(cache.find("v", "q=a", "0")->find("again"), std::string::npos);
}

}  // namespace
}  // namespace sonda::server

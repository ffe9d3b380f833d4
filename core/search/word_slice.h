// The part of an index's word list that starts with one letter, held in memory with each word's count.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sonda::search {

// Words in the word list's order, each with the number of documents holding it: over remote shards a
// serving thread reads a letter's words once (one transfer from every shard) and scans them here after.
class WordSlice {
 public:
  // Appends a word, which must sort after the last one added.
  void add(std::string_view word, Xapian::doccount documents);

  size_t size() const { return documents_.size(); }
  // The i-th word, and how many documents hold it.
  std::string_view word_at(size_t i) const;
  Xapian::doccount documents_at(size_t i) const { return documents_[i]; }
  // The place of the first word not sorting before `prefix` (size(): none).
  size_t first_at_least(std::string_view prefix) const;
  // What it takes in memory, approximately.
  size_t bytes() const;

 private:
  std::string words_;           // every word, end to end
  std::vector<uint32_t> ends_;  // where each word ends in words_
  std::vector<Xapian::doccount> documents_;
};

}  // namespace sonda::search

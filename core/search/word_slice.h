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

  // Calls visit(word, documents) for each word starting with `prefix`, in order, until it returns false.
  template <typename Visit>
  void each_from(std::string_view prefix, Visit&& visit) const {
    for (size_t i = first_at_least(prefix); i < documents_.size(); ++i) {
      std::string_view word = word_at(i);
      if (!word.starts_with(prefix) || !visit(word, documents_[i])) return;
    }
  }

  size_t size() const { return documents_.size(); }
  // What it takes in memory, approximately.
  size_t bytes() const;

 private:
  std::string_view word_at(size_t i) const;
  // The first word not sorting before `prefix`.
  size_t first_at_least(std::string_view prefix) const;

  std::string words_;           // every word, end to end
  std::vector<uint32_t> ends_;  // where each word ends in words_
  std::vector<Xapian::doccount> documents_;
};

}  // namespace sonda::search

// A letter's words of an index's word list, in memory.
#include "search/word_slice.h"

namespace sonda::search {

void WordSlice::add(std::string_view word, Xapian::doccount documents) {
  words_.append(word);
  ends_.push_back(static_cast<uint32_t>(words_.size()));
  documents_.push_back(documents);
}

size_t WordSlice::bytes() const {
  return sizeof(*this) + words_.capacity() + ends_.capacity() * sizeof(uint32_t) +
         documents_.capacity() * sizeof(Xapian::doccount);
}

std::string_view WordSlice::word_at(size_t i) const {
  size_t start = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(words_).substr(start, ends_[i] - start);
}

size_t WordSlice::first_at_least(std::string_view prefix) const {
  size_t low = 0, high = documents_.size();
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (word_at(middle) < prefix)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

}  // namespace sonda::search

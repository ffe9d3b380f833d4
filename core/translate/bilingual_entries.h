// Every entry of a compiled Apertium bilingual dictionary (an lttoolbox .autobil.bin), read once: what
// the look-up of one reading hides (it gives only the longest match).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace sonda::translate {

// One entry: its source and target as written in the dictionary ("protection<n><f>", "amparo<n><m>").
using BilingualEntry = std::pair<std::string, std::string>;

// The entries of the dictionary's main sections at `path` (sections of patterns, such as numbers, are
// left out), at most `max_entries`; an error when the file cannot be read.
Result<std::vector<BilingualEntry>> read_bilingual_entries(const std::string& path,
                                                           size_t max_entries = 200'000);

}  // namespace sonda::translate

// The lines of a list file (synonym groups, a domain list): one entry a line, read the same way for all.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace sonda::analysis {

// Hands each line of `text` to `entry`, trimmed, skipping blank lines and lines starting with `#`; a line
// over `max_line_bytes` or not valid UTF-8 is not handed. `entry` returns "" for a good line, else what is
// wrong with it. The first problem is an error naming its line ("line 3: an empty term").
Status read_list_lines(std::string_view text, size_t max_line_bytes,
                       const std::function<std::string(std::string_view line)>& entry);

}  // namespace sonda::analysis

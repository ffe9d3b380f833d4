// The lines of a list file: trimmed, comments and blanks skipped, bounded, UTF-8, errors naming the line.
#include "analysis/list_lines.h"

#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::analysis {

Status read_list_lines(std::string_view text, size_t max_line_bytes,
                       const std::function<std::string(std::string_view line)>& entry) {
  size_t number = 0;
  for (std::string_view raw_line : split_pieces(text, '\n')) {
    ++number;
    std::string_view line = trim(raw_line);
    if (line.empty() || line.front() == '#') continue;
    std::string problem = line.size() > max_line_bytes
                              ? "longer than " + std::to_string(max_line_bytes) + " bytes"
                          : !is_valid_utf8(line) ? "not valid UTF-8 text"
                                                 : entry(line);
    if (!problem.empty())
      return Error{ErrorCode::invalid_argument, "line " + std::to_string(number) + ": " + problem};
  }
  return Status::success();
}

}  // namespace sonda::analysis

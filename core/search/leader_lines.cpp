// Lines of a table of contents, found by their dot leaders.
#include "search/leader_lines.h"

namespace sonda::search {
namespace {

constexpr size_t kLeaderDots = 4;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, as three dots

bool is_page_number(std::string_view rest) {
  for (char c : rest)
    if (!(c == ' ' || c == '\t' || (c >= '0' && c <= '9') ||
          std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos))
      return false;
  return true;
}

// True when `line` holds a run of dots that only a page number follows.
bool is_leader_line(std::string_view line) {
  size_t dots = 0;
  for (size_t i = 0; i < line.size();) {
    if (line[i] == '.') {
      ++dots;
      ++i;
    } else if (line.substr(i).starts_with(kEllipsis)) {
      dots += 3;
      i += kEllipsis.size();
    } else if (line[i] == ' ' && dots > 0 && i + 1 < line.size() &&
               (line[i + 1] == '.' || line.substr(i + 1).starts_with(kEllipsis))) {
      ++i;  // a spaced leader: ". . . ."
    } else {
      if (dots >= kLeaderDots && is_page_number(line.substr(i))) return true;
      dots = 0;
      ++i;
    }
  }
  return dots >= kLeaderDots;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> leader_lines(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (is_leader_line(text.substr(begin, end - begin))) out.emplace_back(begin, end);
    begin = end + 1;
  }
  return out;
}

}  // namespace sonda::search

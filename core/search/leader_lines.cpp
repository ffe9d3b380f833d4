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

// True when `line` begins with an entry's number: "2.6 ", "2.6. ", "12 ", "A.1 ".
bool starts_with_entry_number(std::string_view line) {
  size_t i = 0;
  bool digit = false;
  if (i < line.size() && line[i] >= 'A' && line[i] <= 'Z' && i + 1 < line.size() && line[i + 1] == '.')
    i += 2;
  while (i < line.size() && ((line[i] >= '0' && line[i] <= '9') || (line[i] == '.' && digit))) {
    digit = digit || line[i] != '.';
    ++i;
  }
  return digit && i < line.size() && line[i] == ' ';
}

struct Line {
  size_t begin = 0;
  size_t end = 0;
  bool leader = false;
};

}  // namespace

std::vector<std::pair<size_t, size_t>> leader_lines(std::string_view text) {
  std::vector<Line> lines;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({begin, end, is_leader_line(text.substr(begin, end - begin))});
    begin = end + 1;
  }
  // An entry wrapped over two lines: its first line stands between two leader lines, or begins with the
  // entry's number right above one.
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool before_leader = i + 1 < lines.size() && lines[i + 1].leader;
    bool wrapped = before_leader &&
                   ((i > 0 && lines[i - 1].leader) ||
                    starts_with_entry_number(text.substr(lines[i].begin, lines[i].end - lines[i].begin)));
    if (lines[i].leader || wrapped) out.emplace_back(lines[i].begin, lines[i].end);
  }
  return out;
}

}  // namespace sonda::search

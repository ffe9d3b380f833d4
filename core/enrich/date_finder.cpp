// Finds the year of the first date written in a text ("12 mars 2021", "marzo de 2021", "2021-03-12",
// "12/03/2021").
#include "enrich/date_finder.h"

#include <algorithm>
#include <array>
#include <string>

namespace sonda::enrich {
namespace {

constexpr std::array<std::string_view, 25> kMonths = {
    "janvier", "fevrier",  "mars",       "avril",     "mai",     "juin",      "juillet",  "aout", "septembre",
    "octobre", "novembre", "decembre",   "enero",     "febrero", "marzo",     "abril",    "mayo", "junio",
    "julio",   "agosto",   "septiembre", "setiembre", "octubre", "noviembre", "diciembre"};

bool all_digits(std::string_view text, size_t min_size, size_t max_size) {
  return text.size() >= min_size && text.size() <= max_size &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> as_year(std::string_view text) {
  if (!all_digits(text, 4, 4)) return std::nullopt;
  int year = std::stoi(std::string(text));
  if (year < 1900 || year > 2099) return std::nullopt;
  return year;
}

bool is_month(const WordAt& token) {
  return std::find(kMonths.begin(), kMonths.end(), token.folded) != kMonths.end();
}

// True when the text between two tokens is exactly one date separator.
bool separated_by_date_mark(std::string_view text, const WordAt& left, const WordAt& right) {
  if (right.begin != left.end + 1) return false;
  char mark = text[left.end];
  return mark == '/' || mark == '-' || mark == '.';
}

// "12.03.2021", which the word breaker keeps as one number.
std::optional<int> dotted_date_year(std::string_view word) {
  size_t first = word.find('.'), last = word.rfind('.');
  if (first == std::string_view::npos || first == last) return std::nullopt;
  if (!all_digits(word.substr(0, first), 1, 2) || !all_digits(word.substr(first + 1, last - first - 1), 1, 2))
    return std::nullopt;
  return as_year(word.substr(last + 1));
}

}  // namespace

std::optional<int> find_year(std::string_view text, const std::vector<WordAt>& tokens) {
  auto short_number = [&](size_t i) { return all_digits(tokens[i].folded, 1, 2); };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (auto year = dotted_date_year(tokens[i].folded)) return year;
    auto year = as_year(tokens[i].folded);
    if (!year) continue;
    bool after_month = (i >= 1 && is_month(tokens[i - 1])) ||
                       (i >= 2 && (tokens[i - 1].folded == "de" || tokens[i - 1].folded == "del") &&
                        is_month(tokens[i - 2]));
    bool day_month_year = i >= 2 && short_number(i - 2) && short_number(i - 1) &&
                          separated_by_date_mark(text, tokens[i - 2], tokens[i - 1]) &&
                          separated_by_date_mark(text, tokens[i - 1], tokens[i]);
    bool year_month_day = i + 2 < tokens.size() && short_number(i + 1) && short_number(i + 2) &&
                          separated_by_date_mark(text, tokens[i], tokens[i + 1]) &&
                          separated_by_date_mark(text, tokens[i + 1], tokens[i + 2]);
    if (after_month || day_month_year || year_month_day) return year;
  }
  return std::nullopt;
}

}  // namespace sonda::enrich

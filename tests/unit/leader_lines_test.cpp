// Lines of a table of contents, found by their dot leaders: text → the lines found.
#include "search/leader_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sonda::search {
namespace {

std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (auto [begin, end] : leader_lines(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

TEST(LeaderLines, FindsTheLinesOfATableOfContents) {
  struct Row {
    std::string text;
    std::vector<std::string> lines;
  };
  const std::vector<Row> rows = {
      {"4.6.3 Mesures de sécurité . . . . . . . 93", {"4.6.3 Mesures de sécurité . . . . . . . 93"}},
      {"Introduction.........5", {"Introduction.........5"}},
      {"Préface \xE2\x80\xA6\xE2\x80\xA6 xii", {"Préface \xE2\x80\xA6\xE2\x80\xA6 xii"}},
      {"Annexes . . . . .", {"Annexes . . . . ."}},
      {"Texte.\n1 Objet . . . . 2\n2 Champ . . . . 4\nFin du sommaire.",
       {"1 Objet . . . . 2", "2 Champ . . . . 4"}},
      // An entry wrapped over two lines: between two leader lines, or numbered right above one.
      {"1 Objet . . . . 2\n2.6 Opérations de base avec apt(8), aptitude(8),\napt-get(8) . . . . . 27\nSuite",
       {"1 Objet . . . . 2", "2.6 Opérations de base avec apt(8), aptitude(8),", "apt-get(8) . . . . . 27"}},
      {"Sommaire\n2.6. Operaciones básicas de gestión\nde paquetes . . . . . . 27",
       {"2.6. Operaciones básicas de gestión", "de paquetes . . . . . . 27"}},
      // A sentence above a leader line, or a line between leader lines' neighbours, stays prose.
      {"La liste suit.\nIntroduction . . . . . 5\nLe texte commence.\n2 Le budget municipal augmente.",
       {"Introduction . . . . . 5"}},
      {"En 2024 les crèches ont ouvert.\nAnnexe . . . . . 9", {"Annexe . . . . . 9"}},
      // Prose is never a table of contents.
      {"Elle hésita... puis reprit la parole.", {}},
      {"Voir aussi.... la suite du rapport", {}},
      {"Les montants (1.2.3.4) sont publiés.", {}},
      {"la version 1.2.3 du guide", {}},
      {"", {}},
  };
  for (const Row& row : rows) EXPECT_EQ(found(row.text), row.lines) << row.text;
}

}  // namespace
}  // namespace sonda::search

// Enrichment: the gazetteer (canonical keys, labels, tagging), dates in text, language detection, precedence.
#include <gtest/gtest.h>

#include "analysis/encoding.h"
#include "analysis/language_detector.h"
#include "enrich/date_finder.h"
#include "enrich/enricher.h"
#include "index/document_builder.h"
#include "support/gazetteer.h"

namespace sonda::enrich {
namespace {

using testing::builtin_gazetteer;

std::vector<std::string> folded_words(const std::string& text) {
  analysis::Analyzer analyzer;
  std::vector<std::string> words;
  for (const auto& token : analyzer.tokens(text)) words.push_back(token.folded);
  return words;
}

TEST(Gazetteer, BuiltInParsesAndIsNotTrivial) {
  EXPECT_GE(builtin_gazetteer().size(), 100u);
}

TEST(Gazetteer, NamesAcrossLanguagesMapToOneKey) {
  struct Case {
    std::string field, value, key;
  };
  const std::vector<Case> table = {
      {"country", "Pérou", "PE"},
      {"country", "Perú", "PE"},
      {"country", "Peru", "PE"},
      {"country", "PEROU", "PE"},
      {"country", "PE", "PE"},
      {"country", "République du Pérou", "PE"},
      {"organisation", "Banque interaméricaine de développement", "IDB"},
      {"organisation", "Banco Interamericano de Desarrollo", "IDB"},
      {"organisation", "BID", "IDB"},
      {"organisation", "IDB", "IDB"},
      {"organisation", "banque interamericaine de developpement", "IDB"},
      {"topic", "castigo físico", "corporal-punishment"},
      {"topic", "Châtiments corporels", "corporal-punishment"},
      {"topic", "châtiment corporel", "corporal-punishment"},
      {"type", "informe de alianza", "partnership-report"},
      {"type", "Rapport de partenariat", "partnership-report"},
      {"region", "Apurimac", "PE-APU"},
  };
  analysis::Analyzer analyzer;
  for (const Case& c : table)
    EXPECT_EQ(builtin_gazetteer().canonical(c.field, c.value, analyzer).value_or("(none)"), c.key) << c.value;
  EXPECT_FALSE(builtin_gazetteer().canonical("country", "Atlantis", analyzer).has_value());
  EXPECT_FALSE(builtin_gazetteer().canonical("organisation", "Pérou", analyzer).has_value())
      << "fields are apart";
}

TEST(Gazetteer, LabelsInTheLanguageAsked) {
  const Gazetteer& gazetteer = builtin_gazetteer();
  EXPECT_EQ(gazetteer.label("country", "PE", "fr"), "Pérou");
  EXPECT_EQ(gazetteer.label("country", "PE", "es"), "Perú");
  EXPECT_EQ(gazetteer.label("country", "PE", ""), "Pérou");
  EXPECT_EQ(gazetteer.label("organisation", "IDB", "es"), "Banco Interamericano de Desarrollo");
  EXPECT_EQ(gazetteer.label("country", "Atlantide", "es"), "Atlantide") << "unknown keys show as they are";
}

TEST(Gazetteer, TagsMentionsAccentAndCaseInsensitiveWholeWordsOnly) {
  struct Case {
    std::string text;
    std::string field;
    std::vector<std::string> keys;
  };
  const std::vector<Case> table = {
      {"Au PEROU, la Banco Interamericano de Desarrollo et l'IDB.", "country", {"PE"}},
      {"Au PEROU, la Banco Interamericano de Desarrollo et l'IDB.", "organisation", {"IDB"}},
      {"Le BID finance; la Banque interaméricaine de développement aussi.", "organisation", {"IDB"}},
      {"Les peruanos y las peruanas", "country", {}},  // "peru" inside a word is no mention
      {"Unicefiens et perouviens", "organisation", {}},
      {"Contre les chatiments corporels et le castigo fisico", "topic", {"corporal-punishment"}},
      {"La paz llegó a La Paz, al oeste", "region", {}},  // mapping-only names are never tagged
      {"Programme à Loreto puis en Apurímac", "region", {"PE-LOR", "PE-APU"}},
      {"Un informe de alianza", "type", {}},  // types come from metadata only
  };
  for (const Case& c : table) {
    Mentions mentions = builtin_gazetteer().mentions(folded_words(c.text));
    auto found = mentions.find(c.field);
    std::vector<std::string> keys = found == mentions.end() ? std::vector<std::string>{} : found->second;
    EXPECT_EQ(keys, c.keys) << c.text;
  }
}

TEST(Gazetteer, BadFilesAreRefusedWithTheLine) {
  EXPECT_FALSE(Gazetteer::parse("country\tPE\tPérou\n").ok());
  EXPECT_FALSE(Gazetteer::parse("planet\tX\tMars\tMarte\n").ok());
  auto duplicate = Gazetteer::parse("country\tPE\tPérou\tPerú\ncountry\tPE\tPérou\tPerú\n");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.error().message.find("entry 2"), std::string::npos) << duplicate.error().message;
}

TEST(DateFinder, FirstDateInTextTable) {
  const std::vector<std::pair<std::string, std::optional<int>>> table = {
      {"Publié le 12 mars 2021 à Lima.", 2021},
      {"Lima, marzo de 2019. Informe.", 2019},
      {"Actualizado el 5 de septiembre del 2020", 2020},
      {"Version du 2018-06-30, révisée en 2019", 2018},
      {"Fecha: 03/11/2017", 2017},
      {"Fecha: 03.11.2016", 2016},
      {"En 2015, 1 200 familles; 2030 est l'horizon.", std::nullopt},  // bare numbers are not dates
      {"Code 1234-56-78", std::nullopt},
      {"", std::nullopt},
  };
  analysis::Analyzer analyzer;
  for (const auto& [text, year] : table) {
    std::vector<analysis::Token> tokens = analyzer.tokens(text);
    std::vector<WordAt> words;
    for (const analysis::Token& token : tokens) words.push_back({token.folded, token.begin, token.end});
    EXPECT_EQ(find_year(text, words), year) << text;
  }
}

TEST(LanguageDetector, FrenchSpanishOtherAndTooShort) {
  analysis::LanguageDetector detector;
  EXPECT_EQ(detector.detect("Les enfants ont le droit d'être protégés contre toutes les formes de violence, "
                            "y compris les châtiments corporels à la maison et à l'école."),
            "fr");
  EXPECT_EQ(
      detector.detect("Los niños y las niñas tienen derecho a crecer sin violencia, incluido el castigo "
                      "físico en el hogar y en la escuela."),
      "es");
  EXPECT_EQ(detector.detect("Children have the right to grow up free from violence, including physical "
                            "punishment at home and at school."),
            "en");
  EXPECT_EQ(detector.detect("Loreto"), "");
}

TEST(Enricher, MetadataWinsDetectionFillsTheRest) {
  analysis::LanguageDetector detector;
  Enricher enricher(builtin_gazetteer(), detector);
  index::Document given;
  given.title = "Informe";
  given.body =
      "El Banco Interamericano de Desarrollo y UNICEF trabajan en Loreto contra el castigo físico. "
      "Lima, 4 de mayo de 2022.";
  given.countries = {"Perú"};
  given.topics = {"primera infancia"};
  enricher.enrich(given);
  EXPECT_EQ(given.lang, "es");
  EXPECT_EQ(given.countries, (std::vector<std::string>{"PE"})) << "metadata mapped to its key";
  EXPECT_EQ(given.topics, (std::vector<std::string>{"early-childhood"})) << "metadata wins over mentions";
  EXPECT_EQ(given.organisations, (std::vector<std::string>{"IDB", "UNICEF"})) << "tagged in order of mention";
  EXPECT_EQ(given.regions, (std::vector<std::string>{"PE-LOR"}));
  EXPECT_EQ(given.year, 2022);

  index::Document bare;
  bare.lang = "FR-fr";
  bare.body = "Un programme au Sénégal, à Kolda.";
  bare.date = "2019";
  enricher.enrich(bare);
  EXPECT_EQ(bare.lang, "fr");
  EXPECT_EQ(bare.countries, (std::vector<std::string>{"SN"}));
  EXPECT_FALSE(bare.year.has_value()) << "a date in metadata is not overridden by the text";
}

TEST(Enricher, EnrichingFromTheBuildersWordsTagsAsEnrichingAlone) {
  analysis::LanguageDetector detector;
  Enricher alone(builtin_gazetteer(), detector), shared(builtin_gazetteer(), detector);
  analysis::Analyzer analyzer;
  index::DocumentBuilder builder(analyzer);
  struct Row {
    std::string title, description, body, lang;
    std::optional<int> year;
    std::vector<std::string> countries;
  };
  const std::string past_the_first_mib = std::string(1100000, 'x').replace(0, 1, "Le") + " au Pérou.";
  const Row rows[] = {
      {"Informe",
       "",
       "El Banco Interamericano de Desarrollo y UNICEF trabajan en Loreto. Lima, 4 de mayo de 2022.",
       "",
       2022,
       {"PE"}},
      {"Étude de cas — l'état civil",
       "Au Sénégal, à Kolda",
       "Des visites à domicile dans le Chocó.",
       "fr",
       std::nullopt,
       {"SN", "CO"}},
      {"Rapport de mars",
       "2021 : la petite enfance au Pérou",
       "Le   texte\n\n\n  suit,\tici.",
       "fr",
       2021,
       {"PE"}},
      {"Nota", "", "Guatemala, 12/03/2019 — castigo físico en la escuela.", "es", 2019, {"GT"}},
      {"Note", "", past_the_first_mib, "fr", std::nullopt, {}},  // only the first MiB is read
      {"", "", "", "", std::nullopt, {}},
  };
  for (const Row& row : rows) {
    index::Document document;
    document.title = row.title;
    document.description = row.description;
    document.body = row.body;
    document.lang = row.lang;
    index::Document expected = document;
    alone.enrich(expected);
    index::AnalysedFields words = builder.analyse(document);
    shared.enrich(document, words);
    EXPECT_EQ(expected.year, row.year) << row.title;
    EXPECT_EQ(expected.countries, row.countries) << row.title;
    EXPECT_EQ(document.lang, expected.lang) << row.title;
    EXPECT_EQ(document.countries, expected.countries) << row.title;
    EXPECT_EQ(document.regions, expected.regions) << row.title;
    EXPECT_EQ(document.organisations, expected.organisations) << row.title;
    EXPECT_EQ(document.topics, expected.topics) << row.title;
    EXPECT_EQ(document.type, expected.type) << row.title;
    EXPECT_EQ(document.year, expected.year) << row.title;
  }
}

TEST(Enricher, TypeFromTheTitleWhenMetadataHasNone) {
  analysis::LanguageDetector detector;
  Enricher enricher(builtin_gazetteer(), detector);
  const std::vector<std::pair<std::string, std::string>> table = {
      {"Rapport annuel 2022 — Partenariat", "annual-report"},
      {"Informe de alianza: visitas", "partnership-report"},
      {"Étude de cas — l'état civil", "case-study"},
      {"Un guide pour les parents", ""},  // only a leading name counts
  };
  for (const auto& [title, type] : table) {
    index::Document document;
    document.lang = "fr";
    document.title = title;
    enricher.enrich(document);
    EXPECT_EQ(document.type, type) << title;
  }
}

TEST(Enricher, TaggedRegionBringsItsCountry) {
  analysis::LanguageDetector detector;
  Enricher enricher(builtin_gazetteer(), detector);
  index::Document document;
  document.lang = "fr";
  document.body = "Des visites à domicile dans le Chocó.";
  enricher.enrich(document);
  EXPECT_EQ(document.regions, (std::vector<std::string>{"CO-CHO"}));
  EXPECT_EQ(document.countries, (std::vector<std::string>{"CO"}));
  EXPECT_EQ(document.topics, (std::vector<std::string>{"home-visits"}));
}

}  // namespace
}  // namespace sonda::enrich

// Extraction, format by format: body text and metadata out of fixtures made here, and every broken case.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analysis/text_cleaner.h"
#include "extract/format.h"
#include "extract/html_extractor.h"
#include "extract/office_extractor.h"
#include "extract/pdf_extractor.h"
#include "extract/text_extractor.h"
#include "support/document_fixtures.h"
#include "support/temp_dir.h"
#include "util/strings.h"

namespace sonda::extract {
namespace {

using testing::DocumentSpec;

std::string field(const Extracted& extracted, const std::string& key) {
  for (const auto& [name, values] : extracted.fields)
    if (name == key && !values.empty()) return values.front();
  return {};
}

std::vector<std::string> fields(const Extracted& extracted, const std::string& key) {
  for (const auto& [name, values] : extracted.fields)
    if (name == key) return values;
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

DocumentSpec sample_spec() {
  DocumentSpec spec;
  spec.title = "Châtiments corporels au Pérou";
  spec.author = "UNICEF";
  spec.subject = "Note de synthèse";
  spec.keywords = {"petite enfance", "châtiments corporels"};
  spec.lang = "fr-FR";
  spec.date = "2021-03-15";
  spec.paragraphs = {"Les châtiments corporels reculent à Loreto.",
                     "Deuxième page : élèves (et parents) à Iquitos."};
  spec.page_breaks = {1};
  return spec;
}

std::string read_back(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  testing::TempDir dir;
  testing::write_zip(dir / "file.zip", parts);
  return read_back(dir / "file.zip");
}

TEST(FormatOf, NamesToFormats) {
  const std::vector<std::pair<std::string, Format>> table = {
      {"a.txt", Format::text},        {"a.md", Format::markdown},
      {"A.HTML", Format::html},       {"a.htm", Format::html},
      {"a.pdf", Format::pdf},         {"a.docx", Format::docx},
      {"a.odt", Format::odt},         {"a.jsonl.gz", Format::jsonl},
      {"a.doc", Format::unsupported}, {"a.meta.json", Format::unsupported},
      {"README", Format::unsupported}};
  for (const auto& [name, format] : table) EXPECT_EQ(format_of(name), format) << name;
}

TEST(TextExtraction, EncodingsTable) {
  struct Case {
    std::string bytes;
    std::string body_contains;
    std::string encoding;  // "" for UTF-8
  };
  const std::vector<Case> table = {
      {"caf\xC3\xA9 et ch\xC3\xA2timents", "café et châtiments", ""},
      {"caf\xE9 et ch\xE2timents \x93"
       "corporels\x94",
       "café et châtiments “corporels”", "windows-1252"},
      {"\xEF\xBB\xBFni\xC3\xB1os", "niños", ""},
      {std::string("\xFF\xFE"
                   "n\0i\0\xF1\0o\0s\0",
                   12),
       "niños", "UTF-16LE"},
  };
  for (const Case& c : table) {
    auto extracted = extract_text(c.bytes);
    ASSERT_TRUE(extracted.ok()) << c.body_contains;
    EXPECT_TRUE(contains(extracted->body, c.body_contains)) << extracted->body;
    EXPECT_EQ(field(*extracted, "encoding"), c.encoding) << c.body_contains;
  }
}

TEST(TextExtraction, BinaryAndEmptyAreRefused) {
  auto binary =
      extract_text(std::string("\x7F"
                               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                               16));
  ASSERT_FALSE(binary.ok());
  EXPECT_TRUE(contains(binary.error().message, "binary")) << binary.error().message;
  auto empty = extract_text("");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(contains(empty.error().message, "empty")) << empty.error().message;
}

TEST(TextExtraction, MarkdownTitleFromFrontMatterElseFirstHeading) {
  EXPECT_EQ(field(*extract_text("---\ntitle: Front\n---\n# Heading\ntext"), "title"), "Front");
  EXPECT_EQ(field(*extract_text("\n# Heading\ntext"), "title"), "Heading");
  EXPECT_EQ(field(*extract_text("plain text\n# Later heading"), "title"), "");
}

TEST(HtmlExtraction, VisibleTextAndHeadMetadata) {
  auto page = extract_html(
      "<!DOCTYPE html><html lang='es-PE'><head><meta charset='utf-8'><title>Castigo físico</title>"
      "<meta name='description' content='Resumen'><meta name='keywords' content='castigo físico, primera "
      "infancia'>"
      "<meta name='author' content='INFANT'><meta property='article:published_time' "
      "content='2022-05-02T10:00:00Z'>"
      "<style>p{color:red}</style><script>var secreto = 'oculto';</script></head><body>"
      "<nav>Inicio | Contacto</nav><header>Cabecera del sitio</header><h1>Encabezado</h1>"
      "<p>El castigo físico<br>sigue en Loreto.</p><p>Segundo&nbsp;párrafo &amp; más</p>"
      "<div class='toc'><a href='#a'>Índice uno</a></div><nav id='TOC'>Índice dos</nav>"
      "<div id='toc'>Índice tres</div><p class='toccata'>Tocata</p>"
      "<aside>Publicidad</aside><form><input value='buscar'>Buscar</form><footer>Pie</footer></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(field(*page, "title"), "Castigo físico");
  EXPECT_EQ(field(*page, "lang"), "es");
  EXPECT_EQ(field(*page, "description"), "Resumen");
  EXPECT_EQ(fields(*page, "keywords"), (std::vector<std::string>{"castigo físico", "primera infancia"}));
  EXPECT_EQ(field(*page, "author"), "INFANT");
  EXPECT_EQ(field(*page, "date"), "2022-05-02T10:00:00Z");
  for (const char* visible :
       {"Encabezado", "El castigo físico", "sigue en Loreto", "párrafo & más", "Tocata"})
    EXPECT_TRUE(contains(page->body, visible)) << visible << " in " << page->body;
  for (const char* hidden :
       {"secreto", "color:red", "Inicio", "Cabecera", "Publicidad", "Buscar", "Pie", "Resumen", "Índice"})
    EXPECT_FALSE(contains(page->body, hidden)) << hidden << " in " << page->body;
  EXPECT_FALSE(contains(page->body, "físicosigue")) << "<br> must separate words";
}

TEST(HtmlExtraction, TitleFallsBackToFirstH1AndLatin1PagesAreRead) {
  auto page = extract_html(
      "<html><body><h1>Rapport annuel</h1><p>Enfants \xE0 l'\xE9"
      "cole</p></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(field(*page, "title"), "Rapport annuel");
  EXPECT_TRUE(contains(page->body, "à l'école")) << page->body;
  EXPECT_FALSE(extract_html("   ").ok());
}

TEST(HtmlExtraction, SectionsOfALongPageWithTheirHeadingsAndAnchors) {
  struct Row {
    std::string html;
    std::vector<std::pair<std::string, std::string>> sections;  // (anchor, heading), in order
  };
  const std::vector<Row> rows = {
      // Headings h1–h3, their own ids; an h4 with an id is a target with its own heading.
      {"<h1 id='a'>Un</h1><p>x</p><h2 id='b'>Deux\n   bis</h2><p>y</p><h4 id='c'>Quatre</h4><p>z</p>",
       {{"a", "Un"}, {"b", "Deux bis"}, {"c", "Quatre"}}},
      // DocBook: a section div with no id, its heading's anchor inside.
      {"<div class='section'><div class='titlepage'><h2 class='title'><a id='_netfilter'></a>5.6. "
       "Netfilter</h2>"
       "</div><p>x</p></div><div class='sect1' id='s2'><h2>Suite</h2><p>y</p></div>",
       {{"_netfilter", "5.6. Netfilter"}, {"s2", "Suite"}}},
      // A <section> with an id and a heading without: one section; an <a name> anchor.
      {"<section id='intro'><h2>Intro</h2><p>x</p></section><h2><a name='old'>Ancien</a></h2><p>y</p>",
       {{"intro", "Intro"}, {"old", "Ancien"}}},
      // Text before the first heading belongs to no section; headings without ids have no anchor.
      {"<p>avant</p><h2>A</h2><p>x</p><h3>B</h3><p>y</p>", {{"", "A"}, {"", "B"}}},
      // Elements with an id inside a section (a DocBook table's anchor, a law's articles) begin sections
      // under the heading read last.
      {"<h2 id='a'>Réseau</h2><p>x</p><div class='table'><a id='t1'></a><p>Tableau</p></div><p>y</p>",
       {{"a", "Réseau"}, {"t1", "Réseau"}}},
      {"<h1 id='ley'>Ley</h1><p>intro</p><p><a name='art1'></a><b>Artículo 1</b> uno</p>"
       "<article id='art2'>Artículo 2</article>",
       {{"ley", "Ley"}, {"art1", "Ley"}, {"art2", "Ley"}}},
      // Links, table cells and inline elements are no targets; a heading's own anchor is not one twice.
      {"<h2 id='a'>A</h2><p>x <a href='#b' id='l'>lien</a></p><table><tr><td id='c'>1</td></tr></table>"
       "<span id='s'>z</span><h2 id='b'><a id='b2'></a>B</h2><p>y</p>",
       {{"a", "A"}, {"b", "B"}}},
      // An element with an id that holds a heading: the heading is its own.
      {"<h2 id='a'>A</h2><p>x</p><div id='d'><h2>B</h2><p>y</p></div>", {{"a", "A"}, {"d", "B"}}},
      // A target before any text of its section gives that section its anchor.
      {"<h2>A</h2><a id='x'></a><p>x</p><h2 id='b'>B</h2><p>y</p>", {{"x", "A"}, {"b", "B"}}},
      // One section only, or none: a short page has no sections.
      {"<h1 id='t'>Titre</h1><p>texte</p>", {}},
      {"<p>texte</p>", {}},
  };
  for (const Row& row : rows) {
    auto page = extract_html("<html><body>" + row.html + "</body></html>");
    ASSERT_TRUE(page.ok()) << row.html;
    std::vector<std::pair<std::string, std::string>> got;
    for (const Section& section : page->sections) {
      got.emplace_back(section.anchor, section.heading);
      EXPECT_LE(section.start, page->body.size());
    }
    EXPECT_EQ(got, row.sections) << row.html;
  }
  auto page = extract_html("<html><body><p>avant</p><h2 id='a'>A</h2><p>texte A</p><h2>B</h2><p>texte B</p>");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->sections.size(), 2u);
  EXPECT_TRUE(trim(page->body.substr(page->sections[0].start)).starts_with("A")) << page->body;
  EXPECT_TRUE(trim(page->body.substr(page->sections[1].start)).starts_with("B")) << page->body;
}

TEST(HtmlExtraction, ATableRowReadsOnOneLine) {
  auto page = extract_html(
      "<html><body><table><tr><th>paquet</th><th>taille</th></tr>\n  <tr><td>iptables</td>\n"
      "<td><p>2408</p></td></tr><tr><td>nftables</td></tr></table><p>après</p></body></html>");
  ASSERT_TRUE(page.ok());
  std::string text = analysis::collapse_layout(page->body);
  EXPECT_TRUE(contains(text, "paquet · taille\n")) << text;
  EXPECT_TRUE(contains(text, "\niptables ·\n2408\n")) << text;  // a paragraph inside a cell keeps its break
  EXPECT_TRUE(contains(text, "\nnftables\n")) << text;
}

TEST(HtmlExtraction, TheCanonicalAddressIsTheUrl) {
  auto canonical = extract_html(
      "<html><head><link rel='canonical' href='https://ex.org/a'><meta property='og:url' "
      "content='https://ex.org/b'></head><body>x</body></html>");
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(field(*canonical, "url"), "https://ex.org/a");
  auto relative = extract_html("<html><head><link rel='canonical' href='/a'></head><body>x</body></html>");
  ASSERT_TRUE(relative.ok());
  EXPECT_EQ(field(*relative, "url"), "") << "a relative address says nothing on its own";
}

TEST(PdfExtraction, TextPagesAndDocumentInfo) {
  auto pdf = extract_pdf(testing::make_pdf(sample_spec()), {});
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(field(*pdf, "title"), "Châtiments corporels au Pérou");
  EXPECT_EQ(field(*pdf, "author"), "UNICEF");
  EXPECT_EQ(field(*pdf, "description"), "Note de synthèse");
  EXPECT_EQ(fields(*pdf, "keywords"), (std::vector<std::string>{"petite enfance", "châtiments corporels"}));
  EXPECT_EQ(field(*pdf, "date"), "2021-03-15");
  EXPECT_TRUE(contains(pdf->body, "Les châtiments corporels reculent à Loreto.")) << pdf->body;
  size_t first = pdf->body.find("Loreto"), second = pdf->body.find("Deuxième page");
  ASSERT_NE(second, std::string::npos) << pdf->body;
  EXPECT_NE(pdf->body.substr(first, second - first).find("\n\n"), std::string::npos)
      << "a blank line between pages";
}

TEST(PdfExtraction, CorruptEncryptedAndTextlessAreRefusedWithTheirReason) {
  std::string pdf = testing::make_pdf(sample_spec());
  struct Case {
    std::string name, bytes, reason;
  };
  DocumentSpec blank;
  blank.title = "Scan";
  const std::vector<Case> table = {
      {"truncated", pdf.substr(0, pdf.size() / 3), "corrupt"},
      {"not a pdf", "%PDF-1.4 nothing else here", "corrupt"},
      {"encrypted", testing::make_pdf(sample_spec(), true), "encrypted"},
      {"no text", testing::make_pdf(blank), "without extractable text"},
      {"empty", "", "empty"},
  };
  for (const Case& c : table) {
    auto extracted = extract_pdf(c.bytes, {});
    ASSERT_FALSE(extracted.ok()) << c.name;
    EXPECT_TRUE(contains(extracted.error().message, c.reason)) << c.name << ": " << extracted.error().message;
  }
}

TEST(OfficeExtraction, DocxAndOdtTextAndProperties) {
  for (bool odt : {false, true}) {
    std::string bytes = zipped(odt ? testing::odt_parts(sample_spec()) : testing::docx_parts(sample_spec()));
    auto extracted = odt ? extract_odt(bytes, {}) : extract_docx(bytes, {});
    ASSERT_TRUE(extracted.ok()) << extracted.error().message;
    const char* format = odt ? "odt" : "docx";
    EXPECT_EQ(field(*extracted, "title"), "Châtiments corporels au Pérou") << format;
    EXPECT_EQ(field(*extracted, "author"), "UNICEF") << format;
    EXPECT_EQ(field(*extracted, "description"), "Note de synthèse") << format;
    EXPECT_EQ(field(*extracted, "lang"), "fr") << format;
    EXPECT_EQ(fields(*extracted, "keywords"),
              (std::vector<std::string>{"petite enfance", "châtiments corporels"}))
        << format;
    EXPECT_TRUE(field(*extracted, "date").starts_with("2021-03-15")) << format;
    EXPECT_TRUE(contains(extracted->body, "Les châtiments corporels reculent à Loreto.\n"))
        << extracted->body;
    EXPECT_TRUE(contains(extracted->body, "élèves (et parents)")) << extracted->body;
  }
}

TEST(OfficeExtraction, BrokenArchivesAreRefusedWithTheirReason) {
  std::string bomb_part(8u << 20, '\0');  // 8 MiB of zeros: a few KiB compressed
  ExtractLimits small;
  small.max_unzipped_bytes = 1u << 20;
  auto docx = testing::docx_parts(sample_spec());
  struct Case {
    std::string name, bytes, reason;
    bool odt = false;
  };
  const std::vector<Case> table = {
      {"not a zip", "PK\x03\x04 but then nothing", "not a valid zip"},
      {"plain text", "Ceci n'est pas un document Word.", "not a valid zip"},
      {"zip bomb", zipped({{"word/document.xml", bomb_part}}), "decompresses to more than"},
      {"no body part", zipped({{"docProps/core.xml", docx[2].second}}), "without word/document.xml"},
      {"broken xml", zipped({{"word/document.xml", "<w:document><w:body><w:p>"}}), "not well-formed"},
      {"odt without content", zipped({{"mimetype", "application/vnd.oasis.opendocument.text"}}),
       "without content.xml", true},
  };
  for (const Case& c : table) {
    auto extracted = c.odt ? extract_odt(c.bytes, small) : extract_docx(c.bytes, small);
    ASSERT_FALSE(extracted.ok()) << c.name;
    EXPECT_TRUE(contains(extracted.error().message, c.reason)) << c.name << ": " << extracted.error().message;
  }
}

}  // namespace
}  // namespace sonda::extract

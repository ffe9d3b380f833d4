// sonda-make-document: writes a PDF, DOCX or ODT from a Markdown-like text, for fixtures and the sample
// corpus.
//
//   sonda-make-document pdf|docx|odt OUT < source
//
// The source has front matter (title, author, subject, keywords, lang, date) and paragraphs separated by
// blank lines; a line "<!-- page -->" starts a new PDF page.
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/front_matter.h"
#include "support/document_fixtures.h"

namespace {

sonda::testing::DocumentSpec read_spec(const std::string& text) {
  auto parsed = sonda::extract::parse_front_matter(text);
  if (!parsed) throw std::runtime_error(parsed.error().message);
  sonda::testing::DocumentSpec spec;
  for (const auto& [key, values] : parsed->fields) {
    std::string value = values.empty() ? "" : values.front();
    if (key == "title")
      spec.title = value;
    else if (key == "author")
      spec.author = value;
    else if (key == "subject")
      spec.subject = value;
    else if (key == "keywords")
      spec.keywords = values;
    else if (key == "lang")
      spec.lang = value;
    else if (key == "date")
      spec.date = value;
  }
  std::istringstream body{std::string(parsed->body)};
  std::string line, paragraph;
  auto end_paragraph = [&] {
    if (!paragraph.empty()) spec.paragraphs.push_back(paragraph);
    paragraph.clear();
  };
  while (std::getline(body, line)) {
    if (line == "<!-- page -->") {
      end_paragraph();
      spec.page_breaks.push_back(spec.paragraphs.size());
    } else if (line.empty()) {
      end_paragraph();
    } else {
      paragraph += (paragraph.empty() ? "" : " ") + line;
    }
  }
  end_paragraph();
  return spec;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: sonda-make-document pdf|docx|odt OUT < source\n";
    return 2;
  }
  std::string format = argv[1];
  std::stringstream source;
  source << std::cin.rdbuf();
  try {
    auto spec = read_spec(source.str());
    if (format == "pdf")
      std::ofstream(argv[2], std::ios::binary) << sonda::testing::make_pdf(spec);
    else if (format == "docx")
      sonda::testing::write_zip(argv[2], sonda::testing::docx_parts(spec));
    else if (format == "odt")
      sonda::testing::write_zip(argv[2], sonda::testing::odt_parts(spec));
    else
      throw std::runtime_error("unknown format " + format);
  } catch (const std::exception& error) {
    std::cerr << "sonda-make-document: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

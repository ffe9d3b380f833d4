// Small PDF, DOCX and ODT files made on the fly, so tests and the sample corpus need no office suite.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sonda::testing {

// What a generated document holds. Text is UTF-8; PDFs can show the Latin-1 range (French, Spanish).
struct DocumentSpec {
  std::string title;
  std::string author;
  std::string subject;
  std::vector<std::string> keywords;
  std::string lang;                     // "fr", "es-ES"…; empty: none recorded
  std::string date;                     // "YYYY-MM-DD"; empty: none recorded
  std::vector<std::string> paragraphs;  // for PDFs, each page holds at most kPdfLinesPerPage lines
  std::vector<size_t> page_breaks;      // PDF only: start a new page before these paragraph indexes
};

// A PDF with a Helvetica text layer and an information dictionary; `encrypted` adds a Standard security
// handler whose passwords nobody knows (readers see a locked document).
std::string make_pdf(const DocumentSpec& spec, bool encrypted = false);

// Writes a zip archive of (name, bytes) entries to `path` (deflated, except a leading "mimetype").
void write_zip(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, std::string>>& entries);

// The parts of a minimal .docx (word/document.xml, docProps/core.xml, content types).
std::vector<std::pair<std::string, std::string>> docx_parts(const DocumentSpec& spec);

// The parts of a minimal .odt (mimetype, content.xml, meta.xml, manifest).
std::vector<std::pair<std::string, std::string>> odt_parts(const DocumentSpec& spec);

}  // namespace sonda::testing

// Small PDF, DOCX and ODT files made on the fly, so tests and the sample corpus need no office suite.
#include "support/document_fixtures.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace sonda::testing {
namespace {

constexpr size_t kLineChars = 88;
constexpr size_t kLinesPerPage = 52;

// UTF-8 → code points (the input is trusted test text).
std::vector<char32_t> code_points(const std::string& text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? byte : byte & (0xFF >> (length + 1));
    for (int k = 1; k < length && i + k < text.size(); ++k) point = (point << 6) | (text[i + k] & 0x3F);
    out.push_back(point);
    i += length;
  }
  return out;
}

// A PDF literal string in WinAnsiEncoding (Latin-1 range; other characters become '?').
std::string pdf_text(const std::string& utf8) {
  std::string out = "(";
  for (char32_t point : code_points(utf8)) {
    if (point == U'’') point = U'\'';
    char byte = point < 0x100 ? static_cast<char>(point) : '?';
    if (byte == '(' || byte == ')' || byte == '\\') out.push_back('\\');
    out.push_back(byte);
  }
  return out + ")";
}

// A PDF text string in UTF-16BE hex, for the information dictionary.
std::string pdf_hex_string(const std::string& utf8) {
  std::string out = "<FEFF";
  char unit[8];
  for (char32_t point : code_points(utf8)) {
    std::snprintf(unit, sizeof unit, "%04X", static_cast<unsigned>(point & 0xFFFF));
    out += unit;
  }
  return out + ">";
}

std::vector<std::string> wrap(const std::string& paragraph) {
  std::vector<std::string> lines;
  std::istringstream words(paragraph);
  std::string word, line;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > kLineChars) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::vector<std::string>> paginate(const DocumentSpec& spec) {
  std::vector<std::vector<std::string>> pages(1);
  for (size_t i = 0; i < spec.paragraphs.size(); ++i) {
    bool forced = std::find(spec.page_breaks.begin(), spec.page_breaks.end(), i) != spec.page_breaks.end();
    if (forced && !pages.back().empty()) pages.emplace_back();
    for (const std::string& line : wrap(spec.paragraphs[i])) {
      if (pages.back().size() >= kLinesPerPage) pages.emplace_back();
      pages.back().push_back(line);
    }
    pages.back().push_back("");
  }
  return pages;
}

std::string content_stream(const std::vector<std::string>& lines) {
  std::string stream = "BT /F1 11 Tf 14 TL 50 800 Td\n";
  for (const std::string& line : lines) stream += pdf_text(line) + " Tj T*\n";
  return stream + "ET\n";
}

std::string info_dictionary(const DocumentSpec& spec) {
  std::string info = "<<";
  if (!spec.title.empty()) info += " /Title " + pdf_hex_string(spec.title);
  if (!spec.author.empty()) info += " /Author " + pdf_hex_string(spec.author);
  if (!spec.subject.empty()) info += " /Subject " + pdf_hex_string(spec.subject);
  std::string keywords;
  for (const std::string& keyword : spec.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  if (!keywords.empty()) info += " /Keywords " + pdf_hex_string(keywords);
  if (spec.date.size() == 10)
    info += " /CreationDate (D:" + spec.date.substr(0, 4) + spec.date.substr(5, 2) + spec.date.substr(8, 2) +
            "120000Z)";
  return info + " >>";
}

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out.push_back(c);
  }
  return out;
}

std::string joined_keywords(const DocumentSpec& spec) {
  std::string out;
  for (const std::string& keyword : spec.keywords) out += (out.empty() ? "" : ", ") + keyword;
  return out;
}

}  // namespace

std::string make_pdf(const DocumentSpec& spec, bool encrypted) {
  std::vector<std::string> objects;  // objects[i] is object i + 1
  auto pages = paginate(spec);
  size_t first_page = 4;  // 1 catalog, 2 pages, 3 font, then (page, content) pairs
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string stream = content_stream(pages[i]);
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
  }
  objects.push_back(info_dictionary(spec));
  size_t info = objects.size();
  if (encrypted)
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + std::string(64, 'A') + "> /U <" +
                      std::string(64, 'B') + "> >>");
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info " +
         std::to_string(info) + " 0 R";
  if (encrypted)
    pdf += " /Encrypt " + std::to_string(objects.size()) +
           " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

void write_zip(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("cannot create " + path.string());
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("cannot add " + name);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             name == "mimetype" ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::pair<std::string, std::string>> docx_parts(const DocumentSpec& spec) {
  std::string body;
  for (const std::string& paragraph : spec.paragraphs)
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(paragraph) + "</w:t></w:r></w:p>";
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>";
  std::string core =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      "<dc:title>" +
      xml_escape(spec.title) + "</dc:title><dc:creator>" + xml_escape(spec.author) +
      "</dc:creator><dc:subject>" + xml_escape(spec.subject) + "</dc:subject><cp:keywords>" +
      xml_escape(joined_keywords(spec)) + "</cp:keywords><dc:language>" + spec.lang + "</dc:language>" +
      (spec.date.empty()
           ? ""
           : "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + spec.date + "T09:00:00Z</dcterms:created>") +
      "</cp:coreProperties>";
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      "</Types>";
  return {{"[Content_Types].xml", types}, {"word/document.xml", document}, {"docProps/core.xml", core}};
}

std::vector<std::pair<std::string, std::string>> odt_parts(const DocumentSpec& spec) {
  std::string body;
  for (size_t i = 0; i < spec.paragraphs.size(); ++i) {
    const char* element = i == 0 ? "text:h" : "text:p";
    body += std::string("<") + element + ">" + xml_escape(spec.paragraphs[i]) + "</" + element + ">";
  }
  std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
      "<office:body><office:text>" +
      body + "</office:text></office:body></office:document-content>";
  std::string keywords;
  for (const std::string& keyword : spec.keywords)
    keywords += "<meta:keyword>" + xml_escape(keyword) + "</meta:keyword>";
  std::string meta =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "office:version=\"1.2\"><office:meta><dc:title>" +
      xml_escape(spec.title) +
      "</dc:title>"
      "<meta:initial-creator>" +
      xml_escape(spec.author) +
      "</meta:initial-creator>"
      "<dc:description>" +
      xml_escape(spec.subject) + "</dc:description>" + keywords + "<dc:language>" + spec.lang +
      "</dc:language>" +
      (spec.date.empty() ? "" : "<meta:creation-date>" + spec.date + "T09:00:00</meta:creation-date>") +
      "</office:meta></office:document-meta>";
  std::string manifest =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
      "manifest:version=\"1.2\">"
      "<manifest:file-entry manifest:full-path=\"/\" "
      "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
      "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
      "</manifest:manifest>";
  return {{"mimetype", "application/vnd.oasis.opendocument.text"},
          {"content.xml", content},
          {"meta.xml", meta},
          {"META-INF/manifest.xml", manifest}};
}

}  // namespace sonda::testing

// Writers of search results for reference managers and spreadsheets: CSV (RFC 4180) and RIS, one record
// per document, written as the documents arrive.
#include "server/export/record_writer.h"

#include <vector>

#include "util/strings.h"

namespace sonda::server {
namespace {

// The document's authors: its author field, split at ';' (several people), else one.
std::vector<std::string> authors(const index::Document& document) {
  return split_trimmed(document.author, ';');
}

// One line of text: CR, LF and tabs become spaces, other control characters are dropped.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (byte >= 0x20 && byte != 0x7F)
      out += c;
  }
  return out;
}

std::string stated_bound(size_t written, size_t total) {
  return "export stopped at " + std::to_string(written) + " of " + std::to_string(total) +
         " matching documents (sonda-serve --max-export)";
}

class CsvWriter : public RecordWriter {
 public:
  std::string_view content_type() const override { return "text/csv; charset=utf-8; header=present"; }
  std::string_view file_extension() const override { return "csv"; }
  std::string head() const override {
    return "\xEF\xBB\xBFid,title,authors,date,year,language,type,countries,organisations,topics,url,page,"
           "section\r\n";
  }
  std::string record(const search::Hit& hit) const override {
    const index::Document& d = hit.document;
    std::vector<std::string> cells = {d.id,
                                      d.title,
                                      join(authors(d), "; "),
                                      d.date,
                                      d.year ? std::to_string(*d.year) : "",
                                      d.lang,
                                      d.type,
                                      join(d.countries, "; "),
                                      join(d.organisations, "; "),
                                      join(d.topics, "; "),
                                      d.url,
                                      hit.page ? std::to_string(*hit.page) : "",
                                      hit.section ? hit.section->heading : ""};
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_cell(cells[i]);
    return line + "\r\n";
  }
  std::string tail(size_t written, size_t total) const override {
    return total > written ? csv_cell("# " + stated_bound(written, total)) + "\r\n" : "";
  }
};

class RisWriter : public RecordWriter {
 public:
  std::string_view content_type() const override {
    return "application/x-research-info-systems; charset=utf-8";
  }
  std::string_view file_extension() const override { return "ris"; }
  std::string head() const override { return ""; }
  std::string record(const search::Hit& hit) const override {
    const index::Document& d = hit.document;
    std::string out = tag("TY", reference_type(d.type));
    out += tag("TI", d.title);
    for (const std::string& author : authors(d)) out += tag("AU", author);
    if (d.year) out += tag("PY", std::to_string(*d.year));
    if (!d.date.empty()) out += tag("DA", ris_date(d.date));
    out += tag("LA", d.lang);
    for (const auto* list : {&d.topics, &d.countries, &d.organisations})
      for (const std::string& keyword : *list) out += tag("KW", keyword);
    if (!d.description.empty()) out += tag("AB", d.description);
    out += tag("UR", d.url);
    if (hit.page) out += tag("SP", std::to_string(*hit.page));
    out += tag("ID", d.id);
    return out + "ER  - \r\n\r\n";
  }
  std::string tail(size_t written, size_t total) const override {
    if (total <= written) return "";
    return tag("TY", "GEN") + tag("TI", stated_bound(written, total)) + "ER  - \r\n";
  }

 private:
  static std::string tag(std::string_view name, std::string_view value) {
    std::string text = one_line(value);
    if (text.empty()) return "";
    return std::string(name) + "  - " + text + "\r\n";
  }
  // The RIS type of a document type, in any language it is labelled in: laws are statutes, country pages web
  // pages, campaign material pamphlets, the rest reports.
  static std::string_view reference_type(std::string_view type) {
    if (type == "law" || type == "loi" || type == "ley") return "STAT";
    if (type == "country-page" || type == "page pays" || type == "página de país") return "ELEC";
    if (type == "campaign" || type == "matériel de campagne" || type == "material de campaña") return "PAMP";
    return "RPRT";
  }
  // RIS dates are YYYY/MM/DD, with empty parts for what is unknown ("2019/03//").
  static std::string ris_date(const std::string& date) {
    std::vector<std::string> parts = split_trimmed(date, '-');
    while (parts.size() < 3) parts.emplace_back();
    return parts[0] + "/" + parts[1] + "/" + parts[2] + (parts[2].empty() ? "/" : "");
  }
};

}  // namespace

std::string csv_cell(std::string_view text) {
  std::string cell(text);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    cell = "'" + cell;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::unique_ptr<RecordWriter> record_writer(std::string_view format) {
  if (format == "csv") return std::make_unique<CsvWriter>();
  if (format == "ris") return std::make_unique<RisWriter>();
  return nullptr;
}

}  // namespace sonda::server

// Word (.docx, Office Open XML) and OpenDocument (.odt) files: body text and document properties.
#include "extract/office_extractor.h"

#include <pugixml.hpp>

#include <cstdlib>

#include "extract/zip_archive.h"
#include "util/strings.h"

namespace sonda::extract {
namespace {

// The name without its namespace prefix ("w:t" → "t").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// How one format marks text: the element holding runs of text, paragraph ends, tabs, breaks, spaces.
struct TextMarkup {
  std::string_view text_run;  // "t" in DOCX; empty in ODT, where every text node counts
  std::string_view paragraphs[2];
  std::string_view tab;
  std::string_view line_break;
  std::string_view spaces;  // ODT's <text:s text:c="N"/>
};

constexpr TextMarkup kDocx{"t", {"p", "p"}, "tab", "br", ""};
constexpr TextMarkup kOdt{"", {"p", "h"}, "tab", "line-break", "s"};

// Collects text in document order without recursion (pugixml's walker), bounded by `max_bytes`.
class TextCollector : public pugi::xml_tree_walker {
 public:
  TextCollector(const TextMarkup& markup, size_t max_bytes) : markup_(markup), max_bytes_(max_bytes) {}

  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      if (markup_.text_run.empty() || local_name(node.parent()) == markup_.text_run) text_ += node.value();
    } else if (node.type() == pugi::node_element) {
      std::string_view name = local_name(node);
      if (name == markup_.paragraphs[0] || name == markup_.paragraphs[1])
        text_ += '\n';
      else if (name == markup_.tab)
        text_ += '\t';
      else if (name == markup_.line_break)
        text_ += '\n';
      else if (!markup_.spaces.empty() && name == markup_.spaces)
        text_.append(std::max(1, std::min(100, node.attribute("text:c").as_int(1))), ' ');
    }
    return text_.size() <= max_bytes_;
  }

  std::string text() && { return std::move(text_); }
  bool truncated() const { return text_.size() > max_bytes_; }

 private:
  const TextMarkup& markup_;
  size_t max_bytes_;
  std::string text_;
};

Result<pugi::xml_document> parse_part(const ZipArchive& archive, const std::string& name,
                                      const ExtractLimits& limits) {
  auto xml = archive.read(name, limits.max_unzipped_bytes);
  if (!xml) return xml.error();
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(xml->data(), xml->size());
  if (!parsed)
    return Error{ErrorCode::invalid_argument,
                 name + " is not well-formed XML (" + parsed.description() + ")"};
  return document;
}

// Property elements named (locally) `from` become field `to`; "keyword(s)" are split into a list.
void read_properties(const pugi::xml_node& root, MetadataFields& fields) {
  struct Mapping {
    std::string_view from, to;
  };
  constexpr Mapping kMappings[] = {{"title", "title"},
                                   {"creator", "author"},
                                   {"initial-creator", "author"},
                                   {"description", "description"},
                                   {"subject", "description"},
                                   {"language", "lang"},
                                   {"created", "date"},
                                   {"creation-date", "date"},
                                   {"keywords", "keywords"},
                                   {"keyword", "keywords"}};
  std::vector<std::string> keywords;
  for (pugi::xpath_node match : root.select_nodes("//*[not(*)]")) {
    pugi::xml_node node = match.node();
    std::string_view name = local_name(node);
    for (const Mapping& mapping : kMappings) {
      if (name != mapping.from) continue;
      if (mapping.to == "keywords") {
        std::string value = node.text().get();
        for (std::string& keyword : split_trimmed(value, value.find(';') != std::string::npos ? ';' : ','))
          keywords.push_back(std::move(keyword));
      } else if (mapping.to == "lang") {
        std::string value = node.text().get();
        add_field(fields, "lang", value.substr(0, value.find_first_of("-_")));
      } else {
        add_field(fields, std::string(mapping.to), node.text().get());
      }
    }
  }
  if (!keywords.empty()) fields.emplace_back("keywords", std::move(keywords));
}

Result<Extracted> extract_office(std::string_view bytes, const ExtractLimits& limits,
                                 const std::string& body_part, const std::string& properties_part,
                                 const TextMarkup& markup) {
  auto archive = ZipArchive::open(bytes);
  if (!archive) return archive.error();
  if (!archive->contains(body_part))
    return Error{ErrorCode::invalid_argument,
                 "zip archive without " + body_part + " (not this document format)"};
  auto body = parse_part(*archive, body_part, limits);
  if (!body) return body.error();
  TextCollector collector(markup, limits.max_text_bytes);
  body->traverse(collector);
  Extracted out;
  if (collector.truncated())
    out.warnings.push_back("text longer than the limit; indexed the first " +
                           mebibytes(limits.max_text_bytes));
  out.body = std::move(collector).text();
  truncate_utf8(out.body, limits.max_text_bytes);
  if (archive->contains(properties_part)) {
    auto properties = parse_part(*archive, properties_part, limits);
    if (properties)
      read_properties(properties->document_element(), out.fields);
    else
      out.warnings.push_back("document properties unreadable: " + properties.error().message);
  }
  return out;
}

}  // namespace

Result<Extracted> extract_docx(std::string_view bytes, const ExtractLimits& limits) {
  return extract_office(bytes, limits, "word/document.xml", "docProps/core.xml", kDocx);
}

Result<Extracted> extract_odt(std::string_view bytes, const ExtractLimits& limits) {
  return extract_office(bytes, limits, "content.xml", "meta.xml", kOdt);
}

}  // namespace sonda::extract

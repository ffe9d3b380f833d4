// HTML pages (libxml2's HTML parser): visible body text, title, language, description and keywords.
#include "extract/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <memory>
#include <mutex>

#include "analysis/text_cleaner.h"
#include "util/strings.h"

namespace sonda::extract {
namespace {

constexpr std::array kSkipped = {"script", "style", "noscript", "template", "nav",    "header", "footer",
                                 "aside",  "form",  "svg",      "iframe",   "button", "select", "head"};
constexpr std::array kBlocks = {"p",  "div", "br",  "li",         "ul",   "ol",         "h1",      "h2",
                                "h3", "h4",  "h5",  "h6",         "tr",   "table",      "section", "article",
                                "dt", "dd",  "pre", "blockquote", "main", "figcaption", "hr",      "address"};

template <size_t N>
bool is_one_of(const xmlChar* name, const std::array<const char*, N>& names) {
  for (const char* candidate : names)
    if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar*>(candidate)) == 0) return true;
  return false;
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string node_text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string out(trim(reinterpret_cast<const char*>(content)));
  xmlFree(content);
  return out;
}

// The text on one line, runs of white space made one space: a heading as a reader sees it.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

// True for an element that opens a section: h1–h3, <section>, and DocBook's <div class="section"> (or
// "sect1"…"sect3", "chapter").
bool opens_section(const xmlNode* node) {
  if (named(node, "h1") || named(node, "h2") || named(node, "h3") || named(node, "section")) return true;
  if (!named(node, "div")) return false;
  for (const std::string& name : split_trimmed(attribute(node, "class"), ' '))
    if (name == "section" || name == "sect1" || name == "sect2" || name == "sect3" || name == "chapter")
      return true;
  return false;
}

bool is_heading(const xmlNode* node) {
  return named(node, "h1") || named(node, "h2") || named(node, "h3");
}

// The id of `node`, or the name of an <a name>.
std::string anchor_of_name(const xmlNode* node) {
  std::string id = attribute(node, "id");
  if (id.empty() && named(node, "a")) id = attribute(node, "name");
  return id;
}

// The id a link can point at for `node`: its own id (or an <a name>), else, inside a heading, the first one
// of an element in it (DocBook's <h2><a id="…"></a>Title</h2>).
std::string anchor_of(const xmlNode* node, bool inside_heading = false) {
  std::string id = anchor_of_name(node);
  if (!inside_heading && !is_heading(node)) return id;
  for (const xmlNode* child = node->children; id.empty() && child; child = child->next)
    if (child->type == XML_ELEMENT_NODE) id = anchor_of(child, true);
  return id;
}

// True for a page's own table of contents (DocBook's and MediaWiki's class "toc", pandoc's id "TOC"): links
// repeating the headings, skipped like navigation.
bool is_table_of_contents(const xmlNode* node) {
  std::string id = attribute(node, "id");
  if (id == "toc" || id == "TOC") return true;
  for (const std::string& name : split_trimmed(attribute(node, "class"), ' '))
    if (name == "toc") return true;
  return false;
}

// True for the source's indentation between a table's rows and cells, which would break a row's line.
bool is_table_layout(const xmlNode* text) {
  const xmlNode* parent = text->parent;
  if (!parent || !(named(parent, "tr") || named(parent, "tbody") || named(parent, "thead") ||
                   named(parent, "tfoot") || named(parent, "table")))
    return false;
  return trim(reinterpret_cast<const char*>(text->content)).empty();
}

// True for a place a link can point at inside a section: a block element with an id (not a table row, a
// line break or a rule), or an anchor without href (<a id> or <a name>).
bool is_link_target(const xmlNode* node) {
  if (named(node, "a")) return attribute(node, "href").empty() && !anchor_of_name(node).empty();
  if (!is_one_of(node->name, kBlocks) || attribute(node, "id").empty()) return false;
  return !(named(node, "tr") || named(node, "br") || named(node, "hr"));
}

// Walks the tree once, collecting visible text and the head's metadata.
class PageWalker {
 public:
  // Walks `node` and its siblings; text counts only when `visible` (not inside <head>).
  void walk(const xmlNode* node, bool visible = true) {
    for (; node; node = node->next) {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (visible && node->content && !is_table_layout(node))
          add_text(reinterpret_cast<const char*>(node->content));
        continue;
      }
      if (node->type != XML_ELEMENT_NODE) continue;
      if (named(node, "title") && title_.empty()) title_ = node_text(node);
      if (named(node, "meta")) read_meta(node);
      if (named(node, "link") && url_.empty() && attribute(node, "rel") == "canonical")
        url_ = attribute(node, "href");
      if (named(node, "html") && lang_.empty()) lang_ = attribute(node, "lang");
      if (named(node, "h1") && first_h1_.empty()) first_h1_ = node_text(node);
      if (is_one_of(node->name, kSkipped) || is_table_of_contents(node)) {
        if (named(node, "head")) walk(node->children, false);  // the head's title and meta, not its text
        continue;
      }
      bool block = is_one_of(node->name, kBlocks);
      if (block) body_ += '\n';
      if (named(node, "tr")) cells_in_row_ = 0;
      if ((named(node, "td") || named(node, "th")) && cells_in_row_++ > 0) body_ += " · ";
      if (visible && headings_open_ == 0) {
        if (opens_section(node))
          open_section(node);
        else if (is_link_target(node))
          open_link_target(node);
      }
      int heading = is_heading(node) ? 1 : 0;
      headings_open_ += heading;
      walk(node->children, visible);
      headings_open_ -= heading;
      if (block) body_ += '\n';
    }
  }

  Extracted result() && {
    Extracted out;
    add_field(out.fields, "title", title_.empty() ? first_h1_ : title_);
    std::string lang = lang_.substr(0, lang_.find_first_of("-_"));
    add_field(out.fields, "lang", lang);
    add_field(out.fields, "description", description_);
    if (!keywords_.empty()) out.fields.emplace_back("keywords", split_trimmed(keywords_, ','));
    add_field(out.fields, "author", author_);
    add_field(out.fields, "date", date_);
    if (url_.starts_with("https://") || url_.starts_with("http://")) add_field(out.fields, "url", url_);
    out.body = std::move(body_);
    if (sections_.size() >= 2) out.sections = std::move(sections_);
    return out;
  }

 private:
  void add_text(std::string_view text) {
    body_ += text;
    if (trim(text).empty()) return;
    text_in_section_ = true;
    if (headings_open_ == 0) body_text_in_section_ = true;
  }

  // A section begins at `node`, unless the one opened last holds no text yet (a <section> and its heading):
  // that one then takes what it lacks (the heading, an anchor).
  void open_section(const xmlNode* node) {
    std::string anchor = anchor_of(node);
    if (sections_.empty() || text_in_section_) {
      sections_.push_back({body_.size(), std::move(anchor), ""});
      text_in_section_ = body_text_in_section_ = false;
      heading_inherited_ = false;
    } else if (sections_.back().anchor.empty()) {
      sections_.back().anchor = std::move(anchor);
    }
    if (is_heading(node) && (sections_.back().heading.empty() || heading_inherited_)) {
      sections_.back().heading = one_line(node_text(node));
      heading_inherited_ = false;
    }
  }

  // A place a link can point at inside a section (a table's anchor, an article's id) begins a section
  // under the heading read last (an h4–h6 is its own), unless the one opened last holds nothing but its
  // heading yet: that one then takes the anchor it lacks.
  void open_link_target(const xmlNode* node) {
    std::string anchor = anchor_of_name(node);
    if (!sections_.empty() && !body_text_in_section_) {
      if (sections_.back().anchor.empty()) sections_.back().anchor = std::move(anchor);
      return;
    }
    bool minor_heading = named(node, "h4") || named(node, "h5") || named(node, "h6");
    std::string heading = minor_heading       ? one_line(node_text(node))
                          : sections_.empty() ? ""
                                              : sections_.back().heading;
    sections_.push_back({body_.size(), std::move(anchor), std::move(heading)});
    text_in_section_ = body_text_in_section_ = false;
    heading_inherited_ = !minor_heading && !sections_.back().heading.empty();
  }

  void read_meta(const xmlNode* node) {
    std::string name = attribute(node, "name");
    if (name.empty()) name = attribute(node, "property");
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string content = attribute(node, "content");
    if (name == "description" || name == "og:description") {
      if (description_.empty()) description_ = content;
    } else if (name == "keywords") {
      keywords_ = content;
    } else if (name == "og:url") {
      if (url_.empty()) url_ = content;
    } else if (name == "author") {
      author_ = content;
    } else if (name == "date" || name == "dcterms.date" || name == "article:published_time") {
      if (date_.empty()) date_ = content;
    } else if ((name == "language" || name == "dc.language") && lang_.empty()) {
      lang_ = content;
    }
  }

  std::string body_, title_, first_h1_, lang_, description_, keywords_, author_, date_, url_;
  std::vector<Section> sections_;
  bool text_in_section_ = false;       // text, headings' included, since the last section began
  bool body_text_in_section_ = false;  // text outside headings since then
  bool heading_inherited_ = false;     // the last section's heading is that of the one before it
  int cells_in_row_ = 0;               // a table row's cells read on one line, " · " between them
  int headings_open_ = 0;              // headings the walk is inside (their anchors are theirs, not targets)
};

// The encoding to parse with: the page's own <meta charset> when it declares one, else UTF-8 when the
// bytes are valid UTF-8, else Windows-1252.
const char* encoding_for(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.find("charset") != std::string::npos) return nullptr;
  return analysis::is_valid_utf8(bytes) ? "UTF-8" : "windows-1252";
}

}  // namespace

Result<Extracted> extract_html(std::string_view bytes) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  if (trim(bytes).empty()) return Error{ErrorCode::invalid_argument, "empty file"};
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return Error{ErrorCode::too_large, "HTML page too large"};
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding_for(bytes), kOptions),
      &xmlFreeDoc);
  if (!document) return Error{ErrorCode::invalid_argument, "not an HTML page libxml2 can read"};
  PageWalker walker;
  walker.walk(xmlDocGetRootElement(document.get()));
  return std::move(walker).result();
}

}  // namespace sonda::extract

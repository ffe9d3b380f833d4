// An Atom 1.0 feed (RFC 4287) of search hits: what a feed reader subscribes to for a query and its filters.
#include "server/export/atom_feed.h"

#include "server/url_encoding.h"

namespace sonda::server {
namespace {

// A snippet (HTML-escaped text with <mark> tags) as plain text.
std::string snippet_text(std::string_view snippet) {
  std::string out;
  for (size_t i = 0; i < snippet.size(); ++i) {
    if (snippet.substr(i).starts_with("<mark>")) {
      i += 5;
    } else if (snippet.substr(i).starts_with("</mark>")) {
      i += 6;
    } else if (snippet[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (const auto& [entity, c] : kEntities)
        if (snippet.substr(i).starts_with(entity)) {
          out += c;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      if (!decoded) out += '&';
    } else {
      out += snippet[i];
    }
  }
  return out;
}

// A document date ("2019", "2019-03", "2019-03-22") as an RFC 3339 time, or `fallback`.
std::string rfc3339(const std::string& date, const std::string& fallback) {
  if (date.size() == 4) return date + "-01-01T00:00:00Z";
  if (date.size() == 7) return date + "-01T00:00:00Z";
  if (date.size() == 10) return date + "T00:00:00Z";
  return fallback;
}

std::string element(std::string_view name, std::string_view text) {
  std::string out = "<";  // appended, not joined with +: GCC 12 at -O3 warns (-Wrestrict) on the join
  out.append(name).append(">").append(xml_escape(text)).append("</").append(name).append(">");
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;     // not allowed in XML 1.0
        if (c == 0xEF && text.substr(i).starts_with("\xEF\xBF\xBE")) {  // U+FFFE and U+FFFF neither
          i += 2;
          break;
        }
        if (c == 0xEF && text.substr(i).starts_with("\xEF\xBF\xBF")) {
          i += 2;
          break;
        }
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string atom_feed(const search::SearchResponse& response, const FeedInfo& info) {
  std::string updated =
      response.hits.empty() ? info.updated : rfc3339(response.hits.front().document.date, info.updated);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  " + element("id", "urn:sonda:search:" + percent_encode(info.self_url)) + "\n";
  out += "  " + element("title", info.title) + "\n";
  out += "  " + element("updated", updated) + "\n";
  out += "  <author><name>Sonda</name></author>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(info.self_url) + "\"/>\n";
  out += "  <generator>Sonda</generator>\n";
  for (const search::Hit& hit : response.hits) {
    const index::Document& document = hit.document;
    std::string link =
        document.url.empty() ? info.base_url + "/documents/" + percent_encode(document.id) : document.url;
    out +=
        document.lang.empty() ? "  <entry>\n" : "  <entry xml:lang=\"" + xml_escape(document.lang) + "\">\n";
    out += "    " + element("id", "urn:sonda:document:" + percent_encode(document.id)) + "\n";
    out += "    " + element("title", document.title.empty() ? document.id : document.title) + "\n";
    out += "    " + element("updated", rfc3339(document.date, info.updated)) + "\n";
    out += "    <link rel=\"alternate\" href=\"" + xml_escape(link) + "\"/>\n";
    for (const std::string& topic : document.topics)
      out += "    <category term=\"" + xml_escape(topic) + "\"/>\n";
    out += "    <summary type=\"text\">" + xml_escape(snippet_text(hit.snippet)) + "</summary>\n";
    out += "  </entry>\n";
  }
  return out + "</feed>\n";
}

}  // namespace sonda::server

// An Atom 1.0 feed (RFC 4287) of search hits: what a feed reader subscribes to for a query and its filters.
#pragma once

#include <string>

#include "search/search_response.h"

namespace sonda::server {

// Where the feed lives and what it is of.
struct FeedInfo {
  std::string self_url;  // the feed's own address (the request's URL)
  std::string base_url;  // the server's address, for links to documents without a URL of their own
  std::string title;     // "Sonda — châtiments corporels"
  std::string updated;   // RFC 3339, for the feed and entries without a date: the index's last change
};

// The feed: one entry per hit (id, title, updated from its date, link, summary: the snippet as text).
std::string atom_feed(const search::SearchResponse& response, const FeedInfo& info);

// `text` escaped for XML character data and attributes, with the characters XML 1.0 forbids dropped.
std::string xml_escape(std::string_view text);

}  // namespace sonda::server

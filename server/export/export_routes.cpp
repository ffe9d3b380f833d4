// The /search answers for researchers: a CSV or RIS export of every match (streamed, bounded) and an Atom
// feed of the newest ones. Encoders over the core's search; no sockets here.
#include "server/export/export_routes.h"

#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "server/export/atom_feed.h"
#include "server/export/record_writer.h"
#include "server/response_codec.h"
#include "server/time_text.h"

namespace sonda::server {

std::string requested_format(const HttpRequest& request) {
  if (const std::string* format = request.param("format")) return *format;
  if (request.method == "POST") {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains("format") && body["format"].is_string())
      return body["format"].get<std::string>();
  }
  return "json";
}

HttpResponse export_records(search::SearcherPool& pool, search::SearchRequest request,
                            const std::string& format, size_t max_export) {
  auto writer = std::shared_ptr<RecordWriter>(record_writer(format));
  auto lease = pool.acquire();
  if (!lease) return error_response(lease.error());
  auto searcher = std::make_shared<search::SearcherPool::Lease>(std::move(*lease));
  search::SearchRequest counting = request;
  counting.hits_per_page = 0;
  counting.facets.clear();
  auto counted = (*searcher)->search(counting);  // the count goes in a header, before any record
  if (!counted) return error_response(counted.error());
  size_t total = counted->total_hits;
  HttpResponse response;
  response.content_type = std::string(writer->content_type());
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"sonda-export." +
                                                           std::string(writer->file_extension()) + "\"");
  response.headers.emplace_back("Sonda-Export-Limit", std::to_string(max_export));
  response.headers.emplace_back("Sonda-Total-Hits", std::to_string(total));
  response.stream = [writer, searcher, request, max_export,
                     total](const std::function<bool(std::string_view)>& write) {
    if (!write(writer->head())) return;
    size_t written = 0;
    bool open = true;
    Status walked = (*searcher)->each_match(request, max_export, [&](const search::Hit& hit, size_t) {
      open = write(writer->record(hit));
      written += open ? 1 : 0;
      return open;
    });
    if (open && walked) write(writer->tail(written, std::max(total, written)));
  };
  return response;
}

HttpResponse atom_response(search::SearcherPool& pool, search::SearchRequest request,
                           const std::string& self_url, const std::string& base_url) {
  constexpr int kEntries = 50;
  request.sort = search::SortOrder::date_desc;
  request.page = 1;
  request.offset.reset();
  request.hits_per_page = kEntries;
  request.facets.clear();
  request.highlight = false;
  auto searcher = pool.acquire();
  if (!searcher) return error_response(searcher.error());
  auto found = (*searcher)->search(request);
  if (!found) return error_response(found.error());
  auto stats = (*searcher)->stats();
  FeedInfo info;
  info.self_url = self_url;
  info.base_url = base_url;
  info.title = request.q.empty() ? "Sonda — nouveaux documents" : "Sonda — " + request.q;
  info.updated = utc_time_text(stats && stats->updated_unix > 0 ? stats->updated_unix : std::time(nullptr));
  HttpResponse response;
  response.content_type = "application/atom+xml; charset=utf-8";
  response.body = atom_feed(*found, info);
  return response;
}

}  // namespace sonda::server

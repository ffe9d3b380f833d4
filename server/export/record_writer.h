// Writers of search results for reference managers and spreadsheets: CSV (RFC 4180) and RIS, one record
// per document, written as the documents arrive.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "search/search_response.h"

namespace sonda::server {

// Writes one export: a head, a record per document, and a tail that states the bound when it cut the list.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual std::string_view content_type() const = 0;
  virtual std::string_view file_extension() const = 0;
  virtual std::string head() const = 0;
  // The record of one hit: its document's fields and, for documents with pages or sections, where its best
  // passage stands.
  virtual std::string record(const search::Hit& hit) const = 0;
  // `written` documents of `total` matches were exported, `total > written` when the bound cut the list.
  virtual std::string tail(size_t written, size_t total) const = 0;
};

// The writer for `format` ("csv" or "ris"), or nullptr.
std::unique_ptr<RecordWriter> record_writer(std::string_view format);

// A CSV cell: quoted when it holds a comma, quote, CR or LF (quotes doubled), and neutralised with a
// leading ' when it starts with =, +, -, @, tab or CR, so a spreadsheet never runs it as a formula.
std::string csv_cell(std::string_view text);

}  // namespace sonda::server

// Turns a Document into the Xapian document the schema describes: terms, positions, values, data.
#pragma once

#include <xapian.h>

#include "analysis/analyzer.h"
#include "index/analysed_fields.h"
#include "index/document.h"
#include "index/packed_body.h"
#include "util/result.h"

namespace sonda::index {

// A document analysed and ready to write: built on any thread, handed to the one IndexWriter.
class PreparedDocument {
 public:
  const std::string& id() const { return id_; }

 private:
  friend class DocumentBuilder;
  friend class IndexWriter;
  PreparedDocument(std::string id, Xapian::Document document, OutsideChunks chunks)
      : id_(std::move(id)), document_(std::move(document)), chunks_(std::move(chunks)) {}

  std::string id_;
  Xapian::Document document_;
  OutsideChunks chunks_;  // a long body's chunks, stored beside the record
};

// Builds Xapian documents with one Analyzer. Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

  // Cleans `document`'s title, description and body in place (see clean_text) and returns their words.
  AnalysedFields analyse(Document& document);

  // The Xapian document for `document`, whose title and body are cleaned here (see clean_text).
  // Taken by value so that callers can move a large body in rather than copy it.
  Xapian::Document build(Document document);

  // The same for a document analyse() has cleaned, with the words it returned; with `outside`, a long body's
  // chunks go there instead of into the record (see encode_stored_fields).
  Xapian::Document build(Document document, const AnalysedFields& words, OutsideChunks* outside = nullptr);

  // Checks the id (present, at most 200 bytes) and builds: the form IndexWriter::add takes.
  Result<PreparedDocument> prepare(Document document);

  // The same for a document analyse() has cleaned, with the words it returned.
  Result<PreparedDocument> prepare(Document document, const AnalysedFields& words);

 private:
  // Adds `words` from `position` on; returns the next free position.
  // With `checkpoints`, records the byte offset of every kBodyCheckpointWords-th word.
  Xapian::termpos add_words(Xapian::Document& out, const std::vector<analysis::Token>& words,
                            const std::string& lang, Xapian::termpos position, bool is_title,
                            std::vector<uint32_t>* checkpoints = nullptr);
  // Adds id, date, year and facet terms and values; `document.year` must already be effective.
  void add_metadata(Xapian::Document& out, const Document& document);

  analysis::Analyzer& analyzer_;
};

// "2019-03-22" → "20190322": the digits of a date, for sorting and the D term.
std::string compact_date(std::string_view date);

// The year a document is filed under: its own, else the first four digits of its date.
std::optional<int> effective_year(const Document& document);

}  // namespace sonda::index

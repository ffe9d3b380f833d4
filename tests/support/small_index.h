// Small indexes made for one test: a Searcher over documents written in the test, and the ids it answers.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "search/searcher.h"
#include "support/gazetteer.h"
#include "support/temp_dir.h"

namespace sonda::testing {

// A Searcher over a fresh index of `documents` in `dir`.
inline std::unique_ptr<search::Searcher> searcher_over(const TempDir& dir,
                                                       const std::vector<index::Document>& documents) {
  auto writer = index::IndexWriter::open((dir / "db").string());
  if (!writer) throw std::runtime_error(writer.error().message);
  for (const index::Document& document : documents)
    if (!(*writer)->add(document)) throw std::runtime_error("cannot add " + document.id);
  if (!(*writer)->commit()) throw std::runtime_error("cannot commit");
  auto searcher = search::Searcher::open((dir / "db").string(), builtin_gazetteer());
  if (!searcher) throw std::runtime_error(searcher.error().message);
  return std::move(*searcher);
}

// A document of `lang` with `body` (and `date`, when given).
inline index::Document document_of(std::string id, std::string lang, std::string body,
                                   std::string date = "") {
  index::Document document;
  document.id = std::move(id);
  document.lang = std::move(lang);
  document.body = std::move(body);
  document.date = std::move(date);
  return document;
}

// Documents d0, d1… of `lang`, one per body.
inline std::vector<index::Document> numbered(const std::string& lang,
                                             const std::vector<std::string>& bodies) {
  std::vector<index::Document> documents;
  for (size_t i = 0; i < bodies.size(); ++i)
    documents.push_back(document_of("d" + std::to_string(i), lang, bodies[i]));
  return documents;
}

// The ids of the hits `searcher` answers `request` with, in rank order (none when it fails).
inline std::vector<std::string> hit_ids(search::Searcher& searcher, const search::SearchRequest& request) {
  std::vector<std::string> out;
  auto response = searcher.search(request);
  EXPECT_TRUE(response.ok());
  if (response.ok())
    for (const auto& hit : response->hits) out.push_back(hit.document.id);
  return out;
}

}  // namespace sonda::testing

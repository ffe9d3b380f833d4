// Fills in what a document's metadata leaves out: language, canonical facet values, entities, year.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/language_detector.h"
#include "enrich/gazetteer.h"
#include "index/analysed_fields.h"
#include "index/document.h"

namespace sonda::enrich {

// Applies, in order: language detection (CLD2) when `lang` is empty; every metadata facet value mapped
// to its gazetteer key ("Perú" → "PE"; unknown values kept); countries, regions, organisations and
// topics the text mentions, for each of those fields the metadata leaves empty (and a tagged region's
// country); the document type its title starts with ("Rapport annuel 2022…") when none is given; the
// year of the first date in the text when neither date nor year is given.
// Metadata always wins over detection. Not thread-safe: one Enricher per worker thread.
class Enricher {
 public:
  Enricher(const Gazetteer& gazetteer, const analysis::LanguageDetector& detector)
      : gazetteer_(gazetteer), detector_(detector) {}

  void enrich(index::Document& document);

  // The same for a document whose title, description and body DocumentBuilder::analyse has cleaned, with
  // the words it returned (so the text is analysed once for both).
  void enrich(index::Document& document, const index::AnalysedFields& words);

 private:
  // Enriches `document` from its cleaned title, description and the part of its body to read (the first
  // kTaggedBytes) and their words (a field's words past its end are left out).
  void enrich(index::Document& document, std::string_view title, std::string_view description,
              std::string_view body, const index::AnalysedFields& words);
  void canonicalise(index::Document& document);
  void tag(index::Document& document, const Mentions& mentions);

  const Gazetteer& gazetteer_;
  const analysis::LanguageDetector& detector_;
  analysis::Analyzer analyzer_;
};

}  // namespace sonda::enrich

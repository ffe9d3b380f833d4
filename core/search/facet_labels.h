// Facet values as people read them: gazetteer keys ("PE") turned into labels ("Pérou" / "Perú").
#pragma once

#include <string_view>
#include <vector>

#include "enrich/gazetteer.h"
#include "index/document.h"
#include "search/search_response.h"

namespace sonda::search {

// Replaces the keys of a document's countries, regions, organisations, topics and type by their labels
// in `lang`, or in the document's own language when `lang` is empty.
void label_document(index::Document& document, const enrich::Gazetteer& gazetteer, std::string_view lang);

// Replaces the keys of facet counts by their labels in `lang` (French when empty).
void label_facets(std::vector<FacetCounts>& facets, const enrich::Gazetteer& gazetteer,
                  std::string_view lang);

}  // namespace sonda::search

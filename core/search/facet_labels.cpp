// Facet values as people read them: gazetteer keys ("PE") turned into labels ("Pérou" / "Perú").
#include "search/facet_labels.h"

namespace sonda::search {

void label_document(index::Document& document, const enrich::Gazetteer& gazetteer, std::string_view lang) {
  std::string_view in = lang.empty() ? std::string_view(document.lang) : lang;
  auto relabel = [&](std::vector<std::string>& values, std::string_view field) {
    for (std::string& value : values) value = gazetteer.label(field, value, in);
  };
  relabel(document.countries, "country");
  relabel(document.regions, "region");
  relabel(document.organisations, "organisation");
  relabel(document.topics, "topic");
  if (!document.type.empty()) document.type = gazetteer.label("type", document.type, in);
}

void label_facets(std::vector<FacetCounts>& facets, const enrich::Gazetteer& gazetteer,
                  std::string_view lang) {
  for (FacetCounts& facet : facets)
    for (auto& [value, count] : facet.values)
      value = gazetteer.label(facet.field, value, lang.empty() ? "fr" : lang);
}

}  // namespace sonda::search

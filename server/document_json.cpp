// A document's fields as JSON values, shared by every wire protocol that returns documents.
#include "server/document_json.h"

#include "index/document_fields.h"

namespace sonda::server {

nlohmann::ordered_json field_json(const index::Document& document, std::string_view name) {
  if (name == "year")
    return document.year ? nlohmann::ordered_json(*document.year) : nlohmann::ordered_json(nullptr);
  auto values = index::field_text(document, name);
  if (!values) return nullptr;
  if (index::is_list_field(name)) return *values;
  return values->empty() ? std::string() : values->front();
}

nlohmann::ordered_json metadata_json(const index::Document& document) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::string_view name : index::document_field_names())
    if (name != "text") out[std::string(name)] = field_json(document, name);
  return out;
}

}  // namespace sonda::server

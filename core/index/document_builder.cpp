// Turns a Document into the Xapian document the schema describes: terms, positions, values, data.
#include "index/document_builder.h"

#include "analysis/stopwords.h"
#include "analysis/text_cleaner.h"
#include "index/body_map.h"
#include "index/schema.h"
#include "index/stored_fields.h"

namespace sonda::index {

std::string compact_date(std::string_view date) {
  std::string digits;
  for (char c : date)
    if (c >= '0' && c <= '9') digits.push_back(c);
  if (digits.size() > 8) digits.resize(8);
  return digits;
}

std::optional<int> effective_year(const Document& document) {
  if (document.year) return document.year;
  std::string digits = compact_date(document.date);
  if (digits.size() >= 4) return std::stoi(digits.substr(0, 4));
  return std::nullopt;
}

Xapian::termpos DocumentBuilder::add_text(Xapian::Document& out, std::string_view text,
                                          const std::string& lang, Xapian::termpos position, bool is_title,
                                          std::vector<uint32_t>* checkpoints) {
  const Xapian::termcount wdf = is_title ? kTitleWdf : 1;
  uint32_t index = 0;
  for (const analysis::Token& token : analyzer_.tokens(text)) {
    if (checkpoints && index++ % kBodyCheckpointWords == 0) checkpoints->push_back(token.begin);
    ++position;
    out.add_posting(token.folded, position, wdf);
    bool stop = analysis::is_stopword(token.folded, lang);
    std::string stem = stop ? std::string() : analyzer_.stem(token.word, lang);
    if (!stop)
      out.add_posting(std::string(kStemPrefix) + stem, position, wdf);  // positions: proximity by stem
    if (is_title) {
      out.add_posting(std::string(kTitlePrefix) + token.folded, position);
      if (!stop) out.add_term(std::string(kTitleStemPrefix) + stem);
    }
    if (token.word != token.folded)
      out.add_boolean_term(std::string(kAccentPrefix) + token.folded + kAccentSeparator + token.word);
  }
  return position;
}

void DocumentBuilder::add_metadata(Xapian::Document& out, const Document& document) {
  out.add_boolean_term(id_term(document.id));
  out.add_value(kIdSlot, document.id);
  std::string date = compact_date(document.date);
  if (!date.empty()) out.add_boolean_term(std::string(kDatePrefix) + date);
  out.add_value(kDateSlot, date_sort_key(date, document.id));
  if (document.year) out.add_value(kYearSlot, Xapian::sortable_serialise(*document.year));
  if (!document.source.empty()) out.add_boolean_term(source_term(document.source));
  for (const FacetField& field : facet_fields()) {
    std::string joined;
    for (const std::string& value : facet_values(document, field)) {
      if (value.empty()) continue;
      out.add_boolean_term(facet_term(field, value));
      if (!joined.empty()) joined.push_back(kValueSeparator);
      joined += value;
    }
    if (!joined.empty()) out.add_value(field.slot, joined);
  }
}

namespace {

// Cleans the body page by page when it has pages, so the page starts point into the cleaned text.
void clean_body(Document& document) {
  if (document.page_starts.empty() || document.page_starts.front() != 0) {  // pages start the text
    document.page_starts.clear();
    document.body = analysis::collapse_layout(analysis::clean_text(document.body));
    return;
  }
  std::string cleaned;
  std::vector<uint32_t> starts;
  const std::string& raw = document.body;
  for (size_t i = 0; i < document.page_starts.size(); ++i) {
    size_t begin = document.page_starts[i];
    size_t end = i + 1 < document.page_starts.size() ? document.page_starts[i + 1] : raw.size();
    if (begin > raw.size() || end < begin) break;
    if (!cleaned.empty()) cleaned += "\n\n";  // pages are paragraphs apart
    starts.push_back(static_cast<uint32_t>(cleaned.size()));
    cleaned +=
        analysis::collapse_layout(analysis::clean_text(std::string_view(raw).substr(begin, end - begin)));
  }
  document.body = std::move(cleaned);
  document.page_starts = std::move(starts);
}

}  // namespace

Xapian::Document DocumentBuilder::build(Document document) {
  document.title = analysis::clean_text(document.title);
  document.year = effective_year(document);  // metadata below reads the effective year
  Xapian::Document out;
  Xapian::termpos position = add_text(out, document.title, document.lang, 0, true);
  document.description = analysis::clean_text(document.description);
  position = add_text(out, document.description, document.lang, position + kBodyPositionGap, false);
  clean_body(document);
  BodyMap body_map;
  body_map.first_position = position + kBodyPositionGap + 1;
  position =
      add_text(out, document.body, document.lang, position + kBodyPositionGap, false, &body_map.checkpoints);
  body_map.words = position + 1 - body_map.first_position;
  out.add_value(kBodyMapSlot, encode_body_map(body_map));
  for (const std::string& keyword : document.keywords)
    position =
        add_text(out, analysis::clean_text(keyword), document.lang, position + kBodyPositionGap, false);
  add_metadata(out, document);
  out.set_data(encode_stored_fields(document));
  return out;
}

Result<PreparedDocument> DocumentBuilder::prepare(Document document) {
  if (document.id.empty()) return Error{ErrorCode::invalid_argument, "document has no id"};
  if (document.id.size() > kMaxKeyBytes)
    return Error{ErrorCode::invalid_argument, "document id longer than 200 bytes"};
  std::string id = document.id;
  return PreparedDocument(std::move(id), build(std::move(document)));
}

}  // namespace sonda::index

// Turns a Document into the Xapian document the schema describes: terms, positions, values, data.
#include "index/document_builder.h"

#include <algorithm>

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

Xapian::termpos DocumentBuilder::add_words(Xapian::Document& out, const std::vector<analysis::Token>& words,
                                           const std::string& lang, Xapian::termpos position, bool is_title,
                                           std::vector<uint32_t>* checkpoints) {
  const Xapian::termcount wdf = is_title ? kTitleWdf : 1;
  uint32_t index = 0;
  for (const analysis::Token& token : words) {
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
  std::vector<std::string> joined_by_field;
  for (const FacetField& field : facet_fields()) {
    std::string& joined = joined_by_field.emplace_back();
    for (const std::string& value : facet_values(document, field)) {
      if (value.empty()) continue;
      out.add_boolean_term(facet_term(field, value));
      if (!joined.empty()) joined.push_back(kValueSeparator);
      joined += value;
    }
    if (!joined.empty()) out.add_value(field.slot, joined);
  }
  out.add_value(kFacetsSlot, encode_facet_values(joined_by_field));
}

namespace {

// True when `starts` ascend and stand within a body of `size` bytes.
bool fit(const std::vector<uint32_t>& starts, size_t size) {
  return std::is_sorted(starts.begin(), starts.end()) && (starts.empty() || starts.back() <= size);
}

// Cleans `body` part by part, the parts beginning at `starts` (which fit it; text before the first start is a
// part of its own), and returns where each part begins in the cleaned text.
std::vector<uint32_t> clean_in_parts(std::string& body, const std::vector<uint32_t>& starts) {
  std::string cleaned;
  std::vector<uint32_t> out;
  auto clean = [&](size_t begin, size_t end) {
    return analysis::collapse_layout(analysis::clean_text(std::string_view(body).substr(begin, end - begin)));
  };
  cleaned = clean(0, starts.front());
  for (size_t i = 0; i < starts.size(); ++i) {
    if (!cleaned.empty()) cleaned += "\n\n";  // parts are paragraphs apart
    out.push_back(static_cast<uint32_t>(cleaned.size()));
    cleaned += clean(starts[i], i + 1 < starts.size() ? starts[i + 1] : body.size());
  }
  body = std::move(cleaned);
  return out;
}

// Cleans the body, part by part when it has pages or sections, so their starts point into the cleaned text.
void clean_body(Document& document) {
  while (!document.sections.empty() && document.sections.back().start > document.body.size())
    document.sections.pop_back();  // past a truncated body
  std::vector<uint32_t> section_starts;
  for (const DocumentSection& section : document.sections) section_starts.push_back(section.start);
  bool pages = !document.page_starts.empty() && document.page_starts.front() == 0 &&  // pages start the text
               fit(document.page_starts, document.body.size());
  if (!pages) document.page_starts.clear();
  if (pages || !fit(section_starts, document.body.size())) document.sections.clear();
  if (pages) {
    document.page_starts = clean_in_parts(document.body, document.page_starts);
  } else if (!document.sections.empty()) {
    section_starts = clean_in_parts(document.body, section_starts);
    for (size_t i = 0; i < section_starts.size(); ++i) document.sections[i].start = section_starts[i];
  } else {
    document.body = analysis::collapse_layout(analysis::clean_text(document.body));
  }
}

}  // namespace

AnalysedFields DocumentBuilder::analyse(Document& document) {
  document.title = analysis::clean_text(document.title);
  document.description = analysis::clean_text(document.description);
  clean_body(document);
  return {analyzer_.tokens(document.title), analyzer_.tokens(document.description),
          analyzer_.tokens(document.body)};
}

Xapian::Document DocumentBuilder::build(Document document) {
  AnalysedFields words = analyse(document);
  return build(std::move(document), words);
}

Xapian::Document DocumentBuilder::build(Document document, const AnalysedFields& words,
                                        OutsideChunks* outside) {
  document.year = effective_year(document);  // metadata below reads the effective year
  Xapian::Document out;
  Xapian::termpos position = add_words(out, words.title, document.lang, 0, true);
  position = add_words(out, words.description, document.lang, position + kBodyPositionGap, false);
  BodyMap body_map;
  body_map.first_position = position + kBodyPositionGap + 1;
  position =
      add_words(out, words.body, document.lang, position + kBodyPositionGap, false, &body_map.checkpoints);
  body_map.words = position + 1 - body_map.first_position;
  out.add_value(kBodyMapSlot, encode_body_map(body_map));
  for (const std::string& keyword : document.keywords)
    position = add_words(out, analyzer_.tokens(analysis::clean_text(keyword)), document.lang,
                         position + kBodyPositionGap, false);
  add_metadata(out, document);
  out.set_data(encode_stored_fields(document, outside));
  return out;
}

namespace {

// Why `id` cannot name a document, if it cannot.
std::optional<Error> id_problem(const std::string& id) {
  if (id.empty()) return Error{ErrorCode::invalid_argument, "document has no id"};
  if (id.size() > kMaxKeyBytes)
    return Error{ErrorCode::invalid_argument, "document id longer than 200 bytes"};
  return std::nullopt;
}

}  // namespace

Result<PreparedDocument> DocumentBuilder::prepare(Document document) {
  if (auto problem = id_problem(document.id)) return *problem;  // before any analysis
  AnalysedFields words = analyse(document);
  return prepare(std::move(document), words);
}

Result<PreparedDocument> DocumentBuilder::prepare(Document document, const AnalysedFields& words) {
  if (auto problem = id_problem(document.id)) return *problem;
  std::string id = document.id;
  OutsideChunks chunks;
  Xapian::Document built = build(std::move(document), words, &chunks);
  return PreparedDocument(std::move(id), std::move(built), std::move(chunks));
}

}  // namespace sonda::index

// Turns a page of Xapian matches into Hits: stored fields, labels, score, snippet, marked fields, positions.
#include "search/hit_renderer.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "index/body_map.h"
#include "index/document_fields.h"
#include "index/schema.h"
#include "index/stored_fields.h"
#include "search/facet_labels.h"
#include "search/snippet.h"
#include "search/snippet_locator.h"
#include "util/strings.h"

namespace sonda::search {
namespace {

// The part of the body worth reading for a passage: from where the matched words' positions point (a
// checkpoint before the densest cluster), about `bytes` long; the whole body when positions cannot tell.
struct BodySlice {
  std::string_view text;
  size_t start = 0;  // its byte offset in the body
  bool cut_before = false;
  bool cut_after = false;
};

BodySlice slice_at(std::string_view body, size_t start, size_t bytes) {
  std::string_view slice = utf8_prefix(body.substr(start), bytes);
  std::string_view before = body.substr(0, start);
  bool words_before = std::any_of(before.begin(), before.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  });
  return {slice, start, words_before, slice.size() < body.size() - start};
}

// The slices around the `count` densest clusters of matched words, best first, or the whole body.
std::vector<BodySlice> body_slices(const Xapian::Database& database, const Xapian::MSetIterator& match,
                                   const Xapian::Document& document, std::string_view body,
                                   const query::HighlightTerms& terms, size_t bytes, size_t count) {
  auto map = index::decode_body_map(document.get_value(index::kBodyMapSlot));
  auto starts = map ? snippet_starts(database, *match, *map, terms, count) : std::nullopt;
  std::vector<BodySlice> out;
  if (starts)
    for (size_t start : *starts)
      if (start <= body.size()) out.push_back(slice_at(body, start, bytes));
  if (out.empty()) out.push_back({body, 0, false, false});
  return out;
}

std::string with_cuts(std::string passage, const BodySlice& slice, std::string_view marker) {
  if (marker.empty()) return passage;
  if (slice.cut_after && !passage.ends_with(marker)) passage += marker;
  if (slice.cut_before && !passage.starts_with(marker)) passage = std::string(marker) + passage;
  return passage;
}

// The page (from 1) holding byte `offset` of a body whose pages start at `starts`; none without pages.
std::optional<int> page_of(const std::vector<uint32_t>& starts, size_t offset) {
  if (starts.empty()) return std::nullopt;
  auto after = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<int>(std::max<std::ptrdiff_t>(1, after - starts.begin()));
}

// The section holding byte `offset` of a body with `sections`; none before the first or without sections.
std::optional<index::DocumentSection> section_of(const std::vector<index::DocumentSection>& sections,
                                                 size_t offset) {
  auto after =
      std::upper_bound(sections.begin(), sections.end(), offset,
                       [](size_t at, const index::DocumentSection& section) { return at < section.start; });
  if (after == sections.begin()) return std::nullopt;
  return *std::prev(after);
}

size_t crop_words(const FieldMarking& marking, const std::string& field) {
  for (const auto& [name, words] : marking.crop)
    if (name == field) return words;
  return field == "text" ? marking.text_words : 0;
}

class Renderer {
 public:
  Renderer(const Xapian::Database& database, analysis::Analyzer& analyzer, const HitContext& context)
      : database_(database), snippets_(analyzer), context_(context) {}

  Hit render(const Xapian::MSetIterator& match, const Xapian::Document& xapian_document,
             index::Document stored) {
    Hit hit;
    const query::HighlightTerms& terms = context_.text.highlight;
    hit.score = context_.text.browse ? 0.0 : std::round(match.get_weight() * 1000.0) / 1000.0;
    hit.relevance = context_.text.browse ? 1.0 : match.get_percent() / 100.0;
    if (context_.request.snippets) {
      auto [snippet, offset] = best_snippet(match, xapian_document, stored);
      hit.snippet = std::move(snippet);
      hit.page = page_of(stored.page_starts, offset);
      hit.section = section_of(stored.sections, offset);
      if (context_.request.passages > 1)
        hit.passages =
            best_passages(match, xapian_document, stored, static_cast<size_t>(context_.request.passages));
    } else if (context_.request.locate && (!stored.page_starts.empty() || !stored.sections.empty())) {
      size_t offset = best_snippet(match, xapian_document, stored).second;
      hit.page = page_of(stored.page_starts, offset);
      hit.section = section_of(stored.sections, offset);
    }
    label_document(stored, context_.gazetteer, context_.labels_lang);
    if (context_.request.marking) mark_fields(hit, match, xapian_document, stored, *context_.request.marking);
    if (context_.request.match_positions)
      for (const char* field : {"title", "description", "text"}) {
        auto values = index::field_text(stored, field);
        if (!values || values->empty()) continue;
        auto spans = snippets_.spans(values->front(), stored.lang, terms);
        if (!spans.empty()) hit.match_positions.emplace_back(field, std::move(spans));
      }
    if (!context_.request.with_body) stored.body.clear();
    hit.document = std::move(stored);
    return hit;
  }

 private:
  // Bytes read for a passage: from a checkpoint (≤ 40 words before a cluster) past the cluster.
  static constexpr size_t kSliceBytes = 1200;
  // Clusters tried in turn while one's matches all stand in a table of contents.
  static constexpr size_t kClusters = 8;

  // The snippet from the densest cluster of matched words whose passage is chosen for matches (a table of
  // contents never is), and the byte offset in the body of its first matched word.
  std::pair<std::string, size_t> best_snippet(const Xapian::MSetIterator& match,
                                              const Xapian::Document& xapian_document,
                                              const index::Document& stored) {
    const query::HighlightTerms& terms = context_.text.highlight;
    std::optional<std::pair<std::string, size_t>> first;
    for (const BodySlice& slice :
         body_slices(database_, match, xapian_document, stored.body, terms, kSliceBytes, kClusters)) {
      Passage passage = snippets_.build(slice.text, stored.lang, terms, context_.request.highlight);
      std::pair<std::string, size_t> found{with_cuts(std::move(passage.text), slice, "…"),
                                           slice.start + passage.offset};
      if (passage.matched) return found;
      if (!first) first = std::move(found);
    }
    return std::move(*first);
  }

  // Up to `count` best passages, best first, none overlapping another: read from the densest clusters of
  // matched words as the snippet is (tables of contents left out), so a long body is not read whole; the
  // whole body when positions cannot tell (no body map) or the body is shorter than a slice.
  std::vector<HitPassage> best_passages(const Xapian::MSetIterator& match,
                                        const Xapian::Document& xapian_document,
                                        const index::Document& stored, size_t count) {
    const query::HighlightTerms& terms = context_.text.highlight;
    std::vector<HitPassage> out;
    auto add = [&](std::string text, size_t offset) {
      out.push_back(
          {std::move(text), page_of(stored.page_starts, offset), section_of(stored.sections, offset)});
    };
    auto slices = body_slices(database_, match, xapian_document, stored.body, terms, kSliceBytes,
                              std::max(count * 2, kClusters));
    if (slices.size() == 1 && slices.front().text.size() == stored.body.size()) {
      for (Passage& best : snippets_.passages(stored.body, stored.lang, terms, count))
        add(std::move(best.text), best.offset);
      return out;
    }
    std::vector<size_t> chosen;  // the first matched byte of each passage kept
    for (const BodySlice& slice : slices) {
      Passage passage = snippets_.build(slice.text, stored.lang, terms, true);
      size_t offset = slice.start + passage.offset;
      bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](size_t other) {
        return std::max(offset, other) - std::min(offset, other) < kSnippetBytes;
      });
      if (!passage.matched || overlaps) continue;
      chosen.push_back(offset);
      add(with_cuts(std::move(passage.text), slice, "…"), offset);
      if (out.size() == count) break;
    }
    return out;
  }

  void mark_fields(Hit& hit, const Xapian::MSetIterator& match, const Xapian::Document& xapian_document,
                   const index::Document& stored, const FieldMarking& marking) {
    MarkStyle style{marking.pre_tag, marking.post_tag, marking.crop_marker, marking.escape_html, true};
    std::vector<std::string> fields = marking.highlight;
    for (const auto& [field, words] : marking.crop)
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    for (const std::string& field : fields) {
      auto values = index::field_text(stored, field);
      if (!values) continue;
      MarkStyle field_style = style;
      field_style.mark =
          std::find(marking.highlight.begin(), marking.highlight.end(), field) != marking.highlight.end();
      size_t words = crop_words(marking, field);
      std::vector<std::string> marked;
      for (const std::string& value : *values) {
        if (field == "text") {
          BodySlice slice = body_slices(database_, match, xapian_document, value, context_.text.highlight,
                                        words * 24 + 400, 1)
                                .front();
          marked.push_back(
              with_cuts(snippets_.crop(slice.text, stored.lang, context_.text.highlight, words, field_style),
                        slice, marking.crop_marker));
        } else if (words > 0) {
          marked.push_back(snippets_.crop(value, stored.lang, context_.text.highlight, words, field_style));
        } else {
          marked.push_back(snippets_.highlight(value, stored.lang, context_.text.highlight, field_style));
        }
      }
      hit.marked.emplace_back(field, std::move(marked));
    }
  }

  const Xapian::Database& database_;
  SnippetBuilder snippets_;
  const HitContext& context_;
};

}  // namespace

std::vector<Hit> render_hits(const Xapian::Database& database, const Xapian::MSet& matches,
                             analysis::Analyzer& analyzer, const HitContext& context) {
  std::vector<Hit> hits;
  Renderer renderer(database, analyzer, context);
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    Xapian::Document document = match.get_document();
    auto stored = index::decode_stored_fields(document.get_data());
    if (!stored) continue;
    hits.push_back(renderer.render(match, document, std::move(*stored)));
  }
  return hits;
}

}  // namespace sonda::search

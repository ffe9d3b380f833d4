// Turns a page of Xapian matches into Hits: stored fields, labels, score, snippet, marked fields, positions.
#include "search/hit_renderer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

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
  std::string text;
  size_t start = 0;  // its byte offset in the body
  bool cut_before = false;
  bool cut_after = false;
  bool whole = false;  // the whole body
};

// Bytes looked at for words before a slice; a slice starting further in has words before it.
constexpr size_t kWordsBeforeScan = 4096;

// The slice of `stored`'s body from `start`, at most `bytes` long and ending on a character; a packed body
// inflates only the chunks it covers, each once into `chunks`.
std::optional<BodySlice> slice_at(const index::Document& stored, size_t start, size_t bytes,
                                  index::PackedBody::InflatedChunks& chunks) {
  auto text = index::body_range(stored, start, bytes, &chunks);
  auto before = index::body_range(stored, 0, start > kWordsBeforeScan ? 0 : start, &chunks);
  if (!text || !before) return std::nullopt;
  bool words_before =
      start > kWordsBeforeScan || std::any_of(before->begin(), before->end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
      });
  text->resize(utf8_prefix(*text, bytes).size());
  bool cut_after = text->size() < index::body_size(stored) - start;
  return BodySlice{std::move(*text), start, words_before, cut_after, false};
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
      : database_(database), analyzer_(analyzer), snippets_(analyzer), context_(context) {}

  Hit render(const RankedHit& match, const Xapian::Document& xapian_document, index::Document stored) {
    Hit hit;
    chunks_.clear();
    located_.reset();
    const query::HighlightTerms& terms = context_.text.highlight;
    hit.score = context_.text.browse ? 0.0 : std::round(match.weight * 1000.0) / 1000.0;
    hit.relevance = context_.text.browse ? 1.0 : match.percent / 100.0;
    if (context_.request.with_body || context_.request.match_positions || context_.request.marking)
      index::unpack_body(stored);  // these read the whole text
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
    stored.packed_body.reset();
    hit.document = std::move(stored);
    return hit;
  }

 private:
  // Bytes read for a passage: from a checkpoint (≤ 40 words before a cluster) past the cluster.
  static constexpr size_t kSliceBytes = 1200;
  // Clusters tried in turn while one's matches all stand in a table of contents.
  static constexpr size_t kClusters = 8;

  // The hit's matched words in its body, found once for its snippet, passages and crop: in its text over
  // remote shards (when it can), else by the database's positions.
  std::optional<BodyMatches> locate(const RankedHit& match, const index::Document& stored,
                                    const index::BodyMap& map) {
    const query::HighlightTerms& terms = context_.text.highlight;
    std::optional<BodyMatches> found;
    if (context_.locate_in_text) found = body_matches_in_text(analyzer_, stored, map, terms);
    if (!found) found = body_matches(database_, match.docid, map, terms);
    return found;
  }

  // Visits the slices around the `count` densest clusters of matched words, best first, each made only when
  // reached, until `visit` returns false; or the whole body (inflated into `stored` when packed) when
  // positions cannot tell.
  void each_body_slice(const RankedHit& match, const Xapian::Document& document, index::Document& stored,
                       size_t bytes, size_t count, const std::function<bool(const BodySlice&)>& visit) {
    auto map = index::decode_body_map(document.get_value(index::kBodyMapSlot));
    std::optional<std::vector<size_t>> starts;
    if (map) {
      if (!located_) located_ = locate(match, stored, *map);
      if (*located_) starts = snippet_starts(**located_, *map, count);
    }
    bool visited = false;
    if (starts)
      for (size_t start : *starts) {
        if (start > index::body_size(stored)) continue;
        auto slice = slice_at(stored, start, bytes, chunks_);
        if (!slice) continue;
        visited = true;
        if (!visit(*slice)) return;
      }
    if (visited) return;
    index::unpack_body(stored);
    visit({stored.body, 0, false, false, true});
  }

  // The snippet from the densest cluster of matched words whose passage is chosen for matches (a table of
  // contents never is), and the byte offset in the body of its first matched word.
  std::pair<std::string, size_t> best_snippet(const RankedHit& match, const Xapian::Document& xapian_document,
                                              index::Document& stored) {
    const query::HighlightTerms& terms = context_.text.highlight;
    std::optional<std::pair<std::string, size_t>> first, chosen;
    each_body_slice(match, xapian_document, stored, kSliceBytes, kClusters, [&](const BodySlice& slice) {
      Passage passage = snippets_.build(slice.text, stored.lang, terms, context_.request.highlight);
      std::pair<std::string, size_t> found{with_cuts(std::move(passage.text), slice, "…"),
                                           slice.start + passage.offset};
      if (passage.matched)
        chosen = std::move(found);
      else if (!first)
        first = std::move(found);
      return !chosen;
    });
    return chosen ? std::move(*chosen) : std::move(*first);
  }

  // Up to `count` best passages, best first, none overlapping another: read from the densest clusters of
  // matched words as the snippet is (tables of contents left out), so a long body is not read whole; the
  // whole body only when positions cannot tell (no body map).
  std::vector<HitPassage> best_passages(const RankedHit& match, const Xapian::Document& xapian_document,
                                        index::Document& stored, size_t count) {
    const query::HighlightTerms& terms = context_.text.highlight;
    std::vector<HitPassage> out;
    auto add = [&](std::string text, size_t offset) {
      out.push_back(
          {std::move(text), page_of(stored.page_starts, offset), section_of(stored.sections, offset)});
    };
    std::vector<size_t> chosen;  // the first matched byte of each passage kept
    // Shown when no slice's words count, as the snippet is.
    std::optional<std::pair<std::string, size_t>> first;
    each_body_slice(match, xapian_document, stored, kSliceBytes, std::max(count * 2, kClusters),
                    [&](const BodySlice& slice) {
                      if (slice.whole) {
                        for (Passage& best : snippets_.passages(slice.text, stored.lang, terms, count))
                          add(std::move(best.text), best.offset);
                        return false;
                      }
                      Passage passage = snippets_.build(slice.text, stored.lang, terms, true);
                      size_t offset = slice.start + passage.offset;
                      bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](size_t other) {
                        return std::max(offset, other) - std::min(offset, other) < kSnippetBytes;
                      });
                      if (!first) first.emplace(with_cuts(passage.text, slice, "…"), offset);
                      if (!passage.matched || overlaps) return true;
                      chosen.push_back(offset);
                      add(with_cuts(std::move(passage.text), slice, "…"), offset);
                      return out.size() < count;
                    });
    if (out.empty() && first) add(std::move(first->first), first->second);
    return out;
  }

  void mark_fields(Hit& hit, const RankedHit& match, const Xapian::Document& xapian_document,
                   index::Document& stored, const FieldMarking& marking) {
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
          each_body_slice(match, xapian_document, stored, words * 24 + 400, 1, [&](const BodySlice& slice) {
            marked.push_back(with_cuts(
                snippets_.crop(slice.text, stored.lang, context_.text.highlight, words, field_style), slice,
                marking.crop_marker));
            return false;
          });
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
  analysis::Analyzer& analyzer_;
  SnippetBuilder snippets_;
  const HitContext& context_;
  index::PackedBody::InflatedChunks chunks_;           // of the hit being rendered
  std::optional<std::optional<BodyMatches>> located_;  // of the hit being rendered, once asked for
};

}  // namespace

std::vector<RankedHit> ranked_hits(const Xapian::MSet& matches, size_t count) {
  std::vector<RankedHit> hits;
  for (auto match = matches.begin(); match != matches.end() && hits.size() < count; ++match)
    hits.push_back({*match, match.get_weight(), match.get_percent()});
  return hits;
}

std::vector<Hit> render_hits(const Xapian::Database& database, const std::vector<RankedHit>& matches,
                             const std::vector<Xapian::Document>& documents, analysis::Analyzer& analyzer,
                             const HitContext& context) {
  std::vector<Hit> hits;
  Renderer renderer(database, analyzer, context);
  auto document = documents.begin();
  for (auto match = matches.begin(); match != matches.end() && document != documents.end();
       ++match, ++document) {
    index::ChunkStore store;
    if (context.metadata)
      store = [&metadata = context.metadata, docid = match->docid](const std::string& key) {
        return metadata(docid, key);
      };
    auto stored = index::decode_stored_record(document->get_data(), index::BodyReading::deferred, store);
    if (!stored) continue;
    hits.push_back(renderer.render(*match, *document, std::move(*stored)));
  }
  return hits;
}

}  // namespace sonda::search

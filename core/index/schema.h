// The index schema: every term prefix, value slot and stored field Sonda writes. One table, one place.
//
// | prefix | meaning                                   | kind                     |
// |--------|-------------------------------------------|--------------------------|
// | (none) | folded word ("chatiments")                | positional, title+body   |
// | Z      | folded stem ("Zchat")                     | positional, title+body   |
// | S      | folded title word ("Sperou")              | positional               |
// | ZS     | folded title stem ("ZSperou")             | wdf                      |
// | Q      | unique document id                        | boolean                  |
// | L      | language code ("Lfr")                     | boolean, facet `lang`    |
// | Y      | year ("Y2019")                            | boolean, facet `year`    |
// | D      | date ("D20190322")                        | boolean                  |
// | T      | source format ("Tpdf")                    | boolean, facet `format`  |
// | XC     | country key                               | boolean, facet `country` |
// | XR     | region key                                | boolean, facet `region`  |
// | XO     | organisation key                          | boolean, facet `organisation` |
// | XT     | topic key                                 | boolean, facet `topic`   |
// | XK     | document type key                         | boolean, facet `type`    |
// | XA     | accented form of a folded word ("XAeducacion:educación") | wdf 0 |
// | XP     | source file path, relative to the indexed folder ("XPfr/perou.md") | boolean |
//
// Value slots: 0 date and id (YYYYMMDD NUL id: date order, ties by id, the same sharded or not), 1 id
// (tie-breaker of relevance order), 2 year (sortable_serialise), 3 body map, 4 every facet's values at once
// (encode_facet_values: a local match counts all facets with one read per document);
// 10–17 one per facet (what a remote shard's server counts), holding the document's display values joined by
// kValueSeparator. Facet values are gazetteer keys ("PE") or, for values the gazetteer does not know, the
// value itself; facet terms hold them diacritic- and case-folded (at most kMaxKeyBytes bytes).
#pragma once

#include <xapian.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/document.h"

namespace sonda::index {

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kTitleStemPrefix = "ZS";
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kDatePrefix = "D";
inline constexpr std::string_view kFormatPrefix = "T";
inline constexpr std::string_view kAccentPrefix = "XA";
inline constexpr std::string_view kSourcePrefix = "XP";
inline constexpr char kAccentSeparator = ':';

inline constexpr Xapian::valueno kDateSlot = 0;  // date_sort_key(): date order, ties by id
inline constexpr Xapian::valueno kIdSlot = 1;
inline constexpr Xapian::valueno kYearSlot = 2;
inline constexpr Xapian::valueno kBodyMapSlot = 3;  // index/body_map.h
inline constexpr Xapian::valueno kFacetsSlot = 4;   // encode_facet_values()

inline constexpr char kValueSeparator = '\x1f';
inline constexpr size_t kMaxKeyBytes = 200;

// Gap in word positions between the title and the body, so no phrase spans both.
inline constexpr Xapian::termpos kBodyPositionGap = 100;
// Extra within-document frequency of title words, so BM25 ranks title matches above body ones.
inline constexpr Xapian::termcount kTitleWdf = 4;

// A facet: the name clients use, its filter term prefix and its value slot.
struct FacetField {
  std::string_view name;
  std::string_view prefix;
  Xapian::valueno slot;
  bool numeric = false;  // values are numbers (year): filterable by range, with numeric facet stats
};

// How many facet fields there are (facet_fields().size()).
inline constexpr size_t kFacetFieldCount = 8;

// Every facet field, in the order responses list them.
std::span<const FacetField> facet_fields();

// The place of `field` (by name) among `fields`; fields.size() when it is not there.
size_t place_of(std::span<const FacetField> fields, const FacetField& field);

// The facet called `name` ("country", "organisation"…, also the aliases "org", "organization"), if any.
std::optional<FacetField> find_facet(std::string_view name);

// The display values a document has for a facet.
std::vector<std::string> facet_values(const Document& document, const FacetField& field);

// The key a facet value is filtered by: folded and truncated ("Pérou" → "perou").
std::string facet_key(std::string_view value);

// The boolean term of one facet value ("XC" + "perou").
std::string facet_term(const FacetField& field, std::string_view value);

// "Q" + id.
std::string id_term(std::string_view id);

// The date slot's value: the compact date ("" when unknown), NUL, the id; sorting by it orders by date
// and breaks ties by id, where docid order (which differs between shardings) would decide otherwise.
std::string date_sort_key(std::string_view compact_date, std::string_view id);

// "XP" + the source path (hashed when too long for a term): every document read from one file.
std::string source_term(std::string_view source);

// Splits a facet slot's joined values.
std::vector<std::string> split_values(std::string_view joined);

// Slot kFacetsSlot's value: one joined list per facet field (kValueSeparator between values, "" for none),
// in facet_fields() order, each preceded by its length as a varint.
std::string encode_facet_values(std::span<const std::string> joined_by_field);

// The inverse, into `joined_by_field` (one view into `value` per facet field); false for a value that is not
// exactly facet_fields().size() such lists.
bool decode_facet_values(std::string_view value, std::span<std::string_view> joined_by_field);

}  // namespace sonda::index

// libFuzzer target: the query parser and translator on any bytes (no database: the translator's lookup is
// empty).
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "query/query_translator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sonda::analysis::Analyzer analyzer;
  static sonda::query::NoTermLookup lookup;
  std::string text(reinterpret_cast<const char*>(data), size);
  sonda::query::QueryNode parsed = sonda::query::parse_query(text);
  for (auto mode : {sonda::query::MatchMode::all, sonda::query::MatchMode::any}) {
    sonda::query::QueryTranslator translator(analyzer, lookup, {"fr", "es"});
    (void)translator.translate(parsed, mode).query.get_description();
  }
  return 0;
}

// Micro-benchmarks of the core (Google Benchmark): analysis per language, document building, query parsing
// and translation, snippets, and a search with facet counts over the sample corpus.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/language_detector.h"
#include "enrich/enricher.h"
#include "index/document_builder.h"
#include "index/index_writer.h"
#include "indexer/incremental_indexer.h"
#include "query/query_parser.h"
#include "query/query_translator.h"
#include "search/searcher.h"
#include "search/snippet.h"

namespace {

namespace fs = std::filesystem;

// The Markdown bodies of the sample corpus in one language, joined: a realistic text to analyse.
std::string corpus_text(const std::string& lang) {
  std::string text;
  for (const auto& entry : fs::directory_iterator(fs::path(SONDA_CORPUS_DIR) / lang)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::stringstream content;
    content << in.rdbuf();
    text += content.str() + "\n\n";
  }
  return text;
}

const sonda::enrich::Gazetteer& gazetteer() {
  static const auto loaded = sonda::enrich::Gazetteer::load("");
  return *loaded;
}

void BM_Analyze(benchmark::State& state, const std::string& lang) {
  std::string text = corpus_text(lang);
  sonda::analysis::Analyzer analyzer;
  for (auto _ : state) {
    size_t stems = 0;
    for (const auto& token : analyzer.tokens(text)) stems += analyzer.stem(token.word, lang).size();
    benchmark::DoNotOptimize(stems);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(BM_Analyze, fr, std::string("fr"));
BENCHMARK_CAPTURE(BM_Analyze, es, std::string("es"));

void BM_EnrichAndBuild(benchmark::State& state) {
  std::string text = corpus_text("es");
  sonda::analysis::LanguageDetector detector;
  sonda::enrich::Enricher enricher(gazetteer(), detector);
  sonda::analysis::Analyzer analyzer;
  sonda::index::DocumentBuilder builder(analyzer);
  sonda::index::Document prototype;
  prototype.id = "bench";
  prototype.lang = std::string("es");
  prototype.body = text;
  for (auto _ : state) {
    sonda::index::Document document = prototype;  // as the indexer's workers do: analysed once for both
    sonda::index::AnalysedFields words = builder.analyse(document);
    enricher.enrich(document, words);
    benchmark::DoNotOptimize(builder.build(std::move(document), words));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_EnrichAndBuild);

const std::vector<std::string> kQueries = {"châtiments corporels",
                                           "\"petite enfance\" Loreto",
                                           "castigo físico -adolescentes",
                                           "(visites OR visitas) domicile",
                                           "chât*",
                                           "country:Pérou topic:\"petite enfance\" nutrition"};

void BM_ParseAndTranslate(benchmark::State& state) {
  sonda::analysis::Analyzer analyzer;
  sonda::query::NoTermLookup lookup;
  for (auto _ : state) {
    for (const std::string& q : kQueries) {
      sonda::query::QueryTranslator translator(analyzer, lookup, {"fr", "es"});
      benchmark::DoNotOptimize(
          translator.translate(sonda::query::parse_query(q), sonda::query::MatchMode::all));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kQueries.size()));
}
BENCHMARK(BM_ParseAndTranslate);

void BM_Snippet(benchmark::State& state) {
  std::string text = corpus_text("fr").substr(0, 8000);
  sonda::analysis::Analyzer analyzer;
  sonda::search::SnippetBuilder snippets(analyzer);
  sonda::query::HighlightTerms terms;
  terms.stems = {"chat", "corporel"};
  for (auto _ : state) benchmark::DoNotOptimize(snippets.build(text, "fr", terms, true));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Snippet);

// A search with four facets over the sample corpus, indexed once into a temporary folder.
void BM_SearchWithFacets(benchmark::State& state) {
  fs::path db = fs::temp_directory_path() / "sonda-micro-bench-index";
  fs::remove_all(db);
  {
    auto writer = sonda::index::IndexWriter::open(db.string());
    auto scan = sonda::indexer::scan_sources({SONDA_CORPUS_DIR});
    std::ostringstream problems;
    sonda::indexer::Progress progress(problems, sonda::indexer::ProgressStyle::none);
    sonda::analysis::LanguageDetector detector;
    sonda::indexer::DatabaseSink sink(**writer, 1000);
    sonda::indexer::IncrementalIndexer indexer(sink, gazetteer(), detector, {}, problems, progress);
    if (!indexer.run(*scan)) state.SkipWithError("indexing failed");
  }
  auto searcher = sonda::search::Searcher::open(db.string(), gazetteer());
  sonda::search::SearchRequest request;
  request.q = "enfants OR niños";
  request.facets = {"country", "topic", "lang", "year"};
  for (auto _ : state) benchmark::DoNotOptimize((*searcher)->search(request));
  fs::remove_all(db);
}
BENCHMARK(BM_SearchWithFacets)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

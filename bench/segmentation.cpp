// sonda-bench-segmentation: the Latin-script word segmentation against ICU's on JSON Lines documents (plain
// or gzipped): how many documents take the Latin path, how many segment differently (must be none), and the
// speed of both paths, as JSON.
//
//   sonda-bench-segmentation FILE.jsonl[.gz]...
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/latin_words.h"
#include "analysis/text_cleaner.h"
#include "analysis/tokenizer.h"
#include "indexer/jsonl_record.h"
#include "indexer/line_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

bool same_words(const std::vector<sonda::analysis::RawToken>& a,
                const std::vector<sonda::analysis::RawToken>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin || a[i].end != b[i].end) return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: sonda-bench-segmentation FILE.jsonl[.gz]...\n");
    return 2;
  }
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    auto reader = sonda::indexer::LineReader::open(argv[i]);
    if (!reader) {
      std::fprintf(stderr, "%s\n", reader.error().message.c_str());
      return 2;
    }
    for (std::string line; reader->next(line);)
      if (auto document = sonda::indexer::parse_jsonl_record(line))
        texts.push_back(sonda::analysis::clean_text(document->title + "\n" + document->body));
  }
  sonda::analysis::Tokenizer tokenizer;
  size_t latin = 0, different = 0, bytes = 0, latin_bytes = 0;
  double fast_seconds = 0, icu_seconds = 0;
  for (const std::string& text : texts) {
    bytes += text.size();
    if (!sonda::analysis::latin_word_ranges(text)) continue;
    ++latin;
    latin_bytes += text.size();
    auto started = Clock::now();
    auto fast = tokenizer.split(text);
    auto middle = Clock::now();
    auto icu = tokenizer.split_with_icu(text);
    auto ended = Clock::now();
    fast_seconds += std::chrono::duration<double>(middle - started).count();
    icu_seconds += std::chrono::duration<double>(ended - middle).count();
    if (!same_words(fast, icu)) ++different;
  }
  std::printf(
      "{\"documents\": %zu, \"text_mb\": %.1f, \"latin_documents\": %zu, \"different\": %zu, "
      "\"latin_mb_per_s\": %.1f, \"icu_mb_per_s\": %.1f}\n",
      texts.size(), bytes / 1e6, latin, different, fast_seconds > 0 ? latin_bytes / 1e6 / fast_seconds : 0.0,
      icu_seconds > 0 ? latin_bytes / 1e6 / icu_seconds : 0.0);
  return different == 0 ? 0 : 1;
}

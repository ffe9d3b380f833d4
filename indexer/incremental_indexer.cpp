// One indexing run: what changed since the last run is re-indexed, what is gone is removed, in batches.
#include "indexer/incremental_indexer.h"

#include <atomic>
#include <optional>
#include <set>

#include "enrich/enricher.h"
#include "indexer/jsonl_record.h"
#include "indexer/line_reader.h"
#include "indexer/ordered_workers.h"
#include "indexer/source_reader.h"

namespace sonda::indexer {

// What a worker made of one file, or of one chunk of a JSON Lines file.
struct SourceOutcome {
  enum class Kind { part, done, unchanged, failed } kind = Kind::done;
  std::string source;
  bool existed = false;  // the index had a state for this source before the run
  bool replace = false;  // remove the source's old documents before adding these
  std::vector<index::PreparedDocument> documents;
  std::vector<std::string> problems;  // "where: reason"
  std::vector<std::string> warnings;
  std::optional<index::SourceState> state;  // set once the source is complete
  uint64_t bytes = 0;
  uint64_t text_bytes = 0;  // of the documents built
  size_t files = 0;
  size_t failed_records = 0;
};

namespace {

using Kind = SourceOutcome::Kind;

SourceOutcome outcome(Kind kind, const std::string& source, bool existed, bool replace = false) {
  SourceOutcome out;
  out.kind = kind;
  out.source = source;
  out.existed = existed;
  out.replace = replace;
  return out;
}

// The per-thread tools of a worker.
struct WorkerContext {
  WorkerContext(const enrich::Gazetteer& gazetteer, const analysis::LanguageDetector& detector)
      : builder(analyzer), enricher(gazetteer, detector) {}
  analysis::Analyzer analyzer;
  index::DocumentBuilder builder;
  enrich::Enricher enricher;
};

using Workers = OrderedWorkers<WorkerContext, SourceOutcome>;

// A file the run must read, and what the index remembers of it.
struct Work {
  const SourceFile* file;
  std::optional<index::SourceState> previous;
};

index::SourceState state_of(const SourceFile& file, uint64_t hash) {
  return {file.root, file.relative, file.stamp, hash};
}

SourceOutcome failed(const Work& work, std::string reason) {
  SourceOutcome out = outcome(Kind::failed, work.file->relative, work.previous.has_value());
  out.problems.push_back(work.file->relative + ": " + reason);
  out.files = 1;
  out.bytes = work.file->size;
  return out;
}

SourceOutcome unchanged(const Work& work, uint64_t hash) {
  SourceOutcome out = outcome(Kind::unchanged, work.file->relative, true);
  out.state = state_of(*work.file, hash);
  out.files = 1;
  out.bytes = work.file->size;
  return out;
}

// Enriches and builds one document; false (with the reason in `out.problems`) when it cannot be built.
bool prepare(WorkerContext& context, index::Document document, const std::string& where, SourceOutcome& out) {
  uint64_t text = document.title.size() + document.description.size() + document.body.size();
  for (const std::string& keyword : document.keywords) text += keyword.size();
  index::AnalysedFields words = context.builder.analyse(document);  // cleaned and analysed once for both
  context.enricher.enrich(document, words);
  auto prepared = context.builder.prepare(std::move(document), words);
  if (!prepared) {
    out.problems.push_back(where + ": " + prepared.error().message);
    return false;
  }
  out.documents.push_back(std::move(*prepared));
  out.text_bytes += text;
  return true;
}

SourceOutcome index_file(WorkerContext& context, const Work& work, const FileLimits& limits) {
  const SourceFile& file = *work.file;
  auto bytes = read_source(file, bytes_to_read(file.format, limits));
  if (!bytes) return failed(work, bytes.error().message);
  if (work.previous && work.previous->content_hash == bytes->content_hash)
    return unchanged(work, bytes->content_hash);
  auto document = document_from_file(file, *bytes, limits);
  if (!document) return failed(work, document.error().message);
  SourceOutcome out = outcome(Kind::done, file.relative, work.previous.has_value(), true);
  out.files = 1;
  out.bytes = file.size;
  for (std::string& warning : document->warnings)
    out.warnings.push_back(file.relative + ": warning: " + warning);
  if (!prepare(context, std::move(document->document), file.relative, out)) {
    out.kind = Kind::failed;  // the index keeps what it had of this file
    out.replace = false;
    return out;
  }
  out.state = state_of(file, bytes->content_hash);
  return out;
}

// Parses, enriches and builds a chunk of JSON Lines records.
SourceOutcome index_records(WorkerContext& context, const std::string& source,
                            const std::vector<std::pair<size_t, std::string>>& lines, bool first,
                            uint64_t bytes) {
  SourceOutcome out = outcome(Kind::part, source, false, first);
  out.bytes = bytes;
  for (const auto& [number, line] : lines) {
    std::string where = source + ":" + std::to_string(number);
    auto document = parse_jsonl_record(line);
    if (!document) {
      out.problems.push_back(where + ": " + document.error().message);
      ++out.failed_records;
      continue;
    }
    document->source = source;
    if (!prepare(context, std::move(*document), where, out)) ++out.failed_records;
  }
  return out;
}

// Reads a JSON Lines file on the producer thread and hands its records to the workers in chunks.
void produce_records(Workers& workers, const Work& work, size_t chunk, const std::atomic<bool>& cancelled) {
  const SourceFile& file = *work.file;
  auto hash = hash_source(file);
  if (!hash) return workers.submit([=](WorkerContext&) { return failed(work, hash.error().message); });
  if (work.previous && work.previous->content_hash == *hash)
    return workers.submit([=](WorkerContext&) { return unchanged(work, *hash); });
  auto reader = LineReader::open(file.absolute.string());
  if (!reader) {
    std::string reason = "cannot be read: " + reader.error().message;
    return workers.submit([=](WorkerContext&) { return failed(work, reason); });
  }
  std::vector<std::pair<size_t, std::string>> lines;
  std::string line;
  bool first = true;
  uint64_t reported = 0;
  std::vector<std::string> cut_lines;
  auto flush = [&] {
    uint64_t offset = reader->offset();
    workers.submit([source = file.relative, lines = std::move(lines), first,
                    bytes = offset - reported](WorkerContext& context) {
      return index_records(context, source, lines, first, bytes);
    });
    reported = offset;
    lines.clear();
    first = false;
  };
  for (size_t number = 1; reader->next(line) && !cancelled; ++number) {
    if (reader->last_line_cut())
      cut_lines.push_back(file.relative + ":" + std::to_string(number) +
                          ": record longer than the line limit; skipped");
    else if (line.find_first_not_of(" \t\r") != std::string::npos)
      lines.emplace_back(number, std::move(line));
    if (lines.size() >= chunk) flush();
  }
  if (!lines.empty() || first) flush();
  bool broken = reader->failed();
  workers.submit([=](WorkerContext&) {
    SourceOutcome out = outcome(broken ? Kind::failed : Kind::done, file.relative, work.previous.has_value());
    out.problems = cut_lines;
    out.failed_records = cut_lines.size();
    if (broken)
      out.problems.push_back(file.relative + ": read or decompression error; the file ends early");
    else
      out.state = state_of(file, *hash);
    out.files = 1;
    return out;
  });
}

// Submits every file of `work` in order, then closes the queue.
void produce(Workers& workers, const std::vector<Work>& work, const IndexerOptions& options,
             const std::atomic<bool>& cancelled) {
  for (const Work& item : work) {
    if (cancelled) break;
    if (item.file->format == extract::Format::jsonl)
      produce_records(workers, item, options.jsonl_chunk, cancelled);
    else
      workers.submit(
          [&item, &options](WorkerContext& context) { return index_file(context, item, options.limits); });
  }
  workers.close();
}

}  // namespace

void IncrementalIndexer::report(const SourceOutcome& outcome) {
  for (const std::string& problem : outcome.problems) problems_ << problem << '\n';
  for (const std::string& warning : outcome.warnings) problems_ << warning << '\n';
  summary_.warnings += outcome.warnings.size();
  summary_.failed += outcome.failed_records;
  progress_.advance(outcome.files, outcome.bytes, outcome.documents.size());
  summary_.bytes_read += outcome.bytes;
  summary_.text_bytes += outcome.text_bytes;
}

Status IncrementalIndexer::apply(SourceOutcome outcome, std::multimap<uint64_t, std::string>& gone_by_hash) {
  report(outcome);
  if (outcome.kind == Kind::failed && outcome.documents.empty()) {
    ++summary_.failed;
    return Status::success();
  }
  if (outcome.replace)
    if (Status status = sink_.remove_source(outcome.source); !status) return status;
  if (outcome.kind == Kind::failed) ++summary_.failed;
  if (outcome.state && outcome.kind == Kind::unchanged) {
    ++summary_.unchanged;
  } else if (outcome.state && outcome.existed) {
    ++summary_.updated;
  } else if (outcome.state) {
    auto moved = gone_by_hash.find(outcome.state->content_hash);
    if (moved == gone_by_hash.end()) {
      ++summary_.added;
    } else {
      if (Status status = sink_.remove_source(moved->second); !status) return status;
      gone_by_hash.erase(moved);
      ++summary_.moved;
    }
  }
  return sink_.write(std::move(outcome.documents), std::move(outcome.state));
}

Status IncrementalIndexer::remove_gone(const std::multimap<uint64_t, std::string>& gone_by_hash) {
  for (const auto& [hash, path] : gone_by_hash) {
    if (Status status = sink_.remove_source(path); !status) return status;
    ++summary_.removed;
  }
  return Status::success();
}

Status IncrementalIndexer::run(const Scan& scan) {
  summary_.unsupported += scan.unsupported;
  for (const auto& [path, reason] : scan.problems) {
    problems_ << path << ": " << reason << '\n';
    ++summary_.failed;
  }
  auto states = sink_.source_states();
  if (!states) return states.error();
  std::map<std::string, index::SourceState> known;
  for (index::SourceState& state : *states) known.emplace(state.path, std::move(state));

  std::vector<Work> work;
  uint64_t bytes_ahead = 0;
  std::set<std::string> present;
  for (const SourceFile& file : scan.files) {
    present.insert(file.relative);
    auto found = known.find(file.relative);
    std::optional<index::SourceState> previous;
    if (found != known.end()) previous = found->second;
    if (previous && previous->stamp == file.stamp && previous->root == file.root) {
      ++summary_.unchanged;
      continue;
    }
    work.push_back({&file, std::move(previous)});
    bytes_ahead += file.size;
  }
  std::multimap<uint64_t, std::string> gone_by_hash;
  for (const auto& [path, state] : known) {
    bool under_scanned_root =
        std::find(scan.folder_roots.begin(), scan.folder_roots.end(), state.root) != scan.folder_roots.end();
    if (under_scanned_root && !present.contains(path)) gone_by_hash.emplace(state.content_hash, path);
  }

  progress_.start(work.size(), bytes_ahead);
  std::atomic<bool> cancelled = false;
  Status failure = Status::success();
  {
    Workers workers(
        options_.threads, [&] { return std::make_unique<WorkerContext>(gazetteer_, detector_); },
        options_.threads * 4);
    std::thread producer([&] { produce(workers, work, options_, cancelled); });
    while (auto outcome = workers.next()) {
      if (!failure) continue;  // drain, so the producer can finish
      if (Status status = apply(std::move(*outcome), gone_by_hash); !status) {
        failure = status;
        cancelled = true;
      }
    }
    producer.join();
  }
  if (!failure) return failure;
  if (Status status = remove_gone(gone_by_hash); !status) return status;
  progress_.finish();
  Status finished = sink_.finish();
  summary_.documents_written = sink_.documents_written();
  return finished;
}

}  // namespace sonda::indexer

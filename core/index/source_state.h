// What the indexer remembers about each source file, stored in the database with its documents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sonda::index {

// One indexed source file. Stored as database metadata and committed together with the file's
// documents, so that after a crash the state never claims more than the index holds.
struct SourceState {
  std::string root;           // the folder the run was given (absolute)
  std::string path;           // relative to root; also the documents' `source`
  std::string stamp;          // size and modification time of the file and its sidecar: the cheap check
  uint64_t content_hash = 0;  // of the file's bytes and its sidecar's: the exact check
};

// Serialises a state as metadata value.
std::string encode_source_state(const SourceState& state);

// The inverse; nullopt for a value not written by encode_source_state.
std::optional<SourceState> decode_source_state(std::string_view value);

// The metadata key of a source path ("source:" + path, hashed when too long for a key).
std::string source_state_key(std::string_view path);

// The prefix every source state key starts with.
inline constexpr std::string_view kSourceStateKeyPrefix = "source:";

}  // namespace sonda::index

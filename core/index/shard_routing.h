// Which shard holds a document: a stable hash of its id, so every run (and every machine) agrees.
#pragma once

#include <cstddef>
#include <string_view>

#include "util/hash.h"

namespace sonda::index {

// The shard (0 … shards-1) of the document with `id`: FNV-1a 64 of the id's bytes, modulo `shards`.
inline size_t shard_of(std::string_view id, size_t shards) {
  return shards <= 1 ? 0 : static_cast<size_t>(fnv1a(id) % shards);
}

}  // namespace sonda::index

// libFuzzer target: the stub file parser (shard lines, local and remote) on any bytes; a parsed stub must
// name at least one shard, each either a path or a host with a port in 1…65535.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "index/stub_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto entries = sonda::index::parse_stub(text, "/base");
  if (!entries) return 0;
  if (entries->empty()) std::abort();
  for (const auto& entry : *entries) {
    if (entry.remote() && (entry.host.empty() || entry.port == 0 || entry.port > 65535)) std::abort();
    (void)entry.name();
  }
  return 0;
}
